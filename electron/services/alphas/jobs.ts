/**
 * Alpha screen jobs: compute (panel + formulas → run file), and the analyses that read a run
 * file (tear sheet, correlation matrix, portfolio backtest). Values stay on disk; only results
 * that a screen shows cross back to the main process.
 */
import { AppError } from '../../contract'
import { defineJobs } from '../../pool/jobs'
import { computeRun, diagnoseRun, type ComputePayload } from './compute'
import { correlationMatrix } from './correlation'
import { formulaApi } from './formula-api'
import { leaderboardRows } from './leaderboard'
import { portfolioBacktest, type PortfolioSpec } from './portfolio-backtest'
import { withRun } from './run-file'
import { tearSheet } from './tearsheet'

/** Where an alpha analysis finds its run: the runs folder and the run id. */
interface RunRef {
  runsDir: string
  runId: string
}

export const alphaJobs = defineJobs({
  /** Evaluates formulas on a universe's panel into a run file; returns its metadata. */
  'alphas.compute': (payload: ComputePayload, ctx) => computeRun(ctx.db(), formulaApi(ctx.native), payload, ctx.progress),

  /** Why the run's low-coverage alphas have so few values (written into the run's metadata). */
  'alphas.diagnose': (payload: RunRef & { cacheDir: string }, ctx) =>
    diagnoseRun(ctx.db(), formulaApi(ctx.native), payload.cacheDir, payload.runsDir, payload.runId),

  /** Factor tear sheet of one alpha of a run. */
  'alphas.tearSheet': (payload: RunRef & { key: string; quantiles: number }, ctx) =>
    withRun(payload.runsDir, payload.runId, (run) => {
      const column = run.column(payload.key)
      ctx.progress(0, 3, 'reading the run')
      const alpha = run.alpha(payload.key)
      const close = run.closes()
      ctx.progress(1, 3, 'computing the tear sheet')
      const sectors = run.meta.instruments.map((i) => i.sector)
      const sheet = tearSheet(payload.key, { alpha, close, dates: run.meta.dates, n: run.n, sectors }, payload.quantiles, column.coverage)
      ctx.progress(3, 3)
      return sheet
    }),

  /** Mean cross-sectional rank correlation between the run's alphas (all that computed, or `keys`). */
  'alphas.correlation': (payload: RunRef & { keys?: string[] }, ctx) =>
    withRun(payload.runsDir, payload.runId, (run) => {
      const keys = payload.keys ?? run.meta.alphas.filter((a) => a.offset !== null).map((a) => a.key)
      if (keys.length < 1) throw new AppError('VALIDATION', 'no alpha in this run computed')
      const offsets = keys.map((k) => run.column(k).offset ?? 0)
      return correlationMatrix(keys, run.t, run.n, (k, d, out) => run.rows(offsets[k], d, 1, out), ctx.progress)
    }),

  /** Every alpha of a run screened at once: the leaderboard's rows. */
  'alphas.leaderboard': (payload: RunRef & { quantiles: number; costBps: number }, ctx) =>
    withRun(payload.runsDir, payload.runId, (run) =>
      leaderboardRows(run, payload.quantiles, payload.costBps, ctx.native.summaryStats, ctx.progress),
    ),

  /** Long/short portfolio backtest of one alpha of a run (stored as a run by the main process). */
  'alphas.portfolioBacktest': (payload: RunRef & PortfolioSpec & { key: string }, ctx) =>
    withRun(payload.runsDir, payload.runId, (run) => {
      ctx.progress(0, 2, 'reading the run')
      const alpha = run.alpha(payload.key)
      const close = run.closes()
      ctx.progress(1, 2, 'backtesting')
      const series = portfolioBacktest(alpha, close, run.meta.closeDates, run.t, run.n, payload, ctx.native.summaryStats)
      ctx.progress(2, 2)
      return series
    }),
})
export type AlphaJobs = typeof alphaJobs
