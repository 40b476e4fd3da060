/**
 * Research actions beyond one run's views: the leaderboard (every alpha screened in one job),
 * the run history (reopen, pin, delete), an ad-hoc formula added to the open run, and the
 * missing-value policy of the next compute.
 */
import { api } from '../../api/client'
import { asErrorData } from '../../components/issues'
import type { LeaderboardRow } from '../../../../electron/contract'
import {
  adoptRun,
  cancelQuietly,
  loadCorrelation,
  newJobId,
  onLeaderboardTabOpened,
  setBacktestConfig,
  setTab,
  setTearKey,
  slot,
  watch,
} from './actions'
import { adhocIncluded } from './selectors'
import { type LeaderColumn, nextLeaderSort } from './leaderboard'
import { useAlphas, type AlphasSlice } from './state'

const set = (partial: Partial<AlphasSlice>) => useAlphas.setState(partial)
const get = () => useAlphas.getState()

/** Leaderboard defaults: the tear sheet's quantiles and the backtest's default cost. */
export const LEADER_QUANTILES = 5
export const LEADER_COST_BPS = 5

// ---- leaderboard ------------------------------------------------------------------------------

export async function loadLeaderboard(): Promise<void> {
  const run = get().run.data
  if (!run || get().leaderboard.status === 'loading') return
  const runId = run.runId
  const jobId = newJobId('leaderboard')
  const current = () => get().run.data?.runId === runId && get().leaderboard.job?.id === jobId
  const stop = watch(jobId, (info) => {
    const l = get().leaderboard
    if (current() && l.job) set({ leaderboard: { ...l, job: { ...l.job, info } } })
  })
  set({ leaderboard: { status: 'loading', data: null, error: null, job: slot(jobId) } })
  try {
    const data = await api.alphas.leaderboard({ runId, quantiles: LEADER_QUANTILES, costBps: LEADER_COST_BPS, jobId })
    if (current()) set({ leaderboard: { ...get().leaderboard, status: 'ready', data, error: null } })
  } catch (err) {
    if (current()) set({ leaderboard: { ...get().leaderboard, status: 'error', data: null, error: asErrorData(err) } })
  } finally {
    stop()
  }
}
onLeaderboardTabOpened(() => void loadLeaderboard())

export function cancelLeaderboard(): void {
  const l = get().leaderboard
  if (l.status === 'loading') cancelQuietly(l.job?.id)
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
  setBacktestConfig({ key })
  setTab('backtest')
}

// ---- run history ------------------------------------------------------------------------------

export async function loadHistory(): Promise<void> {
  const prev = get().history
  set({ history: { status: 'loading', data: prev.data, error: null } })
  try {
    const data = await api.alphas.runs({})
    set({ history: { status: 'ready', data, error: null } })
  } catch (err) {
    set({ history: { status: 'error', data: prev.data, error: asErrorData(err) } })
  }
}

export function toggleHistory(open = !get().historyOpen): void {
  set({ historyOpen: open })
  if (open) void loadHistory()
}

/** Reopens a run from the history: its metadata only, so it is instant. */
export async function openRun(runId: string): Promise<void> {
  try {
    const run = await api.alphas.openRun({ runId })
    adoptRun(run)
    set({ historyOpen: false })
  } catch (err) {
    set({ history: { ...get().history, error: asErrorData(err) } })
    void loadHistory()
  }
}

export async function pinRun(runId: string, pinned: boolean): Promise<void> {
  try {
    await api.alphas.pinRun({ runId, pinned })
  } catch (err) {
    set({ history: { ...get().history, error: asErrorData(err) } })
  }
  void loadHistory()
}

export async function deleteRun(runId: string): Promise<void> {
  try {
    await api.alphas.deleteRun({ runId })
  } catch (err) {
    set({ history: { ...get().history, error: asErrorData(err) } })
  }
  void loadHistory()
}

// ---- ad-hoc formula into the open run ---------------------------------------------------------------

/** The editor's formula as a new column of the run on screen (same universe, dates and policy). */
export async function addAdhocToRun(): Promise<void> {
  const s = get()
  const run = s.run.data
  if (!run || s.run.status === 'loading' || !adhocIncluded(s)) return
  const jobId = newJobId('adhoc')
  const stop = watch(jobId, (info) => {
    const r = get().run
    if (r.job?.id === jobId) set({ run: { ...r, job: { ...r.job, info } } })
  })
  set({ run: { status: 'loading', data: run, error: null, job: slot(jobId) } })
  try {
    const data = await api.alphas.compute({
      datasetId: run.datasetId,
      adhoc: { name: s.editor.name.trim() || 'Formula', text: s.editor.text },
      addTo: run.runId,
      jobId,
    })
    if (get().run.job?.id !== jobId) return
    adoptRun(data)
    const added = data.alphas[data.alphas.length - 1]
    if (added?.ok) set({ sort: { column: added.key, dir: 'desc' }, chartKey: added.key, tearKey: added.key })
  } catch (err) {
    if (get().run.job?.id !== jobId) return
    set({ run: { ...get().run, status: 'error', error: asErrorData(err) } })
  } finally {
    stop()
  }
}

// ---- policy -----------------------------------------------------------------------------------

export function setPolicy(policy: 'strict' | 'lenient'): void {
  set({ universe: { ...get().universe, policy } })
}
