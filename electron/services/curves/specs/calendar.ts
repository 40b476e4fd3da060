/**
 * US exchange business days for expiry rules (CME/NYMEX/COMEX/CBOT and CFE share these
 * full-day closures): weekends, the NYSE-style holidays with their observed dates, Good
 * Friday, and the unscheduled closures since 2001. Dates are 'YYYY-MM-DD' in UTC day numbers.
 */

const DAY_MS = 86_400_000

/** Day number (days since 1970-01-01) of a calendar date. */
export function dayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS
}

export function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

export function dayOfIso(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / DAY_MS
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7
}

/** The n-th (1-based) given weekday of a month; n = -1 for the last one. */
export function nthWeekday(year: number, month: number, wd: number, n: number): number {
  if (n < 0) {
    const last = dayOf(year, month + 1, 0)
    return last - ((weekday(last) - wd + 7) % 7)
  }
  const first = dayOf(year, month, 1)
  return first + ((wd - weekday(first) + 7) % 7) + (n - 1) * 7
}

/** Easter Sunday (Gregorian, anonymous algorithm). */
function easter(year: number): number {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return dayOf(year, month, day)
}

/** A fixed-date holiday moved off the weekend: Saturday → Friday, Sunday → Monday. */
function observed(day: number): number {
  const wd = weekday(day)
  return wd === 6 ? day - 1 : wd === 0 ? day + 1 : day
}

/** Closures outside the regular calendar (9/11, state funerals, Hurricane Sandy). */
const specialClosures = [
  '2001-09-11',
  '2001-09-12',
  '2001-09-13',
  '2001-09-14',
  '2004-06-11',
  '2007-01-02',
  '2012-10-29',
  '2012-10-30',
  '2018-12-05',
  '2025-01-09',
]

/**
 * NYMEX's expiry calendar differs from the stock exchanges': its electronic markets traded
 * through Hurricane Sandy (2012-10-29/30), and before 2013 it did not count some abbreviated
 * sessions (Fridays after Thanksgiving, a Dec 24 or Dec 31 next to a holiday) as business
 * days. Read off the CL/NG expiry table of the sample (2003–2027), which these reproduce.
 */
const nymexOpen = ['2012-10-29', '2012-10-30']
const nymexClosed = [
  '2004-11-26',
  '2004-12-31',
  '2005-11-25',
  '2006-11-24',
  '2007-11-23',
  '2007-12-24',
  '2008-11-28',
  '2009-11-27',
  '2010-11-26',
  '2010-12-31',
  '2011-11-25',
  '2012-11-23',
]

export type Calendar = 'us' | 'nymex'

const cache = new Map<string, Set<number>>()

export function holidays(year: number, calendar: Calendar = 'us'): Set<number> {
  const hit = cache.get(`${calendar}${year}`)
  if (hit) return hit
  const days = [
    // New Year's Day: on a Saturday it is not moved back into the old year.
    weekday(dayOf(year, 1, 1)) === 6 ? Number.NaN : observed(dayOf(year, 1, 1)),
    nthWeekday(year, 1, 1, 3), // Martin Luther King Jr. Day
    nthWeekday(year, 2, 1, 3), // Presidents' Day
    easter(year) - 2, // Good Friday
    nthWeekday(year, 5, 1, -1), // Memorial Day
    year >= 2022 ? observed(dayOf(year, 6, 19)) : Number.NaN, // Juneteenth
    observed(dayOf(year, 7, 4)),
    nthWeekday(year, 9, 1, 1), // Labor Day
    nthWeekday(year, 11, 4, 4), // Thanksgiving
    observed(dayOf(year, 12, 25)),
    ...specialClosures.filter((d) => d.startsWith(String(year))).map(dayOfIso),
  ]
  const set = new Set(days.filter(Number.isFinite))
  if (calendar === 'nymex') {
    for (const d of nymexOpen.filter((x) => x.startsWith(String(year)))) set.delete(dayOfIso(d))
    for (const d of nymexClosed.filter((x) => x.startsWith(String(year)))) set.add(dayOfIso(d))
  }
  cache.set(`${calendar}${year}`, set)
  return set
}

export function isBusinessDay(day: number, calendar: Calendar = 'us'): boolean {
  const wd = weekday(day)
  if (wd === 0 || wd === 6) return false
  return !holidays(new Date(day * DAY_MS).getUTCFullYear(), calendar).has(day)
}

/** The business day `n` business days before `day` (n = 0: `day` itself or the one before it). */
export function businessDaysBefore(day: number, n: number, calendar: Calendar = 'us'): number {
  let d = day
  if (n === 0) {
    while (!isBusinessDay(d, calendar)) d--
    return d
  }
  for (let left = n; left > 0; ) {
    d--
    if (isBusinessDay(d, calendar)) left--
  }
  return d
}
