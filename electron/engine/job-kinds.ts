import type { AlphaCorrelation, AlphaRun, IndicatorKind, IndicatorSeries, SummaryStats, TearSheet } from '../contract'
import type { BacktestSeries, BacktestSpec } from '../services/alphas/backtest'
import type { ComputePayload } from '../services/alphas/compute'

/** Where an alpha analysis finds its run: the runs folder and the run id. */
interface RunRef {
  runsDir: string
  runId: string
}

/**
 * Every job a worker runs: its payload and its result. Declared once; the pool's `run`
 * and the worker's handler table are both typed from it.
 */
export interface JobKinds {
  indicator: {
    payload: { instrumentId: number; kind: IndicatorKind; window: number }
    result: IndicatorSeries
  }
  summary: {
    payload: { instrumentId: number }
    result: SummaryStats
  }
  /** Alpha screens: evaluates formulas on a universe's panel into a run file; returns its metadata. */
  'alphas.compute': { payload: ComputePayload; result: AlphaRun }
  /** Factor tear sheet of one alpha of a run. */
  'alphas.tearSheet': { payload: RunRef & { key: string; quantiles: number }; result: TearSheet }
  /** Mean cross-sectional rank correlation between the run's alphas (all that computed, or `keys`). */
  'alphas.correlation': { payload: RunRef & { keys?: string[] }; result: AlphaCorrelation }
  /** Long/short backtest of one alpha of a run (stored as a run by the main process). */
  'alphas.backtest': { payload: RunRef & BacktestSpec & { key: string }; result: BacktestSeries }
  /** Test and diagnostics: sleeps in steps, reporting progress (proves cancel and progress). */
  'selftest.sleep': { payload: { steps: number; stepMs: number }; result: { steps: number } }
  /** Test only: aborts the worker process from native code (proves crash isolation). */
  'selftest.abort': { payload: Record<string, never>; result: never }
}
export type JobKind = keyof JobKinds
export type JobPayload<K extends JobKind> = JobKinds[K]['payload']
export type JobResult<K extends JobKind> = JobKinds[K]['result']

/** Messages between the pool and a worker process. */
export type ToWorker = { type: 'run'; jobId: string; kind: JobKind; payload: unknown }

export type FromWorker =
  | { type: 'ready'; engineVersion: string }
  | { type: 'progress'; jobId: string; done: number; total: number; message?: string }
  | { type: 'result'; jobId: string; value: unknown }
  | { type: 'error'; jobId: string; error: import('../contract').ErrorData }
