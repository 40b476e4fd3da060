/**
 * From the leaderboard to the other tabs: a row's tear sheet, the selection's correlation heatmap
 * and portfolio backtest. Apart from the leaderboard's own actions so that the tabs, which load
 * the leaderboard, and the leaderboard do not import each other.
 */
import type { LeaderboardRow } from '../../../../../electron/contract'
import { loadCorrelation } from './correlation'
import { setPortfolioConfig } from './portfolio-backtest'
import { get, set } from './store'
import { setTab } from './tabs'
import { setTearKey } from './tear-sheet'

/** A click on a row: that alpha's tear sheet. */
export function openTearSheet(row: Pick<LeaderboardRow, 'key' | 'ok'>): void {
  if (!row.ok) return
  setTearKey(row.key)
  set({ tab: 'tearsheet' })
}

/** The selection's correlation heatmap. */
export function correlateSelection(): void {
  const keys = get().leaderSelection
  if (keys.length < 2) return
  set({ tab: 'correlation' })
  void loadCorrelation(keys)
}

/** The portfolio backtest tab, on the first selected alpha. */
export function backtestSelection(): void {
  const key = get().leaderSelection[0]
  if (!key) return
  setPortfolioConfig({ key })
  setTab('portfolio')
}
