import type { IndicatorSeries, SummaryStats } from '../../contract'
import { createMarketService } from '../../services/market'
import type { JobPayload } from '../job-kinds'
import type { JobContext } from './context'
import { nullIfNaN, toFloat64, toNullable } from './series'

/** Bollinger bands at two standard deviations, the usual default. */
const bollingerWidth = 2

function closes(ctx: JobContext, instrumentId: number) {
  const bars = createMarketService(ctx.db()).getBars({ instrumentId })
  return { time: bars.time, close: toFloat64(bars.close) }
}

export function indicator(payload: JobPayload<'indicator'>, ctx: JobContext): IndicatorSeries {
  const { instrumentId, kind, window } = payload
  const { time, close } = closes(ctx, instrumentId)
  const started = performance.now()
  const { engine } = ctx
  let lines: Record<string, Float64Array>
  if (kind === 'sma') lines = { mid: engine.rollingMean(close, window) }
  else if (kind === 'ema') lines = { mid: engine.ema(close, window) }
  else {
    const mid = engine.rollingMean(close, window)
    const sd = engine.rollingStd(close, window)
    const upper = new Float64Array(mid.length)
    const lower = new Float64Array(mid.length)
    for (let i = 0; i < mid.length; i++) {
      upper[i] = mid[i] + bollingerWidth * sd[i]
      lower[i] = mid[i] - bollingerWidth * sd[i]
    }
    lines = { mid, upper, lower }
  }
  const computeMs = performance.now() - started
  ctx.progress(1, 1)
  return {
    instrumentId,
    kind,
    window,
    time,
    lines: Object.fromEntries(Object.entries(lines).map(([name, v]) => [name, toNullable(v)])),
    computeMs,
  }
}

/** Trading days a year for daily bars; intraday statistics are per bar and say so in the UI. */
const periodsPerYear = 252

export function summary(payload: JobPayload<'summary'>, ctx: JobContext): SummaryStats {
  const { close } = closes(ctx, payload.instrumentId)
  const s = ctx.engine.summaryStats(close, periodsPerYear)
  return {
    count: s.count,
    nanCount: s.nanCount,
    first: nullIfNaN(s.first),
    last: nullIfNaN(s.last),
    min: nullIfNaN(s.min),
    max: nullIfNaN(s.max),
    mean: nullIfNaN(s.mean),
    totalReturn: nullIfNaN(s.totalReturn),
    annualizedReturn: nullIfNaN(s.annualizedReturn),
    annualizedVolatility: nullIfNaN(s.annualizedVolatility),
    sharpe: nullIfNaN(s.sharpe),
    maxDrawdown: nullIfNaN(s.maxDrawdown),
    maxDrawdownStart: nullIfNaN(s.maxDrawdownStart),
    maxDrawdownEnd: nullIfNaN(s.maxDrawdownEnd),
  }
}
