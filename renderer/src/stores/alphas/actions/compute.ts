import { api } from '../../../api/client'
import { type AlphaRun, lowCoverage } from '../../../../../electron/contract'
import { idle } from '../../loadable'
import { idleTask } from '../../task'
import { adhocIncluded, isoDate, keysToCompute, okColumns, rangeProblem, selectedDatasetOf } from '../selectors'
import type { AlphasSlice } from '../state'
import { loadCross } from './cross-section'
import { loadInstrument } from './instrument'
import { get, jobs, requests, set } from './store'
import { onTab } from './tabs'

/** Why Compute is disabled right now, or null. */
export function computeBlocker(s: AlphasSlice = get()): string | null {
  const dataset = selectedDatasetOf(s)
  if (!dataset) return 'Choose a stock dataset.'
  const problem = rangeProblem(s.universe.from, s.universe.to, dataset)
  if (problem) return problem
  const keys = keysToCompute(s.selected, s.library.data?.formulas ?? [])
  if (!keys.length && !adhocIncluded(s)) {
    if (s.editor.include && s.editor.text.trim() && s.editor.parse.status === 'error') return 'The editor formula does not parse.'
    return 'Choose at least one alpha or type a formula.'
  }
  return null
}

/** Evaluates the chosen alphas over the universe in an engine job; the previous run stays shown meanwhile. */
export async function compute(): Promise<void> {
  const s = get()
  if (s.run.status === 'loading' || computeBlocker(s)) return
  const dataset = selectedDatasetOf(s)!
  const keys = keysToCompute(s.selected, s.library.data?.formulas ?? [])
  const adhoc = adhocIncluded(s) ? { name: s.editor.name.trim() || 'Formula', text: s.editor.text } : undefined
  const wholeFrom = isoDate(dataset.from)
  const wholeTo = isoDate(dataset.to)
  const outcome = await jobs.run(
    'compute',
    (jobId) =>
      api.alphas.compute({
        datasetId: dataset.id,
        sectors: s.universe.sectors.length ? s.universe.sectors : undefined,
        from: s.universe.from && s.universe.from !== wholeFrom ? s.universe.from : undefined,
        to: s.universe.to && s.universe.to !== wholeTo ? s.universe.to : undefined,
        keys,
        adhoc,
        policy: s.universe.policy,
        jobId,
      }),
    (job) => set({ run: { status: 'loading', data: s.run.data, error: null, job } }),
  )
  if (outcome.status === 'done') adoptRun(outcome.value)
  else if (outcome.status !== 'stale') set({ run: { ...get().run, status: 'error', error: outcome.error } })
}

export function cancelCompute(): void {
  if (get().run.status === 'loading') void jobs.cancel('compute')
}

/** Dismisses a failed compute's error (the previous results stay). */
export function dismissRunError(): void {
  const run = get().run
  if (run.status === 'error') set({ run: { ...run, status: run.data ? 'ready' : 'idle', error: null } })
}

/** A fresh run (or the open one with a new column): everything derived from the old one goes (its jobs are cancelled). */
export function adoptRun(run: AlphaRun): void {
  const s = get()
  jobs.drop('correlation', 'portfolio-backtest', 'leaderboard', ...Object.keys(s.tearSheets).map((key) => `tearsheet:${key}` as const))
  requests.drop('cross', 'bars', 'series')
  const ok = okColumns(run)
  const first = ok[0]?.key ?? null
  const keepSort = s.sort.column === 'symbol' || s.sort.column === 'sector' || ok.some((a) => a.key === s.sort.column)
  // The instrument stays open when it is still in the universe.
  const instrument = s.instrument && run.instruments.some((i) => i.id === s.instrument!.id) ? s.instrument : null
  set({
    run: { status: 'ready', data: run, error: null, job: s.run.job },
    dateIndex: Math.max(0, run.dates.length - 1),
    cross: idle(),
    sort: keepSort ? s.sort : { column: first ?? 'symbol', dir: first ? 'desc' : 'asc' },
    instrument,
    chartKey:
      keepSort && ok.some((a) => a.key === s.sort.column)
        ? s.sort.column
        : s.chartKey && ok.some((a) => a.key === s.chartKey)
          ? s.chartKey
          : first,
    bars: idle(),
    series: idle(),
    tearKey: s.tearKey && ok.some((a) => a.key === s.tearKey) ? s.tearKey : first,
    tearSheets: {},
    correlation: idleTask(),
    portfolioBacktest: idleTask(),
    leaderboard: idleTask(),
    leaderSelection: s.leaderSelection.filter((k) => ok.some((a) => a.key === k)),
    portfolioConfig: {
      ...s.portfolioConfig,
      key: s.portfolioConfig.key && ok.some((a) => a.key === s.portfolioConfig.key) ? s.portfolioConfig.key : first,
    },
  })
  if (ok.length) void loadCross()
  if (instrument) void loadInstrument()
  onTab(get().tab)
  if (run.alphas.some((a) => a.ok && a.coverage < lowCoverage && !a.diagnosis)) void loadDiagnosis(run.runId)
}

/** Low-coverage alphas: the engine's reason follows the run (a short job after the compute). */
async function loadDiagnosis(runId: string): Promise<void> {
  try {
    const alphas = await api.alphas.diagnose({ runId })
    const current = get().run.data
    if (current?.runId === runId && current.alphas.length === alphas.length) set({ run: { ...get().run, data: { ...current, alphas } } })
  } catch {
    // The chips keep their coverage; only the reason is missing.
  }
}
