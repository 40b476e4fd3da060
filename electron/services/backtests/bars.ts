/**
 * One instrument's bars as the simulator's typed arrays, read by whoever runs the simulation
 * (a worker with its read-only connection, or the CLI). Futures use the settlement as the close
 * (as the charts do); a bar without a close is dropped, a bar missing open/high/low is a flat bar
 * at its close. Both are counted so the run can say so.
 */
import { AppError, isoDateToUnix, SECONDS_PER_DAY } from '../../contract'
import type { Db } from '../../db/open'

export interface SimBarsData {
  time: Float64Array
  open: Float64Array
  high: Float64Array
  low: Float64Array
  close: Float64Array
  volume: Float64Array
  /** Rows without a close (dropped). */
  dropped: number
}

/** Most bars one backtest reads (about 19 years of one-minute bars). */
export const MAX_BARS = 5_000_000

export function rangeOf(from?: string, to?: string): { from: number; to: number } {
  const lo = from === undefined ? Number.MIN_SAFE_INTEGER : isoDateToUnix(from)
  const hi = to === undefined ? Number.MAX_SAFE_INTEGER : isoDateToUnix(to)
  if (lo === null) throw new AppError('VALIDATION', `from: not a calendar date: ${from}`)
  if (hi === null) throw new AppError('VALIDATION', `to: not a calendar date: ${to}`)
  // `to` is a day: include all of its bars.
  return { from: lo, to: to === undefined ? hi : hi + SECONDS_PER_DAY - 1 }
}

export function loadBars(db: Db, instrumentId: number, from?: string, to?: string): SimBarsData {
  const range = rangeOf(from, to)
  const rows = db
    .prepare(
      `SELECT ts, open, high, low, COALESCE(settle, close) AS close, volume FROM bars
       WHERE instrument_id = ? AND ts >= ? AND ts <= ? ORDER BY ts LIMIT ?`,
    )
    .raw()
    .all(instrumentId, range.from, range.to, MAX_BARS + 1) as [
    number,
    number | null,
    number | null,
    number | null,
    number | null,
    number | null,
  ][]
  if (rows.length > MAX_BARS)
    throw new AppError('VALIDATION', `the instrument has more than ${MAX_BARS} bars in the range: choose a shorter range`)
  const n = rows.filter((r) => r[4] !== null).length
  const out: SimBarsData = {
    time: new Float64Array(n),
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    volume: new Float64Array(n),
    dropped: rows.length - n,
  }
  let k = 0
  for (const [ts, o, h, l, c, v] of rows) {
    if (c === null) continue
    out.time[k] = ts
    out.open[k] = o ?? c
    out.high[k] = h ?? c
    out.low[k] = l ?? c
    out.close[k] = c
    out.volume[k] = v ?? Number.NaN
    k++
  }
  if (n === 0) throw new AppError('VALIDATION', 'bars: the instrument has no bars in the chosen range')
  return out
}
