/**
 * Long/short portfolio backtest of one alpha over a run.
 *
 * Timing (conservative, no look-ahead): the weights w_t are decided from the alpha known at
 * the close of day t, traded at the close of day t+1, and held from that close to the close
 * of day t+2. The day's return, dated t+2, is
 *     gross = Σ_i w_t,i · (close[t+2,i] / close[t+1,i] − 1)
 *     net   = gross − costBps / 10,000 · Σ_i |w_t,i − w_t−1,i|
 * Weights are rebalanced to target every day (turnover against yesterday's targets; price
 * drift between rebalances is ignored). An instrument without both closes contributes 0
 * that day (its position is treated as flat).
 *
 * Weighting, over the instruments with a finite alpha at t:
 * - 'quantile': long the top `quantile` fraction by alpha, short the bottom fraction, equal
 *   weights, +0.5 long and −0.5 short (gross exposure 1, dollar neutral). Ties at the
 *   boundary are broken by instrument order.
 * - 'rank': w_i ∝ pct_rank_i − mean(pct_rank), scaled to Σ|w| = 1 (dollar neutral).
 * The series starts on the first day a position is held; statistics use 252 days a year.
 */
import type { PortfolioStats } from '../../contract'
import type { NativeAddon } from '../../native/addon'
import { RankScratch, finiteOrNull, moments, pctRanks } from './rank'

/** The engine's one definition of return, volatility, Sharpe and drawdown statistics. */
export type Summarize = NativeAddon['summaryStats']

export const periodsPerYear = 252

export interface PortfolioSpec {
  weighting: 'quantile' | 'rank'
  quantile: number
  costBps: number
}

export interface PortfolioSeries {
  time: number[]
  returns: number[]
  gross: number[]
  turnover: number[]
  equity: number[]
  drawdown: number[]
  stats: PortfolioStats
}

/** Target weights for one date's alpha row (length n) into `w`; false when no position. */
export function targetWeights(alpha: Float64Array, off: number, n: number, spec: PortfolioSpec, w: Float64Array, s: RankScratch): boolean {
  w.fill(0)
  const row = alpha.subarray(off, off + n)
  if (spec.weighting === 'rank') {
    const r = s.rb
    pctRanks(row, r, s)
    let sum = 0
    let m = 0
    for (let i = 0; i < n; i++) {
      if (Number.isFinite(r[i])) {
        sum += r[i]
        m++
      }
    }
    if (m < 2) return false
    const mean = sum / m
    let gross = 0
    for (let i = 0; i < n; i++) {
      if (Number.isFinite(r[i])) {
        w[i] = r[i] - mean
        gross += Math.abs(w[i])
      }
    }
    if (!(gross > 0)) {
      w.fill(0)
      return false
    }
    for (let i = 0; i < n; i++) w[i] /= gross
    return true
  }
  const idx: number[] = []
  for (let i = 0; i < n; i++) if (Number.isFinite(row[i])) idx.push(i)
  const m = idx.length
  const k = Math.min(Math.floor(m / 2), Math.max(1, Math.floor(spec.quantile * m)))
  if (m < 2 || k < 1) return false
  idx.sort((a, b) => row[a] - row[b] || a - b)
  for (let j = 0; j < k; j++) {
    w[idx[j]] = -0.5 / k
    w[idx[m - 1 - j]] = 0.5 / k
  }
  return true
}

export function portfolioBacktest(
  alpha: Float64Array,
  close: Float64Array,
  closeDates: number[],
  t: number,
  n: number,
  spec: PortfolioSpec,
  summarize: Summarize,
): PortfolioSeries {
  const tc = closeDates.length
  const s = new RankScratch(n)
  const w = new Float64Array(n)
  const prev = new Float64Array(n)
  const out: PortfolioSeries = { time: [], returns: [], gross: [], turnover: [], equity: [], drawdown: [], stats: emptyStats() }
  const cost = spec.costBps / 10_000
  let started = false
  let equity = 1
  let peak = 1
  for (let d = 0; d < t && d + 2 < tc; d++) {
    const has = targetWeights(alpha, d * n, n, spec, w, s)
    if (!started && !has) continue
    started = true
    let turnover = 0
    let gross = 0
    const a = (d + 1) * n
    const b = (d + 2) * n
    for (let i = 0; i < n; i++) {
      turnover += Math.abs(w[i] - prev[i])
      if (w[i] !== 0) {
        const c0 = close[a + i]
        const c1 = close[b + i]
        if (c0 > 0 && c1 > 0) gross += w[i] * (c1 / c0 - 1)
      }
    }
    const net = gross - cost * turnover
    equity *= 1 + net
    peak = Math.max(peak, equity)
    out.time.push(closeDates[d + 2])
    out.returns.push(net)
    out.gross.push(gross)
    out.turnover.push(turnover)
    out.equity.push(equity)
    out.drawdown.push(equity / peak - 1)
    prev.set(w)
  }
  out.stats = stats(out, summarize)
  return out
}

function emptyStats(): PortfolioStats {
  return {
    annualizedReturn: null,
    annualizedVolatility: null,
    sharpe: null,
    maxDrawdown: null,
    meanTurnover: null,
    totalReturn: null,
    days: 0,
  }
}

/**
 * Statistics of the daily series. Return, volatility, Sharpe and drawdown come from the engine's
 * summary of the equity curve (its returns are the net returns), so every screen shares one
 * definition; turnover is this backtest's own.
 */
export function stats(series: Pick<PortfolioSeries, 'returns' | 'equity' | 'turnover'>, summarize: Summarize): PortfolioStats {
  const days = series.returns.length
  if (!days) return emptyStats()
  const equity = new Float64Array(days + 1)
  equity[0] = 1
  equity.set(series.equity, 1)
  const s = summarize(equity, periodsPerYear)
  return {
    annualizedReturn: finiteOrNull(s.annualizedReturn),
    annualizedVolatility: finiteOrNull(s.annualizedVolatility),
    sharpe: finiteOrNull(s.sharpe),
    maxDrawdown: finiteOrNull(s.maxDrawdown),
    meanTurnover: finiteOrNull(moments(series.turnover).mean),
    totalReturn: finiteOrNull(s.totalReturn),
    days,
  }
}
