/**
 * Pure logic of the alpha screens: formula search, the cross-section table's filter / sort /
 * top-N, date stepping, series helpers. No store or backend access, so it is unit-tested directly.
 */
import type { AlphaFormula, AlphaRun, AlphaRunColumn, CrossSection, Dataset, ParseResult } from '../../../../electron/contract'
import { isoDateToUnix, lastAtOrBefore, isoDate as isoDateOf } from '../../../../electron/contract/dates'
import type { AlphasSlice, Extreme, SortSpec } from './state'

export type CrossRow = CrossSection['rows'][number]

// ---- universe -------------------------------------------------------------------------------

/** Alphas need a cross-section of stocks: only stock datasets qualify. */
export const stockDatasets = (datasets: readonly Dataset[] | null): Dataset[] => (datasets ?? []).filter((d) => d.kind === 'stocks')

export const selectedDatasetOf = (s: AlphasSlice): Dataset | null => s.datasets.data?.find((d) => d.id === s.universe.datasetId) ?? null

/** Unix seconds → YYYY-MM-DD (UTC). */
export function isoDate(unixSeconds: number | null | undefined): string {
  return unixSeconds === null || unixSeconds === undefined || !Number.isFinite(unixSeconds) ? '' : isoDateOf(unixSeconds)
}

/** YYYY-MM-DD → unix seconds at 00:00 UTC, or null when it is not a date. */
export const unixOfIso = (iso: string): number | null => isoDateToUnix(iso)

/** What is wrong with the date range, or null. */
export function rangeProblem(from: string, to: string, dataset: Dataset | null): string | null {
  const f = from ? unixOfIso(from) : null
  const t = to ? unixOfIso(to) : null
  if (from && f === null) return 'The start is not a date.'
  if (to && t === null) return 'The end is not a date.'
  if (f !== null && t !== null && f > t) return 'The start is after the end.'
  if (dataset?.to && f !== null && f > dataset.to) return `The data ends on ${isoDate(dataset.to)}.`
  if (dataset?.from && t !== null && t < dataset.from) return `The data starts on ${isoDate(dataset.from)}.`
  return null
}

// ---- formula library ------------------------------------------------------------------------

/**
 * Formulas matching the search: by number ("12", "#12"), name, key or formula text, all terms
 * must match. An exact alpha number comes first.
 */
export function filterFormulas(formulas: readonly AlphaFormula[], search: string): AlphaFormula[] {
  const q = search.trim().toLowerCase()
  if (!q) return [...formulas]
  const number = /^#?(\d{1,3})$/.exec(q)
  if (number) {
    const n = Number(number[1])
    const exact = formulas.filter((f) => f.source === 'paper' && alphaNumber(f.key) === n)
    const rest = formulas.filter((f) => !exact.includes(f) && `${f.name} ${f.text}`.toLowerCase().includes(number[1]))
    return [...exact, ...rest]
  }
  const terms = q.split(/\s+/)
  return formulas.filter((f) => {
    const hay = `${f.name} ${f.key} ${f.text}`.toLowerCase()
    return terms.every((t) => hay.includes(t))
  })
}

/** alpha012 → 12; anything else → null. */
export function alphaNumber(key: string): number | null {
  const m = /^alpha(\d{3})$/.exec(key)
  return m ? Number(m[1]) : null
}

/** A short column label: "#12" for the paper's alphas, the name otherwise. */
export function shortLabel(key: string, name: string): string {
  const n = alphaNumber(key)
  return n !== null ? `#${n}` : name
}

/** Keys to compute, in library order (selected keys no longer in the library are dropped). */
export function keysToCompute(selected: readonly string[], formulas: readonly AlphaFormula[]): string[] {
  const chosen = new Set(selected)
  return formulas.filter((f) => chosen.has(f.key)).map((f) => f.key)
}

/** The editor's formula is computed with the run when included, non-empty and parsing. */
export function adhocIncluded(s: Pick<AlphasSlice, 'editor'>): boolean {
  const e = s.editor
  return e.include && e.text.trim().length > 0 && !(e.parse.status === 'error' && e.parse.text === e.text)
}

export function computeLabel(count: number, adhoc: boolean): string {
  const parts: string[] = []
  if (count) parts.push(`${count} alpha${count === 1 ? '' : 's'}`)
  if (adhoc) parts.push('formula')
  return parts.length ? `Compute ${parts.join(' + ')}` : 'Compute'
}

// ---- parse errors ---------------------------------------------------------------------------

export type ParseError = Extract<ParseResult, { ok: false }>['error']

/** The extent [start, end) of the identifier (or the single character) at `offset`. */
export function tokenAt(text: string, offset: number): [number, number] {
  const at = Math.max(0, Math.min(offset, text.length))
  const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(text.slice(at))
  if (m) return [at, at + m[0].length]
  return [at, Math.min(text.length, at + 1)]
}

