/**
 * Leaderboard helpers (pure): the columns, sorting, and filters typed as text such as
 * "IR > 0.05 and coverage > 80%".
 */
import type { LeaderboardRow } from '../../../../electron/contract'

export type LeaderColumn = Exclude<keyof LeaderboardRow, 'ok' | 'diagnosis' | 'error' | 'emptyQuantiles'>

export interface LeaderSort {
  column: LeaderColumn
  dir: 'asc' | 'desc'
}

/** Numeric columns: table header, filter names (lower case, first is canonical), and how values show. */
export const leaderColumns: {
  column: LeaderColumn
  label: string
  names: string[]
  kind: 'ic' | 'ratio' | 'pct' | 'count'
  title: string
}[] = [
  {
    column: 'meanIc',
    label: 'mean IC',
    names: ['ic', 'mean ic', 'meanic'],
    kind: 'ic',
    title: 'Mean daily Spearman IC against the next-day return',
  },
  { column: 'icStd', label: 'IC std', names: ['ic std', 'icstd'], kind: 'ic', title: 'Standard deviation of the daily IC' },
  { column: 'ir', label: 'IR', names: ['ir'], kind: 'ratio', title: 'Mean IC / IC std' },
  { column: 'tStat', label: 't-stat', names: ['t', 'tstat', 't-stat'], kind: 'ratio', title: 'Mean IC / std × √days' },
  { column: 'ic1', label: 'IC 1d', names: ['ic1', 'ic 1d'], kind: 'ic', title: 'Mean IC, 1-day forward returns' },
  { column: 'ic5', label: 'IC 5d', names: ['ic5', 'ic 5d'], kind: 'ic', title: 'Mean IC, 5-day forward returns' },
  { column: 'ic10', label: 'IC 10d', names: ['ic10', 'ic 10d'], kind: 'ic', title: 'Mean IC, 10-day forward returns' },
  { column: 'ic20', label: 'IC 20d', names: ['ic20', 'ic 20d'], kind: 'ic', title: 'Mean IC, 20-day forward returns' },
  { column: 'spread', label: 'spread', names: ['spread'], kind: 'pct', title: 'Mean daily top-minus-bottom quantile return' },
  {
    column: 'turnover',
    label: 'turnover',
    names: ['turnover'],
    kind: 'pct',
    title: 'Mean daily share of the top/bottom quantiles replaced',
  },
  {
    column: 'rankAutocorrelation',
    label: 'rank AC',
    names: ['autocorr', 'rank ac', 'ac'],
    kind: 'ratio',
    title: 'Mean day-to-day rank autocorrelation',
  },
  {
    column: 'coverage',
    label: 'coverage',
    names: ['coverage', 'cov'],
    kind: 'pct',
    title: 'Share of (date, instrument) cells with a value',
  },
  {
    column: 'sharpe',
    label: 'Sharpe',
    names: ['sharpe'],
    kind: 'ratio',
    title: 'Long/short top/bottom 20 % portfolio backtest, Sharpe net of cost',
  },
  { column: 'maxDrawdown', label: 'max DD', names: ['drawdown', 'max dd', 'dd', 'maxdd'], kind: 'pct', title: 'Its maximum drawdown' },
  {
    column: 'maxCorrelation',
    label: 'max |corr|',
    names: ['corr', 'max corr', 'maxcorr'],
    kind: 'ratio',
    title: 'Highest absolute correlation with another alpha of the run',
  },
]

export interface LeaderFilter {
  column: LeaderColumn
  op: '>' | '>=' | '<' | '<=' | '='
  value: number
}

