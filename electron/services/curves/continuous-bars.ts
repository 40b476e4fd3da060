/**
 * The bars of a continuous contract: on each date the held contract's own bar, every price field
 * adjusted the same way (price × mul + add), volume and open interest as they were.
 */
import type { CurveSource } from './panel-source'
import { continuous, type ContinuousOptions } from './views'

export interface ContinuousBars {
  ts: number[]
  open: (number | null)[]
  high: (number | null)[]
  low: (number | null)[]
  close: (number | null)[]
  settle: (number | null)[]
  volume: (number | null)[]
  openInterest: (number | null)[]
  rolls: number
  first: string | null
  last: string | null
}

export function continuousBars(source: CurveSource, o: ContinuousOptions): ContinuousBars {
  const c = continuous(source, o)
  const rowOf = new Map<number, number>()
  const { rows } = source
  const width = source.contracts.length
  for (let r = 0; r < rows.date.length; r++) rowOf.set(rows.date[r] * width + rows.contract[r], r)
  const out: ContinuousBars = {
    ts: [],
    open: [],
    high: [],
    low: [],
    close: [],
    settle: [],
    volume: [],
    openInterest: [],
    rolls: c.rolls.length,
    first: null,
    last: null,
  }
  const fin = (v: number) => (Number.isFinite(v) ? v : null)
  for (let d = 0; d < source.dates.length; d++) {
    const held = c.contract[d]
    const r = held >= 0 ? rowOf.get(d * width + held) : undefined
    const price = c.adjusted[d]
    if (r === undefined || price === null) continue
    const adj = (v: number) => fin(v * c.mul[d] + c.add[d])
    out.ts.push(source.dates[d])
    out.open.push(adj(rows.open[r]))
    out.high.push(adj(rows.high[r]))
    out.low.push(adj(rows.low[r]))
    out.close.push(Number.isFinite(rows.close[r]) && rows.close[r] !== 0 ? adj(rows.close[r]) : price)
    out.settle.push(price)
    out.volume.push(fin(rows.volume[r]))
    out.openInterest.push(fin(rows.openInterest[r]))
  }
  out.first = out.ts.length ? new Date(out.ts[0] * 1000).toISOString().slice(0, 10) : null
  out.last = out.ts.length ? new Date(out.ts[out.ts.length - 1] * 1000).toISOString().slice(0, 10) : null
  return out
}