/** Replaces the identifier at the error's offset with the suggested name. */
export function applySuggestionTo(text: string, error: ParseError): string {
  if (!error.suggestion) return text
  const [start, end] = tokenAt(text, error.offset)
  return text.slice(0, start) + error.suggestion + text.slice(end)
}

/** The parser's message without the position (shown separately): "unknown field 'clsoe'; did you mean 'close'?". */
export function parseMessage(error: ParseError): string {
  return error.message.replace(/ at (line \d+, )?column \d+/, '')
}

/** "expected ',' or ')'" from the parser's list. */
export function expectedText(expected: readonly string[]): string {
  if (!expected.length) return ''
  if (expected.length === 1) return expected[0]
  return `${expected.slice(0, -1).join(', ')} or ${expected[expected.length - 1]}`
}

// ---- run ------------------------------------------------------------------------------------

export const okColumns = (run: AlphaRun | null): AlphaRunColumn[] => (run ? run.alphas.filter((a) => a.ok) : [])

export interface RunIssue {
  key: string
  name: string
  severity: 'error' | 'warning'
  message: string
  code?: string
}

/** Per-alpha errors and warnings of a run, errors first. */
export function runIssues(run: AlphaRun | null): RunIssue[] {
  if (!run) return []
  const errors: RunIssue[] = []
  const warnings: RunIssue[] = []
  for (const a of run.alphas) {
    if (!a.ok) {
      errors.push({
        key: a.key,
        name: a.name,
        severity: 'error',
        message: a.error?.message ?? 'could not be computed',
        code: a.error?.code,
      })
    }
    if (a.diagnosis?.culprits.length) {
      const c = a.diagnosis.culprits
      const message = `coverage ${(100 * a.coverage).toFixed(a.coverage > 0 && a.coverage < 0.1 ? 1 : 0)}%: ${c[0].operator} (${c[0].expression}) — ${c[0].reason}${c[1] ? `; then ${c[1].operator} — ${c[1].reason}` : ''}`
      warnings.push({ key: a.key, name: a.name, severity: 'warning', message })
    }
    for (const w of a.warnings) warnings.push({ key: a.key, name: a.name, severity: 'warning', message: w })
  }
  return [...errors, ...warnings]
}

export interface IssueGroup {
  severity: 'error' | 'warning'
  message: string
  code?: string
  keys: string[]
  names: string[]
}

/** Issues with the same message (e.g. "no VWAP" for 30 alphas) as one line naming every alpha, errors first. */
export function groupIssues(issues: readonly RunIssue[]): IssueGroup[] {
  const groups = new Map<string, IssueGroup>()
  for (const i of issues) {
    const id = `${i.severity}\u0000${i.code ?? ''}\u0000${i.message}`
    let g = groups.get(id)
    if (!g) {
      g = { severity: i.severity, message: i.message, code: i.code, keys: [], names: [] }
      groups.set(id, g)
    }
    g.keys.push(i.key)
    g.names.push(i.name)
  }
  const all = [...groups.values()]
  return [...all.filter((g) => g.severity === 'error'), ...all.filter((g) => g.severity === 'warning')]
}

/** "Alpha#5, #11, #25 +4 more": the first few names, shortened after the first. */
export function namesList(keys: readonly string[], names: readonly string[], max = 6): string {
  const shown = keys.slice(0, max).map((k, i) => (i === 0 ? names[i] : shortLabel(k, names[i])))
  return keys.length > max ? `${shown.join(', ')} +${keys.length - max} more` : shown.join(', ')
}

/** The run's values are gone from the cache (evicted, or the backend restarted): only a new compute helps. */
export function isRunGone(error: { code: string; message: string } | null | undefined): boolean {
  return Boolean(
    error && error.code === 'NOT_FOUND' && /compute again|alpha run .* (is not available|was written)|no alpha run/i.test(error.message),
  )
}

// ---- dates ----------------------------------------------------------------------------------

/** Index of the last date on or before `t` (0 when `t` is before the first). */
export function indexOnOrBefore(dates: readonly number[], t: number): number {
  return Math.max(0, lastAtOrBefore(dates, t))
}

export const clampIndex = (i: number, length: number): number => (length <= 0 ? 0 : Math.max(0, Math.min(length - 1, Math.round(i))))

// ---- cross-section table --------------------------------------------------------------------

/** Rows whose symbol or sector contains every term of the filter (case-insensitive). */
export function filterRows(rows: readonly CrossRow[], filter: string): CrossRow[] {
  const terms = filter.trim().toLowerCase().split(/\s+/).filter(Boolean)
  if (!terms.length) return [...rows]
  return rows.filter((r) => {
    const hay = `${r.symbol} ${r.sector ?? ''}`.toLowerCase()
    return terms.every((t) => hay.includes(t))
  })
}

type Getter = (r: CrossRow) => number | string | null

