import { api } from '../../../api/client'
import { runTask } from '../../jobs'
import { type LeaderColumn, nextLeaderSort } from '../leaderboard'
import { get, jobs, set } from './store'

/** Leaderboard defaults: the tear sheet's quantiles and the portfolio backtest's default cost. */
export const LEADER_QUANTILES = 5
export const LEADER_COST_BPS = 5

/** Every alpha of the run screened at once, one engine job with progress. */
export async function loadLeaderboard(): Promise<void> {
  const run = get().run.data
  if (!run) return
  await runTask(
    jobs,
    'leaderboard',
    (jobId) => api.alphas.leaderboard({ runId: run.runId, quantiles: LEADER_QUANTILES, costBps: LEADER_COST_BPS, jobId }),
    (leaderboard) => set({ leaderboard }),
  )
}

export function cancelLeaderboard(): void {
  if (get().leaderboard.status === 'loading') void jobs.cancel('leaderboard')
}

export function sortLeaderboard(column: LeaderColumn): void {
  set({ leaderSort: nextLeaderSort(get().leaderSort, column) })
}

export function setLeaderFilter(leaderFilter: string): void {
  set({ leaderFilter })
}

export function toggleLeaderSelection(key: string): void {
  const sel = get().leaderSelection
  set({ leaderSelection: sel.includes(key) ? sel.filter((k) => k !== key) : [...sel, key] })
}

export function setLeaderSelection(keys: string[]): void {
  set({ leaderSelection: keys })
}
