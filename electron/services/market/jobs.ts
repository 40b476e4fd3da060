/** Market data jobs: overlays and summary statistics of one instrument, computed by the engine in a worker. */
import type { IndicatorKind, IndicatorSeries, SummaryStats } from '../../contract'
import { defineJobs, type JobContext } from '../../pool/jobs'
import { nullIfNaN, toFloat64, toNullable } from '../../shared/nullable'
import { marketQueries } from './queries'

/** Bollinger bands at two standard deviations, the usual default. */
const bollingerWidth = 2

function closes(ctx: JobContext, instrumentId: number) {
  const bars = marketQueries(ctx.db()).getBars({ instrumentId })
  return { time: bars.time, close: toFloat64(bars.close) }
}

function indicator(payload: { instrumentId: number; kind: IndicatorKind; window: number }, ctx: JobContext): IndicatorSeries {
  const { instrumentId, kind, window } = payload
  const { time, close } = closes(ctx, instrumentId)
  const started = performance.now()
  const engine = ctx.native
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

const tradingDays = 252
/** A US equity session (6.5 h), used to annualise intraday bars. */
const sessionSeconds = 6.5 * 3600

/** Bars a year, from the median spacing of the bars: 252 for daily, more for intraday. */
export function periodsPerYear(time: readonly number[]): number {
  if (time.length < 3) return tradingDays
  const gaps = time
    .slice(1)
    .map((t, i) => t - time[i])
    .sort((a, b) => a - b)
  const median = gaps[gaps.length >> 1]
  return median > 0 && median < 86_400 ? tradingDays * (sessionSeconds / median) : tradingDays
}

function summary(payload: { instrumentId: number; from?: number; to?: number }, ctx: JobContext): SummaryStats {
  const all = closes(ctx, payload.instrumentId)
  // A visible range: the bars inside it; drawdown indices stay indices into the whole series.
  const lo = payload.from === undefined ? 0 : all.time.findIndex((t) => t >= payload.from!)
  const start = lo < 0 ? all.time.length : lo
  let end = all.time.length
  if (payload.to !== undefined) while (end > start && all.time[end - 1] > payload.to) end--
  const close = all.close.subarray(start, end)
  const s = ctx.native.summaryStats(close, periodsPerYear(all.time))
  const at = (i: number) => (Number.isFinite(i) ? i + start : i)
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
    maxDrawdownStart: nullIfNaN(at(s.maxDrawdownStart)),
    maxDrawdownEnd: nullIfNaN(at(s.maxDrawdownEnd)),
  }
}

export const marketJobs = defineJobs({
  'market.indicator': indicator,
  'market.summary': summary,
})
export type MarketJobs = typeof marketJobs