function getterFor(column: string, keys: readonly string[]): Getter {
  if (column === 'symbol') return (r) => r.symbol
  if (column === 'sector') return (r) => r.sector
  const i = keys.indexOf(column)
  return i < 0 ? () => null : (r) => r.values[i]
}

/** Sorted copy: by the column in the direction, blanks (null) always last, ties by symbol. */
export function sortRows(rows: readonly CrossRow[], keys: readonly string[], sort: SortSpec): CrossRow[] {
  const get = getterFor(sort.column, keys)
  const sign = sort.dir === 'asc' ? 1 : -1
  return [...rows].sort((a, b) => {
    const x = get(a)
    const y = get(b)
    if (x === null || y === null) {
      if (x === null && y !== null) return 1
      if (y === null && x !== null) return -1
      return a.symbol.localeCompare(b.symbol)
    }
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))
    return c !== 0 ? sign * c : a.symbol.localeCompare(b.symbol)
  })
}

/** The alpha that top / bottom N picks by: the sort column when it is an alpha, else the first alpha. */
export function rankingKey(keys: readonly string[], sort: SortSpec): string | null {
  return keys.includes(sort.column) ? sort.column : (keys[0] ?? null)
}

/**
 * The N rows with the highest (top) or lowest (bottom) values of the ranking alpha (blanks
 * never count), shown in the current sort order.
 */
export function extremeRows(rows: readonly CrossRow[], keys: readonly string[], sort: SortSpec, extreme: Extreme, n: number): CrossRow[] {
  if (extreme === 'all') return sortRows(rows, keys, sort)
  const key = rankingKey(keys, sort)
  if (!key) return []
  const i = keys.indexOf(key)
  const valued = rows.filter((r) => r.values[i] !== null && Number.isFinite(r.values[i]))
  const picked = sortRows(valued, keys, { column: key, dir: extreme === 'top' ? 'desc' : 'asc' }).slice(0, Math.max(0, Math.floor(n)))
  return sortRows(picked, keys, sort)
}

/** The table's rows for the current filter, sort and top / bottom choice. */
export function tableRows(
  cross: CrossSection | null,
  options: { filter: string; sort: SortSpec; extreme: Extreme; n: number },
): CrossRow[] {
  if (!cross) return []
  return extremeRows(filterRows(cross.rows, options.filter), cross.keys, options.sort, options.extreme, options.n)
}

/** Clicking a header: the same column flips direction; a new alpha starts descending, text ascending. */
export function nextSort(current: SortSpec, column: string): SortSpec {
  if (current.column === column) return { column, dir: current.dir === 'asc' ? 'desc' : 'asc' }
  return { column, dir: column === 'symbol' || column === 'sector' ? 'asc' : 'desc' }
}

// ---- numbers and series ---------------------------------------------------------------------

/** Trailing mean over `window` points, given once at least half the window has values. */
export function rollingMean(values: readonly (number | null)[], window: number): (number | null)[] {
  const out: (number | null)[] = new Array(values.length).fill(null)
  const need = Math.max(1, Math.ceil(window / 2))
  let sum = 0
  let count = 0
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    if (v !== null && Number.isFinite(v)) {
      sum += v
      count++
    }
    if (i >= window) {
      const old = values[i - window]
      if (old !== null && Number.isFinite(old)) {
        sum -= old
        count--
      }
    }
    if (i >= window - 1 && count >= need) out[i] = sum / count
  }
  return out
}

/** Equity from returns, starting at 1 (a null return leaves it unchanged). */
export function equityOf(returns: readonly (number | null)[]): number[] {
  const out: number[] = []
  let e = 1
  for (const r of returns) {
    if (r !== null && Number.isFinite(r)) e *= 1 + r
    out.push(e)
  }
  return out
}

/** Pairs of different alphas ordered by |correlation|, strongest first. */
export function strongestPairs(
  keys: readonly string[],
  matrix: readonly (readonly (number | null)[])[],
  limit = 8,
): { a: string; b: string; value: number }[] {
  const out: { a: string; b: string; value: number }[] = []
  for (let i = 0; i < keys.length; i++) {
    for (let j = i + 1; j < keys.length; j++) {
      const v = matrix[i]?.[j]
      if (v !== null && v !== undefined && Number.isFinite(v)) out.push({ a: keys[i], b: keys[j], value: v })
    }
  }
  return out.sort((x, y) => Math.abs(y.value) - Math.abs(x.value)).slice(0, limit)
}

/** Diverging colour for a correlation: blue (−1) through the panel colour (0) to red (+1). */
export function divergingColor(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '#20252d'
  const t = Math.max(-1, Math.min(1, v))
  const base = [0x1c, 0x21, 0x29]
  const pos = [0xe5, 0x53, 0x4b]
  const neg = [0x3f, 0x8c, 0xf0]
  const end = t >= 0 ? pos : neg
  const k = Math.abs(t) ** 0.8
  const c = base.map((b, i) => Math.round(b + (end[i] - b) * k))
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`
}
