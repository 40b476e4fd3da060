import { okColumns } from '../selectors'
import type { ResultTab } from '../state'
import { loadCorrelation } from './correlation'
import { get, set } from './store'
import { loadTearSheet } from './tear-sheet'

export function setTab(tab: ResultTab): void {
  set({ tab })
  onTab(tab)
}

/** Analyses load when their tab is first shown for a run. */
export function onTab(tab: ResultTab): void {
  const s = get()
  if (!s.run.data) return
  if (tab === 'tearsheet' && s.tearKey && !s.tearSheets[s.tearKey]) void loadTearSheet(s.tearKey)
  if (tab === 'correlation' && s.correlation.status === 'idle' && okColumns(s.run.data).length > 0) void loadCorrelation()
}

export function toggleSetup(): void {
  set({ setupCollapsed: !get().setupCollapsed })
}