/** "IR > 0.05 and coverage > 80%" → conditions (all must hold), or the first problem. */
export function parseLeaderFilter(text: string): { ok: true; filters: LeaderFilter[] } | { ok: false; error: string } {
  const filters: LeaderFilter[] = []
  const clauses = text
    .split(/\s+and\s+|,|&&/i)
    .map((c) => c.trim())
    .filter(Boolean)
  for (const clause of clauses) {
    const m = /^([a-z][a-z0-9 |-]*?)\s*(>=|<=|>|<|=)\s*(-?\d+(?:\.\d+)?(?:e-?\d+)?)\s*(%?)$/i.exec(clause)
    if (!m) return { ok: false, error: `cannot read "${clause.slice(0, 40)}" (write e.g. IR > 0.05 and coverage > 80%)` }
    const name = m[1].trim().toLowerCase().replace(/\s+/g, ' ')
    const col = leaderColumns.find((c) => c.names.includes(name) || c.label.toLowerCase() === name)
    if (!col) return { ok: false, error: `no column "${m[1].trim()}" (try IR, IC, t, sharpe, coverage, turnover, spread, drawdown, corr)` }
    const value = Number(m[3]) / (m[4] ? 100 : 1)
    filters.push({ column: col.column, op: m[2] as LeaderFilter['op'], value })
  }
  return { ok: true, filters }
}

function holds(v: number | null, f: LeaderFilter): boolean {
  if (v === null || !Number.isFinite(v)) return false
  // max |corr| compares magnitudes.
  const x = f.column === 'maxCorrelation' ? Math.abs(v) : v
  switch (f.op) {
    case '>':
      return x > f.value
    case '>=':
      return x >= f.value
    case '<':
      return x < f.value
    case '<=':
      return x <= f.value
    default:
      return Math.abs(x - f.value) < 1e-12
  }
}

export function filterLeaderRows(rows: readonly LeaderboardRow[], filters: readonly LeaderFilter[]): LeaderboardRow[] {
  return rows.filter((r) => filters.every((f) => holds(r[f.column] as number | null, f)))
}

/** Sorted by a column; missing values last whichever the direction. */
export function sortLeaderRows(rows: readonly LeaderboardRow[], sort: LeaderSort): LeaderboardRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1
  const value = (r: LeaderboardRow) => {
    const v = r[sort.column]
    if (sort.column === 'maxCorrelation' && typeof v === 'number') return Math.abs(v)
    return v
  }
  return [...rows].sort((a, b) => {
    const x = value(a)
    const y = value(b)
    const xm = x === null || x === undefined || (typeof x === 'number' && !Number.isFinite(x))
    const ym = y === null || y === undefined || (typeof y === 'number' && !Number.isFinite(y))
    if (xm || ym) return xm === ym ? 0 : xm ? 1 : -1
    if (typeof x === 'number' && typeof y === 'number') return sign * (x - y)
    return sign * String(x).localeCompare(String(y), undefined, { numeric: true })
  })
}

/** Clicking a header: a new column sorts by its natural direction (names up, numbers down), again flips it. */
export function nextLeaderSort(current: LeaderSort, column: LeaderColumn): LeaderSort {
  if (current.column === column) return { column, dir: current.dir === 'asc' ? 'desc' : 'asc' }
  return { column, dir: column === 'name' || column === 'key' || column === 'maxCorrelationWith' ? 'asc' : 'desc' }
}

/** Fewer days than this and IC statistics carry a short-sample warning. */
export const shortSampleDays = 60

/** "Q1, Q3 and Q5" */
const quantileList = (qs: readonly number[]) => {
  const names = qs.map((q) => `Q${q}`)
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}

/**
 * Why some quantiles are empty, or null when none is. Tied values share a quantile, so an alpha with few distinct
 * values (a 0/1 condition, a sign) fills only some; an empty top or bottom quantile leaves the spread undefined.
 */
export function emptyQuantilesNote(empty: readonly number[], quantiles: number): string | null {
  if (!empty.length) return null
  const ends = empty.includes(1) || empty.includes(quantiles)
  return (
    `${quantileList(empty)} never ${empty.length > 1 ? 'hold' : 'holds'} a value: tied values share a quantile, and this alpha has few distinct values ` +
    `(as a 0/1 condition or a sign has).${ends ? ` The Q${quantiles}\u00a0−\u00a0Q1 spread and the turnover between them are undefined; compare the quantiles that hold values.` : ''}`
  )
}
