/**
 * The curve panel of one root of a dataset, read from the database once per worker and kept:
 * every view and fit of that root reuses it (the native `CurvePanel` plus the rows a continuous
 * contract needs). A cache entry is keyed by what the panel is built from (contract count, bar
 * count, last bar, the expiry rule), so a re-import or an edited rule gives a fresh read.
 */
import { AppError, type CurveContract } from '../../contract'
import type { Db } from '../../db/open'
import type { NativeAddon } from '../../native/addon'
import { parseContractCode } from '../market/futures-codes'
import { dayOfIso } from './specs/calendar'
import { expiryOf, type ExpiryRule } from './specs/expiry-rules'

const DAY = 86_400
const keep = 4

export interface RootRef {
  datasetId: number
  root: string
  /** The root's expiry rule (contract specs), to place contracts stored without an expiry. */
  expiryRule?: ExpiryRule | null
}

export interface CurveSource {
  datasetId: number
  root: string
  /** Trading dates, unix seconds. */
  dates: number[]
  contracts: CurveContract[]
  /** Long rows, date-sorted: indices and the bar fields (NaN = missing). */
  rows: {
    date: Uint32Array
    contract: Uint32Array
    open: Float64Array
    high: Float64Array
    low: Float64Array
    close: Float64Array
    settle: Float64Array
    volume: Float64Array
    openInterest: Float64Array
  }
  panel: InstanceType<NativeAddon['CurvePanel']>
  /** Contracts left out: no expiry and no rule that places them. */
  unplaced: string[]
}

const cache = new Map<string, CurveSource>()

interface InstrumentRow {
  id: number
  symbol: string
  expiry: string | null
  contractMonth: string | null
}

function versionOf(db: Db, ref: RootRef): string {
  const v = db
    .prepare(
      `SELECT COUNT(*), COALESCE(SUM(s.bar_count), 0), MAX(s.last_ts), MAX(i.id)
       FROM instruments i LEFT JOIN instrument_stats s ON s.instrument_id = i.id
       WHERE i.dataset_id = ? AND i.root = ?`,
    )
    .raw()
    .get(ref.datasetId, ref.root) as unknown[]
  return `${ref.datasetId}|${ref.root}|${v.join(',')}|${JSON.stringify(ref.expiryRule ?? null)}`
}

/** Continuous series saved by the curves screen are instruments of their root named ROOT-CONT-…. */
export function isContinuousSymbol(symbol: string): boolean {
  return symbol.includes('-CONT-')
}

/** Contracts of the root in expiry order; those without an expiry placed by the rule when their code parses. */
function contractsOf(db: Db, ref: RootRef): { contracts: CurveContract[]; unplaced: string[] } {
  const rows = db
    .prepare(`SELECT id, symbol, expiry, contract_month AS contractMonth FROM instruments WHERE dataset_id = ? AND root = ?`)
    .all(ref.datasetId, ref.root) as InstrumentRow[]
  const contracts: CurveContract[] = []
  const unplaced: string[] = []
  for (const r of rows) {
    if (isContinuousSymbol(r.symbol)) continue // a saved continuous series of this root, not a contract
    if (r.expiry) {
      contracts.push({ instrumentId: r.id, symbol: r.symbol, expiry: r.expiry, contractMonth: r.contractMonth, expiryFromRule: false })
      continue
    }
    const code = parseContractCode(r.symbol)
    if (code && ref.expiryRule && code.root === ref.root) {
      const expiry = expiryOf(ref.expiryRule, code.year, code.month)
      contracts.push({ instrumentId: r.id, symbol: r.symbol, expiry, contractMonth: code.contractMonth, expiryFromRule: true })
    } else unplaced.push(r.symbol)
  }
  contracts.sort((a, b) => (a.expiry < b.expiry ? -1 : a.expiry > b.expiry ? 1 : a.symbol < b.symbol ? -1 : 1))
  return { contracts, unplaced }
}

function read(db: Db, native: NativeAddon, ref: RootRef): CurveSource {
  const { contracts, unplaced } = contractsOf(db, ref)
  if (contracts.length === 0) {
    throw new AppError('NOT_FOUND', `no contracts of root ${ref.root} with an expiry in dataset ${ref.datasetId}`, {
      unplaced: unplaced.slice(0, 20),
    })
  }
  const index = new Map(contracts.map((c, i) => [c.instrumentId, i]))
  const bars = db
    .prepare(
      `SELECT b.instrument_id, b.ts, b.open, b.high, b.low, b.close, b.settle, b.volume, b.open_interest
       FROM bars b JOIN instruments i ON i.id = b.instrument_id
       WHERE i.dataset_id = ? AND i.root = ?
       ORDER BY b.ts`,
    )
    .raw()
    .all(ref.datasetId, ref.root) as (number | null)[][]
  const kept = bars.filter((b) => index.has(b[0] as number))
  const n = kept.length
  const dates: number[] = []
  const rows = {
    date: new Uint32Array(n),
    contract: new Uint32Array(n),
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    settle: new Float64Array(n),
    volume: new Float64Array(n),
    openInterest: new Float64Array(n),
  }
  const num = (v: number | null) => (v === null ? Number.NaN : v)
  kept.forEach((b, r) => {
    // Bars are the exchange's wall-clock date stored as UTC: one day per trading date.
    const ts = Math.floor((b[1] as number) / DAY) * DAY
    if (dates.length === 0 || dates[dates.length - 1] !== ts) dates.push(ts)
    rows.date[r] = dates.length - 1
    rows.contract[r] = index.get(b[0] as number) as number
    rows.open[r] = num(b[2])
    rows.high[r] = num(b[3])
    rows.low[r] = num(b[4])
    rows.close[r] = num(b[5])
    rows.settle[r] = num(b[6])
    rows.volume[r] = num(b[7])
    rows.openInterest[r] = num(b[8])
  })
  const panel = new native.CurvePanel({
    dates: Int32Array.from(dates, (t) => t / DAY),
    expiries: Int32Array.from(contracts, (c) => dayOfIso(c.expiry)),
    rowDate: rows.date,
    rowContract: rows.contract,
    settle: rows.settle,
    close: rows.close,
    volume: rows.volume,
    openInterest: rows.openInterest,
  })
  return { datasetId: ref.datasetId, root: ref.root, dates, contracts, rows, panel, unplaced }
}

/** The root's curve source, from this worker's cache when the data has not changed. */
export function curveSource(db: Db, native: NativeAddon, ref: RootRef): CurveSource {
  const key = versionOf(db, ref)
  const hit = cache.get(key)
  if (hit) {
    cache.delete(key)
    cache.set(key, hit) // most recently used last
    return hit
  }
  const source = read(db, native, ref)
  cache.set(key, source)
  while (cache.size > keep) cache.delete(cache.keys().next().value as string)
  return source
}
