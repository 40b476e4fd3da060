import { type ComponentType, createElement } from 'react'
import { AlphasScreen } from '../screens/alphas/AlphasScreen'
import { BacktestsScreen } from '../screens/backtests/BacktestsScreen'
import { CurvesScreen } from '../screens/curves/CurvesScreen'
import { DataScreen } from '../screens/data/DataScreen'
import { PlannedScreen } from '../screens/PlannedScreen'

export interface ScreenEntry<Id extends string = string> {
  id: Id
  /** The name in the nav and on the screen. */
  title: string
  component: ComponentType
}

/** A screen whose issue is still open says what it will hold instead of showing fake data. */
function planned<Id extends string>(id: Id, title: string, plan: string): ScreenEntry<Id> {
  return { id, title, component: () => createElement(PlannedScreen, { id, title, plan }) }
}

/** Every screen, in nav order: a new domain's screen is one line here. */
export const screens = [
  { id: 'data', title: 'Data', component: DataScreen },
  { id: 'alphas', title: 'Alphas', component: AlphasScreen },
  { id: 'curves', title: 'Curves', component: CurvesScreen },
  { id: 'backtests', title: 'Backtests', component: BacktestsScreen },
  planned('book', 'Trade book', 'Every simulated and live trade, with filters, notes, exports and the live trading API.'),
] as const satisfies readonly ScreenEntry[]

export type ScreenId = (typeof screens)[number]['id']

export const screenEntry = (id: ScreenId): ScreenEntry => screens.find((s) => s.id === id) ?? screens[0]
