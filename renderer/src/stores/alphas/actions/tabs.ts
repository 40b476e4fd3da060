import { okColumns } from '../selectors'
import type { ResultTab } from '../state'
import { loadCorrelation } from './correlation'
import { loadLeaderboard } from './leaderboard'
import { get, set } from './store'
import { loadTearSheet } from './tear-sheet'

export function setTab(tab: ResultTab): void {
  const s = get()
  // A tab opens on the alpha the user was looking at (the cross-section's sort column), not on the first one.
  const looked = s.tab === 'table' && s.run.data && okColumns(s.run.data).some((a) => a.key === s.sort.column) ? s.sort.column : null
  if (looked && tab === 'tearsheet') set({ tearKey: looked })
  if (looked && tab === 'portfolio') set({ portfolioConfig: { ...s.portfolioConfig, key: looked } })
  set({ tab })
  onTab(tab)
}

/** Analyses load when their tab is first shown for a run. */
export function onTab(tab: ResultTab): void {
  const s = get()
  if (!s.run.data) return
  if (tab === 'tearsheet' && s.tearKey && !s.tearSheets[s.tearKey]) void loadTearSheet(s.tearKey)
  if (tab === 'correlation' && s.correlation.status === 'idle' && okColumns(s.run.data).length > 0) void loadCorrelation()
  if (tab === 'leaderboard' && s.leaderboard.status === 'idle' && okColumns(s.run.data).length > 0) void loadLeaderboard()
}

export function toggleSetup(): void {
  set({ setupCollapsed: !get().setupCollapsed })
}
