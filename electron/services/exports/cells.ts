/** Text forms of typed values shared by the text formats (CSV, JSON, NDJSON). */
import { type ColumnData, type ColumnType, isDict } from './types'

const dayCache = new Map<number, string>()

/** YYYY-MM-DD of a unix-seconds time (UTC); cached: exports repeat the same few thousand dates. */
export function isoDay(ts: number): string {
  let s = dayCache.get(ts)
  if (s === undefined) {
    s = new Date(ts * 1000).toISOString().slice(0, 10)
    if (dayCache.size > 100_000) dayCache.clear()
    dayCache.set(ts, s)
  }
  return s
}

const two = (n: number) => (n < 10 ? `0${n}` : `${n}`)

/** ISO-8601 UTC time of unix seconds, without milliseconds when there are none (the date part cached per day). */
export function isoTime(ts: number): string {
  if (!Number.isInteger(ts)) {
    const s = new Date(ts * 1000).toISOString()
    return s.endsWith('.000Z') ? `${s.slice(0, 19)}Z` : s
  }
  const day = Math.floor(ts / 86_400) * 86_400
  const t = ts - day
  return `${isoDay(day)}T${two(Math.floor(t / 3600))}:${two(Math.floor((t % 3600) / 60))}:${two(t % 60)}Z`
}

export const isMissing = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'number' && v !== v)

/**
 * The value of row k of a column as text, or null when missing. Floats in shortest
 * round-trip form (reading the text back gives the same double); infinities as text.
 */
export function textOf(type: ColumnType, v: unknown): string | null {
  if (isMissing(v)) return null
  switch (type) {
    case 'string':
      return String(v)
    case 'int':
    case 'float':
      return String(v)
    case 'bool':
      return v ? 'true' : 'false'
    case 'date':
      return isoDay(Number(v))
    case 'timestamp':
      return isoTime(Number(v))
  }
}

/** Row k of a column (dictionary columns decoded). */
export function valueAt(column: ColumnData, k: number): unknown {
  return isDict(column) ? column.dict[column.codes[k]] : column[k]
}
