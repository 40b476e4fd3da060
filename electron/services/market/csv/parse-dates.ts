import type { DateFormat } from '../../../contract'
import { ymdToUnix } from '../../../contract'

/** A date format other than 'auto'. */
export type ConcreteDateFormat = Exclude<DateFormat, 'auto'>

// Date-only or date + time; a trailing zone marker is accepted and ignored (we keep the wall clock).
const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?$/
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/
const SLASH = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([AaPp][Mm])?)?$/
const UNIX = /^-?\d+(?:\.\d+)?$/
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([AaPp][Mm])?$/
const TIME_COMPACT = /^(\d{2})(\d{2})(\d{2})?$/

function timeOfDay(h: number, mi: number, s: number, ampm: string | undefined): number | null {
  if (ampm) {
    if (h < 1 || h > 12) return null
    const pm = ampm.toLowerCase() === 'pm'
    h = (h % 12) + (pm ? 12 : 0)
  }
  if (h > 23 || mi > 59 || s > 59) return null
  return h * 3600 + mi * 60 + s
}

function withTime(day: number | null, m: RegExpExecArray, at: number): number | null {
  if (day === null) return null
  if (m[at] === undefined) return day
  const t = timeOfDay(+m[at], +m[at + 1], m[at + 2] ? +m[at + 2] : 0, m[at + 3])
  return t === null ? null : day + t
}

/** Parses one date (or date-time) cell in a given format: unix seconds (wall clock as UTC), or null. */
export function parseDate(raw: string, format: ConcreteDateFormat): number | null {
  const text = raw.trim()
  let m: RegExpExecArray | null
  switch (format) {
    case 'YYYY-MM-DD':
      m = ISO.exec(text)
      return m ? withTime(ymdToUnix(+m[1], +m[2], +m[3]), m, 4) : null
    case 'YYYYMMDD':
      m = COMPACT.exec(text)
      return m ? ymdToUnix(+m[1], +m[2], +m[3]) : null
    case 'MM/DD/YYYY':
    case 'M/D/YYYY H:MM':
      m = SLASH.exec(text)
      return m ? withTime(ymdToUnix(+m[3], +m[1], +m[2]), m, 4) : null
    case 'DD/MM/YYYY':
      m = SLASH.exec(text)
      return m ? withTime(ymdToUnix(+m[3], +m[2], +m[1]), m, 4) : null
    case 'unix': {
      if (!UNIX.test(text)) return null
      const n = Number(text)
      // Milliseconds when it cannot be seconds (> year 5138).
      return Math.floor(Math.abs(n) >= 1e11 ? n / 1000 : n)
    }
  }
}

/** Parses a time-of-day cell (H:MM, H:MM:SS, optional AM/PM, or HHMM / HHMMSS): seconds after midnight, or null. */
export function parseTimeOfDay(raw: string): number | null {
  const text = raw.trim()
  let m = TIME.exec(text)
  if (m) return timeOfDay(+m[1], +m[2], m[3] ? +m[3] : 0, m[4])
  m = TIME_COMPACT.exec(text)
  if (m) return timeOfDay(+m[1], +m[2], m[3] ? +m[3] : 0, undefined)
  return null
}

/** A cached parser for one format: daily files repeat each date once per symbol. */
export function makeDateParser(format: ConcreteDateFormat): (raw: string) => number | null {
  const cache = new Map<string, number | null>()
  return (raw) => {
    let v = cache.get(raw)
    if (v === undefined) {
      v = parseDate(raw, format)
      if (cache.size > 200_000) cache.clear()
      cache.set(raw, v)
    }
    return v
  }
}

export type DateDetection =
  | { format: ConcreteDateFormat; hasTime: boolean; ambiguous: boolean; note?: string }
  | { format: null; badValue: string | null; reason: string }

/**
 * Picks the format of a column from its first non-empty values: the shape most of them
 * share (values of another shape are reported row by row later, where they are). Day/month
 * order of slash dates is settled by any part above 12; when none is, MM/DD is assumed and
 * the result says it was ambiguous.
 */
export function detectDateFormat(values: readonly string[]): DateDetection {
  const vals: string[] = []
  for (const v of values) {
    const t = v.trim()
    if (t) vals.push(t)
    if (vals.length >= 2000) break
  }
  if (!vals.length) return { format: null, badValue: null, reason: 'the date column is empty' }

  const iso: string[] = []
  const compact: string[] = []
  const slash: RegExpExecArray[] = []
  const unix: string[] = []
  let other: string | null = null
  for (const v of vals) {
    let m: RegExpExecArray | null
    if (ISO.test(v)) iso.push(v)
    else if (COMPACT.test(v) && parseDate(v, 'YYYYMMDD') !== null) compact.push(v)
    else if ((m = SLASH.exec(v))) slash.push(m)
    else if (UNIX.test(v)) unix.push(v)
    else other ??= v
  }
  const best = Math.max(iso.length, compact.length, slash.length, unix.length)
  if (best === 0) return { format: null, badValue: other, reason: 'unrecognised date format' }
  if (iso.length === best) return { format: 'YYYY-MM-DD', hasTime: iso.some((v) => v.length > 10), ambiguous: false }
  if (compact.length === best) return { format: 'YYYYMMDD', hasTime: false, ambiguous: false }
  if (unix.length === best) return { format: 'unix', hasTime: true, ambiguous: false }

  let firstAbove12: string | null = null
  let secondAbove12: string | null = null
  let hasTime = false
  for (const m of slash) {
    if (+m[1] > 12) firstAbove12 ??= m[0]
    if (+m[2] > 12) secondAbove12 ??= m[0]
    if (m[4] !== undefined) hasTime = true
  }
  if (firstAbove12 && secondAbove12) {
    return { format: null, badValue: firstAbove12, reason: `dates mix day-first and month-first order (see also '${secondAbove12}')` }
  }
  const format: ConcreteDateFormat = firstAbove12 ? 'DD/MM/YYYY' : hasTime ? 'M/D/YYYY H:MM' : 'MM/DD/YYYY'
  const ambiguous = !firstAbove12 && !secondAbove12
  return {
    format,
    hasTime,
    ambiguous,
    note: ambiguous
      ? `dates like '${slash[0][0]}' could be month-first or day-first and no value above 12 was found in the first ${slash.length}; read as month-first (${format}). Choose DD/MM/YYYY if that is wrong.`
      : undefined,
  }
}
