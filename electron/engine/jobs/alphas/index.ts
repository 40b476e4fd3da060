/**
 * Alpha screen jobs: compute (panel + formulas → run file), and the analyses that read a run
 * file (tear sheet, correlation matrix, backtest). Values stay on disk; only results that a
 * screen shows cross back to the main process.
 */
import { computeRun } from '../../../services/alphas/compute'
import { alphaEngine } from '../../../services/alphas/engine-api'
import { backtest as runBacktest } from '../../../services/alphas/backtest'
import { correlationMatrix } from '../../../services/alphas/correlation'
import { withRun } from '../../../services/alphas/run-file'
import { tearSheet as buildTearSheet } from '../../../services/alphas/tearsheet'
import { AppError } from '../../../contract'
import type { JobPayload } from '../../job-kinds'
import type { JobContext } from '../context'

export function compute(payload: JobPayload<'alphas.compute'>, ctx: JobContext) {
  return computeRun(ctx.db(), alphaEngine(ctx.engine), payload, ctx.progress)
}

export function tearSheet(payload: JobPayload<'alphas.tearSheet'>, ctx: JobContext) {
  return withRun(payload.runsDir, payload.runId, (run) => {
    const column = run.column(payload.key)
    ctx.progress(0, 3, 'reading the run')
    const alpha = run.alpha(payload.key)
    const close = run.closes()
    ctx.progress(1, 3, 'computing the tear sheet')
    const sheet = buildTearSheet(payload.key, { alpha, close, dates: run.meta.dates, n: run.n }, payload.quantiles, column.coverage)
    ctx.progress(3, 3)
    return sheet
  })
}

export function correlation(payload: JobPayload<'alphas.correlation'>, ctx: JobContext) {
  return withRun(payload.runsDir, payload.runId, (run) => {
    const keys = payload.keys ?? run.meta.alphas.filter((a) => a.offset !== null).map((a) => a.key)
    const offsets = keys.map((k) => run.column(k).offset!)
    if (keys.length < 1) throw new AppError('VALIDATION', 'no alpha in this run computed')
    return correlationMatrix(keys, run.t, run.n, (k, d, out) => run.rows(offsets[k], d, 1, out), ctx.progress)
  })
}

export function backtest(payload: JobPayload<'alphas.backtest'>, ctx: JobContext) {
  return withRun(payload.runsDir, payload.runId, (run) => {
    ctx.progress(0, 2, 'reading the run')
    const alpha = run.alpha(payload.key)
    const close = run.closes()
    ctx.progress(1, 2, 'backtesting')
    const series = runBacktest(alpha, close, run.meta.closeDates, run.t, run.n, payload)
    ctx.progress(2, 2)
    return series
  })
}
