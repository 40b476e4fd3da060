/**
 * Dates as the app stores them (unix seconds of the exchange's wall clock, stored as if UTC) and
 * the sorted-array searches every time axis needs. Pure functions: both sides import them.
 */

export const SECONDS_PER_DAY = 86_400

/** Unix seconds at 00:00 UTC of a calendar date, or null when the date does not exist (e.g. Feb 30). */
export function ymdToUnix(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null
  const ms = Date.UTC(year, month - 1, day)
  const d = new Date(ms)
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null
  return ms / 1000
}

/** 'YYYY-MM-DD' → unix seconds at 00:00 UTC, or null. */
export function isoDateToUnix(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  return m ? ymdToUnix(+m[1], +m[2], +m[3]) : null
}

/** Unix seconds → 'YYYY-MM-DD' (UTC). */
export function isoDate(ts: number): string {
  return new Date(ts * 1000).toISOString().slice(0, 10)
}

/** First index i with sorted[i] >= x (sorted.length when none). */
export function lowerBound(sorted: ArrayLike<number>, x: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid] < x) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** First index i with sorted[i] > x (sorted.length when none). */
export function upperBound(sorted: ArrayLike<number>, x: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid] <= x) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Index of the last value <= x (as of), or -1 when every value is later. */
export function lastAtOrBefore(sorted: ArrayLike<number>, x: number): number {
  return upperBound(sorted, x) - 1
}

/** ISO timestamp of now (as stored in the database's *_at columns). */
export function nowIso(): string {
  return new Date().toISOString()
}
