/**
 * The alpha screens' actions, one file per section: library and selection, universe, the formula
 * editor, compute, result tabs, cross-section, instrument chart, and the analyses of a run
 * (tear sheet, correlation, portfolio backtest). Screens import them from here.
 */
import { loadLibrary } from './library'
import { get, timers } from './store'
import { loadDatasets } from './universe'

export * from './compute'
export * from './correlation'
export * from './cross-section'
export * from './editor'
export * from './history'
export * from './instrument'
export * from './leaderboard'
export * from './leaderboard-links'
export * from './library'
export * from './portfolio-backtest'
export * from './selection'
export * from './tabs'
export * from './tear-sheet'
export * from './universe'

/** On entering the screen: the formula library and the datasets (refreshed: imports may have happened). */
export function enterAlphas(): void {
  if (get().library.status !== 'ready') void loadLibrary()
  void loadDatasets()
}

/** For tests: forget module state. */
export function resetAlphasForTests(): void {
  clearTimeout(timers.parse)
  clearTimeout(timers.cross)
}
