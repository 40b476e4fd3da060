import type { ColumnMapping, CsvField, CsvKind } from '../../../contract'

export type Delimiter = ',' | ';' | '\t' | '|'
const DELIMITERS: Delimiter[] = [',', ';', '\t', '|']

/** Counts a delimiter outside double quotes on one line. */
function countOutsideQuotes(line: string, delim: string): number {
  let n = 0
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (c === '"') quoted = !quoted
    else if (!quoted && c === delim) n++
  }
  return n
}

/**
 * Picks the delimiter that splits the first lines into the same number (> 0) of
 * fields, preferring more fields, then the order , ; tab |. Falls back to ','.
 */
export function detectDelimiter(head: string): Delimiter {
  const lines = head
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 20)
  if (lines.length > 1 && !head.endsWith('\n')) lines.pop() // the last line may be cut short
  let best: Delimiter = ','
  let bestScore = 0
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => countOutsideQuotes(l, d))
    if (!counts.length || counts[0] === 0) continue
    const consistent = counts.filter((c) => c === counts[0]).length / counts.length
    const score = consistent * 1000 + counts[0]
    if (consistent >= 0.8 && score > bestScore) {
      best = d
      bestScore = score
    }
  }
  return best
}

/** Header names compared case-, space-, underscore-, dash- and dot-insensitively. */
export function normalizeHeader(name: string): string {
  return name.toLowerCase().replace(/[\s_\-.()]/g, '')
}

/** Synonyms per field, best first. A column is taken by the first field (in this order) that claims it. */
const SYNONYMS: [CsvField, string[]][] = [
  ['date', ['date', 'datetime', 'timestamp', 'tradedate', 'day', 'dt', 'time stamp', 'quotedate']],
  ['time', ['time', 'timeofday']],
  ['symbol', ['symbol', 'ticker', 'contract', 'instrument', 'sym', 'code', 'name']],
  ['open', ['open', 'o', 'openprice']],
  ['high', ['high', 'h', 'highprice']],
  ['low', ['low', 'l', 'lowprice']],
  ['close', ['close', 'c', 'last', 'closeprice', 'lastprice', 'price', 'adjclose', 'adjustedclose']],
  ['volume', ['volume', 'vol', 'totalvolume', 'v']],
  ['settle', ['settle', 'settlement', 'settleprice', 'settlementprice']],
  ['openInterest', ['openinterest', 'oi']],
  ['expiry', ['expiry', 'expiration', 'expirationdate', 'expirydate', 'lasttradedate', 'lasttradingday', 'maturity']],
  ['root', ['root', 'product', 'underlying']],
].map(([f, names]) => [f as CsvField, (names as string[]).map(normalizeHeader)])

/** Auto-detects which column holds which field from the header names. */
export function detectMapping(header: readonly string[]): ColumnMapping {
  const norm = header.map(normalizeHeader)
  const taken = new Set<number>()
  const mapping: ColumnMapping = {}
  for (const [field, names] of SYNONYMS) {
    for (const name of names) {
      const idx = norm.findIndex((h, i) => h === name && !taken.has(i))
      if (idx >= 0) {
        mapping[field] = idx
        taken.add(idx)
        break
      }
    }
  }
  return mapping
}

export interface RequiredCheck {
  field: CsvField | 'close or settle'
  message: string
}

/** Fields that must be mapped for a kind. The symbol may come from the file name instead. */
export function missingFields(kind: CsvKind, mapping: ColumnMapping): RequiredCheck[] {
  const missing: RequiredCheck[] = []
  if (mapping.date === undefined)
    missing.push({ field: 'date', message: 'no date column (looked for date, datetime, timestamp, trade_date)' })
  if (kind === 'ohlcv') {
    if (mapping.close === undefined) missing.push({ field: 'close', message: 'no close column (looked for close, c, last, adj close)' })
  } else {
    if (mapping.close === undefined && mapping.settle === undefined) {
      missing.push({ field: 'close or settle', message: 'no close or settle column' })
    }
    if (mapping.expiry === undefined) {
      missing.push({ field: 'expiry', message: 'no expiry column (looked for expiry, expiration, last_trade_date)' })
    }
  }
  return missing
}

/** Checks a caller-given mapping against the header: every index must exist, no column used twice. */
export function mappingProblems(mapping: ColumnMapping, columns: number): string[] {
  const problems: string[] = []
  const seen = new Map<number, string>()
  for (const [field, idx] of Object.entries(mapping) as [CsvField, number | undefined][]) {
    if (idx === undefined) continue
    if (idx >= columns) problems.push(`${field} is mapped to column ${idx + 1} but the file has ${columns} columns`)
    const other = seen.get(idx)
    if (other) problems.push(`column ${idx + 1} is mapped to both ${other} and ${field}`)
    seen.set(idx, field)
  }
  return problems
}
