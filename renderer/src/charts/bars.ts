/**
 * Pure conversions from the contract's column-shaped Bars to chart series data. No chart
 * library state here, so the same logic serves every screen that draws bars.
 */
import type { Bars, IndicatorSeries } from '../../../electron/contract'
import { lowerBound } from '../../../electron/contract/dates'

/** How a bar series is drawn: OHLC candles, or a line of closes (settlement-only futures). */
export type BarStyle = 'candles' | 'line'

export interface BarPoint {
  time: number
  open: number | null
  high: number | null
  low: number | null
  close: number | null
  volume: number | null
}

const ok = (v: number | null | undefined): v is number => v !== null && v !== undefined && Number.isFinite(v)

/** Candles when at least a fifth of the bars with a close also have a full O/H/L; a line otherwise. */
export function barStyleOf(bars: Bars): BarStyle {
  let withClose = 0
  let full = 0
  for (let i = 0; i < bars.time.length; i++) {
    if (!ok(bars.close[i])) continue
    withClose++
    if (ok(bars.open[i]) && ok(bars.high[i]) && ok(bars.low[i])) full++
  }
  return withClose > 0 && full / withClose >= 0.2 ? 'candles' : 'line'
}

/** True when any bar has a positive volume (the SPX 1-minute sample has only zeros). */
export function hasVolume(bars: Bars): boolean {
  return bars.volume.some((v) => ok(v) && v > 0)
}

/** Median spacing between bars, in seconds: tells intraday data from daily data. */
export function medianStepSeconds(time: readonly number[]): number {
  if (time.length < 2) return 86_400
  const n = Math.min(time.length - 1, 500)
  const steps: number[] = []
  for (let i = time.length - n; i < time.length; i++) steps.push(time[i] - time[i - 1])
  steps.sort((a, b) => a - b)
  return steps[steps.length >> 1]
}

export function isIntraday(time: readonly number[]): boolean {
  return medianStepSeconds(time) < 86_400 / 2
}

/**
 * Decimal places to show (2..4): as many as the data carries (NG settles in 0.001), but no more
 * than the price level warrants (split-adjusted stock prices carry 4 decimals nobody trades in).
 */
export function pricePrecision(values: readonly (number | null)[]): number {
  const sample: number[] = []
  const step = Math.max(1, Math.floor(values.length / 400))
  for (let i = 0; i < values.length; i += step) {
    const v = values[i]
    if (ok(v)) sample.push(Math.abs(v))
  }
  if (!sample.length) return 2
  const sorted = [...sample].sort((a, b) => a - b)
  const median = sorted[sorted.length >> 1]
  const cap = median >= 10 ? 2 : median >= 1 ? 3 : 4
  let digits = 2
  for (const v of sample) {
    const s = v.toString()
    if (s.includes('e')) continue
    const dot = s.indexOf('.')
    if (dot >= 0) digits = Math.max(digits, s.length - dot - 1)
    if (digits >= cap) break
  }
  return Math.min(digits, cap)
}

/** The bar at index i as plain values. */
export function barAt(bars: Bars, i: number): BarPoint {
  return {
    time: bars.time[i],
    open: bars.open[i] ?? null,
    high: bars.high[i] ?? null,
    low: bars.low[i] ?? null,
    close: bars.close[i] ?? null,
    volume: bars.volume[i] ?? null,
  }
}

/** Index of a time in a sorted time column, or -1. */
export function indexOfTime(time: readonly number[], t: number): number {
  const i = lowerBound(time, t)
  return time[i] === t ? i : -1
}

export interface CandleDatum {
  time: number
  open?: number
  high?: number
  low?: number
  close?: number
}
export interface ValueDatum {
  time: number
  value?: number
  color?: string
}

/**
 * Candles. A bar with only a close (a settlement-only day in an OHLC series) is drawn as a flat
 * candle at the close; a bar without a close is whitespace (keeps the time axis aligned).
 */
export function toCandles(bars: Bars): CandleDatum[] {
  const out: CandleDatum[] = new Array(bars.time.length)
  for (let i = 0; i < bars.time.length; i++) {
    const c = bars.close[i]
    if (!ok(c)) {
      out[i] = { time: bars.time[i] }
      continue
    }
    const o = ok(bars.open[i]) ? bars.open[i]! : c
    const h = ok(bars.high[i]) ? bars.high[i]! : Math.max(o, c)
    const l = ok(bars.low[i]) ? bars.low[i]! : Math.min(o, c)
    out[i] = { time: bars.time[i], open: o, high: Math.max(h, o, c), low: Math.min(l, o, c), close: c }
  }
  return out
}

export function toCloseLine(bars: Bars): ValueDatum[] {
  const out: ValueDatum[] = new Array(bars.time.length)
  for (let i = 0; i < bars.time.length; i++) {
    const c = bars.close[i]
    out[i] = ok(c) ? { time: bars.time[i], value: c } : { time: bars.time[i] }
  }
  return out
}

/** Volume bars coloured by the bar's direction (close vs open, else vs the previous close). */
export function toVolume(bars: Bars, upColor: string, downColor: string): ValueDatum[] {
  const out: ValueDatum[] = new Array(bars.time.length)
  let prevClose: number | null = null
  for (let i = 0; i < bars.time.length; i++) {
    const v = bars.volume[i]
    const c = bars.close[i]
    const o = bars.open[i]
    const ref = ok(o) ? o : prevClose
    const up = ok(c) && ok(ref) ? c >= ref : true
    out[i] = ok(v) ? { time: bars.time[i], value: v, color: up ? upColor : downColor } : { time: bars.time[i] }
    if (ok(c)) prevClose = c
  }
  return out
}

export function toLine(time: readonly number[], values: readonly (number | null)[]): ValueDatum[] {
  const out: ValueDatum[] = new Array(time.length)
  for (let i = 0; i < time.length; i++) {
    const v = values[i]
    out[i] = ok(v) ? { time: time[i], value: v } : { time: time[i] }
  }
  return out
}

/** Points with nulls as whitespace (gaps), sorted and de-duplicated by time as the library requires. */
export function toPoints(
  time: readonly number[],
  values: readonly (number | null)[],
): ({ time: number; value: number } | { time: number })[] {
  const out: ({ time: number; value: number } | { time: number })[] = []
  let last = -Infinity
  for (let i = 0; i < time.length; i++) {
    const t = time[i]
    if (!(t > last)) continue
    last = t
    const v = values[i]
    out.push(ok(v) ? { time: t, value: v } : { time: t })
  }
  return out
}

/** Display name of an overlay line: "SMA 20", "BB 20 upper". */
export function overlayLineLabel(series: Pick<IndicatorSeries, 'kind' | 'window'>, line: string): string {
  const base = series.kind === 'bollinger' ? `BB ${series.window}` : `${series.kind.toUpperCase()} ${series.window}`
  return line === 'mid' ? (series.kind === 'bollinger' ? `${base} mid` : base) : `${base} ${line}`
}

/** Lines in drawing/legend order: mid first, then upper, lower, then the rest. */
export function overlayLineOrder(lines: Record<string, unknown>): string[] {
  const order = ['mid', 'upper', 'lower']
  return Object.keys(lines).sort((a, b) => {
    const ia = order.indexOf(a)
    const ib = order.indexOf(b)
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b)
  })
}
