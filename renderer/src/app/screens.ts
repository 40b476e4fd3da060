import type { ComponentType } from 'react'
import { AlphasScreen } from '../screens/alphas/AlphasScreen'
import { BookScreen } from '../screens/book/BookScreen'
import { BacktestsScreen } from '../screens/backtests/BacktestsScreen'
import { CurvesScreen } from '../screens/curves/CurvesScreen'
import { DataScreen } from '../screens/data/DataScreen'

export interface ScreenEntry<Id extends string = string> {
  id: Id
  /** The name in the nav and on the screen. */
  title: string
  component: ComponentType
}

/** Every screen, in nav order: a new domain's screen is one line here. */
export const screens = [
  { id: 'data', title: 'Data', component: DataScreen },
  { id: 'alphas', title: 'Alphas', component: AlphasScreen },
  { id: 'curves', title: 'Curves', component: CurvesScreen },
  { id: 'backtests', title: 'Backtests', component: BacktestsScreen },
  { id: 'book', title: 'Trade book', component: BookScreen },
] as const satisfies readonly ScreenEntry[]

export type ScreenId = (typeof screens)[number]['id']

export const screenEntry = (id: ScreenId): ScreenEntry => screens.find((s) => s.id === id) ?? screens[0]
