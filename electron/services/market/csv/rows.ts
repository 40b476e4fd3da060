import { parse, type Parser } from 'csv-parse'
import { AppError, type ColumnMapping, type CsvField } from '../../../contract'
import { parseContractCode, rootFromSymbol } from '../futures-codes'
import type { BarData, BarField } from '../store/bar-data'
import { isoDate } from '../../../contract'
import type { FileHead } from './head'
import type { IssueList } from './issues'
import { INVALID, parseNumberCell } from './numbers'
import { parseTimeOfDay } from './parse-dates'
import type { ReadOptions } from './read'
import { MAX_CSV_RECORD_CHARS } from '../../../contract/limits'
import { clip, quote } from '../../../shared/quote'
import { openFile, type CsvFile } from './sources'

/** Everything reading one file's rows needs. */
export interface RowsContext {
  file: CsvFile
  /** Index of the file in `data.files`. */
  fileIdx: number
  prep: FileHead
  mapping: ColumnMapping
  options: ReadOptions
  data: BarData
  errors: IssueList
  warnings: IssueList
  parseDateCell: (raw: string) => number | null
  parseExpiryCell: (raw: string) => number | null
  /** Format name for messages. */
  dateFormat: string
  /** Where to keep the first raw rows (preview), or null. */
  sample: string[][] | null
  /** Called every few thousand records with rows and raw bytes read in this file; may throw (cancel). */
  tick: (rows: number, bytes: number) => void
}

export interface RowsResult {
  /** 'multiline': records span lines (quoted newlines), so line numbers need csv-parse's info: read again. */
  status: 'ok' | 'multiline' | 'failed'
  rows: number
}

const CHECK_EVERY = 4096
const priceFields: BarField[] = ['open', 'high', 'low', 'close', 'settle']
/** Bar columns in BarData order and the CSV field each comes from. */
const valueFields: [BarField, CsvField][] = [
  ['open', 'open'],
  ['high', 'high'],
  ['low', 'low'],
  ['close', 'close'],
  ['volume', 'volume'],
  ['settle', 'settle'],
  ['openInterest', 'openInterest'],
]

const show = (v: number) => (v !== v ? 'missing' : String(v))

/**
 * Streams one file's records into `data`, checking each: errors (bad date, number, volume,
 * ragged line, expiry conflicts) skip the row, warnings (empty price, high/low not bracketing
 * open/close, non-positive stock price) keep it. Line numbers are 1-based with the header as
 * line 1; without `withInfo` they assume one line per record, which the caller verifies.
 */
export async function readRows(ctx: RowsContext, withInfo: boolean): Promise<RowsResult> {
  const { file, fileIdx, prep, mapping, options, data, errors, warnings, parseDateCell, parseExpiryCell, dateFormat, sample } = ctx
  const sampleRows = options.sampleRows ?? 0
  const warnNonPositive = options.warnNonPositive ?? options.kind === 'ohlcv'
  let rows = 0
  const ncols = prep.header.length
  const iDate = mapping.date!
  const iTime = mapping.time ?? -1
  const iSymbol = mapping.symbol ?? -1
  const iExpiry = options.kind === 'futures' ? (mapping.expiry ?? -1) : -1
  const iRoot = options.kind === 'futures' ? (mapping.root ?? -1) : -1
  const fields = valueFields
    .filter(([, f]) => mapping[f] !== undefined)
    .map(([bf, f]) => ({
      bf,
      col: mapping[f]!,
      name: prep.header[mapping[f]!] || f,
      isPrice: priceFields.includes(bf),
      isVolume: bf === 'volume',
    }))
  const closeFromSettle = options.kind === 'futures' && mapping.close === undefined && mapping.settle !== undefined
  const deriveSymbol =
    iSymbol < 0 && iExpiry >= 0 && iRoot >= 0 ? (options.deriveSymbol ?? ((root: string, expiry: string) => `${root} ${expiry}`)) : null
  const name = file.name
  const vals = data.values
  const parsed = new Float64Array(7) // open, high, low, close, volume, settle, openInterest by BarField index
  const slot = fields.map((f) => valueFields.findIndex(([bf]) => bf === f.bf))

  const parser: Parser = parse({
    delimiter: prep.delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    info: withInfo,
    // A hostile file may hold one huge cell: stop at the record, not at memory.
    max_record_size: MAX_CSV_RECORD_CHARS,
  })
  let bytes = 0
  const input = openFile(file, (b) => {
    bytes = b
  })
  input.on('error', (err) => parser.destroy(err))
  input.pipe(parser)

  let line = 0
  let headerSeen = false
  let sinceCheck = 0
  try {
    for await (const item of parser as AsyncIterable<string[] | { record: string[]; info: { lines: number } }>) {
      let rec: string[]
      if (withInfo) {
        const it = item as { record: string[]; info: { lines: number } }
        rec = it.record
        let newlines = 0
        for (const cell of rec) for (let k = cell.indexOf('\n'); k >= 0; k = cell.indexOf('\n', k + 1)) newlines++
        line = it.info.lines - newlines
      } else {
        rec = item as string[]
        line++
      }
      if (++sinceCheck === CHECK_EVERY) {
        sinceCheck = 0
        ctx.tick(rows, bytes) // may throw JOB_CANCELLED
      }
      if (rec.length === 1 && rec[0].trim() === '') continue // blank line
      if (!headerSeen) {
        headerSeen = true
        continue
      }
      if (rec.length !== ncols) {
        errors.add({ file: name, line, message: `expected ${ncols} fields (as in the header), found ${rec.length}` })
        continue
      }
      rows++
      if (sample && sample.length < sampleRows) sample.push(rec.map((cell) => clip(cell)))

      // Time
      const rawDate = rec[iDate]
      let ts = parseDateCell(rawDate)
      if (ts === null) {
        errors.add({
          file: name,
          line,
          column: iDate + 1,
          field: prep.header[iDate] || 'date',
          message: rawDate.trim() === '' ? 'empty date' : `not a date in ${dateFormat}: ${quote(rawDate)}`,
        })
        continue
      }
      if (iTime >= 0) {
        const t = parseTimeOfDay(rec[iTime])
        if (t === null) {
          errors.add({
            file: name,
            line,
            column: iTime + 1,
            field: prep.header[iTime] || 'time',
            message: `not a time of day: ${quote(rec[iTime])}`,
          })
          continue
        }
        ts += t
      }

      // Values
      let bad = false
      parsed.fill(NaN)
      for (let k = 0; k < fields.length; k++) {
        const f = fields[k]
        const raw = rec[f.col]
        const v = parseNumberCell(raw)
        if (v === INVALID) {
          errors.add({ file: name, line, column: f.col + 1, field: f.name, message: `not a number: ${quote(raw)}` })
          bad = true
          continue
        }
        if (v === null) {
          if (f.isPrice) warnings.add({ file: name, line, column: f.col + 1, field: f.name, message: `empty ${f.bf}: stored as missing` })
          continue
        }
        if (f.isVolume && v < 0) {
          errors.add({ file: name, line, column: f.col + 1, field: f.name, message: `negative volume: ${clip(raw)}` })
          bad = true
          continue
        }
        if (f.isPrice) {
          if (v === 0 && options.zeroPriceIsMissing) continue
          if (warnNonPositive && v <= 0) {
            warnings.add({ file: name, line, column: f.col + 1, field: f.name, message: `non-positive ${f.bf}: ${clip(raw)}` })
          }
        }
        parsed[slot[k]] = v
      }
      if (bad) continue
      if (closeFromSettle) parsed[3] = parsed[5]
      const o = parsed[0]
      const h = parsed[1]
      const l = parsed[2]
      const c = parsed[3]
      // NaN comparisons are false, so missing values never trip these.
      if (h < l || h < o || h < c || l > o || l > c) {
        const hiCol = mapping.high !== undefined ? mapping.high : mapping.low!
        warnings.add({
          file: name,
          line,
          column: hiCol + 1,
          field: prep.header[hiCol] || 'high',
          message: `high/low do not bracket open/close (open ${show(o)}, high ${show(h)}, low ${show(l)}, close ${show(c)})`,
        })
      }

      // Instrument
      let symbol: string
      let expiry: string | null = null
      let root: string | null = null
      if (iExpiry >= 0) {
        const raw = rec[iExpiry]
        const e = parseExpiryCell(raw)
        if (e === null) {
          const field = prep.header[iExpiry] || 'expiry'
          errors.add({
            file: name,
            line,
            column: iExpiry + 1,
            field,
            message: raw.trim() === '' ? 'empty expiry' : `not a date: ${quote(raw)}`,
          })
          continue
        }
        expiry = isoDate(e)
      }
      if (iRoot >= 0) root = rec[iRoot].trim() || null
      if (iSymbol >= 0) symbol = rec[iSymbol].trim()
      else if (deriveSymbol && root && expiry) symbol = deriveSymbol(root, expiry)
      else symbol = file.fileSymbol
      if (!symbol) {
        const col = iSymbol >= 0 ? iSymbol : iRoot
        errors.add({
          file: name,
          line,
          column: col >= 0 ? col + 1 : undefined,
          field: prep.header[col] || 'symbol',
          message: 'empty symbol',
        })
        continue
      }
      let s = data.symbolIndex(symbol)
      if (s === undefined) {
        if (options.kind === 'futures') {
          root ??= rootFromSymbol(symbol)
          if (!root) {
            errors.add({ file: name, line, message: `cannot tell the root of contract ${quote(symbol)}: add a root column` })
            continue
          }
        }
        s = data.addSymbol({
          symbol,
          root: options.kind === 'futures' ? root : null,
          expiry,
          contractMonth: options.kind === 'futures' ? (parseContractCode(symbol)?.contractMonth ?? null) : null,
          file: fileIdx,
          line,
        })
      } else if (expiry !== null) {
        const entry = data.symbols[s]
        if (entry.expiry !== expiry) {
          const where = entry.file === fileIdx ? `line ${entry.line}` : `${data.files[entry.file]} line ${entry.line}`
          errors.add({
            file: name,
            line,
            column: iExpiry + 1,
            field: prep.header[iExpiry] || 'expiry',
            message: `contract ${clip(symbol)} expires ${expiry} here but ${entry.expiry} at ${where}`,
          })
          continue
        }
      }

      data.sym.push(s)
      data.ts.push(ts)
      for (let k = 0; k < 7; k++) vals[valueFields[k][0]].push(parsed[k])
      data.fileIdx.push(fileIdx)
      data.line.push(line)
    }
  } catch (err) {
    if (err instanceof AppError) throw err
    input.destroy()
    const e = err as { code?: string; lines?: number; message?: string }
    if (e.code === 'CSV_MAX_RECORD_SIZE') {
      errors.add({
        file: name,
        line: e.lines ?? line + 1,
        message: `a record longer than ${MAX_CSV_RECORD_CHARS / 1024} KiB (a CSV row, all its cells): not a price file?`,
      })
      return { status: 'failed', rows }
    }
    if (typeof e.code === 'string' && (e.code.startsWith('CSV_') || e.code === 'INVALID_OPENING_QUOTE')) {
      errors.add({ file: name, line: e.lines ?? line + 1, message: `malformed CSV: ${clip(e.message ?? '', 300)}` })
      return { status: 'failed', rows }
    }
    if (e.code === 'Z_DATA_ERROR' || e.code === 'Z_BUF_ERROR') {
      errors.add({ file: name, line: line + 1, message: `cannot decompress: ${e.message}` })
      return { status: 'failed', rows }
    }
    throw new AppError('IMPORT_FAILED', `${name}: ${clip(e.message ?? String(err), 300)}`)
  } finally {
    input.destroy()
  }
  if (!withInfo) {
    // Without skip_empty_lines, csv-parse counts only a trailing newline as an empty line.
    const info = parser.info as { lines: number; empty_lines: number }
    if (info.lines !== line + info.empty_lines) return { status: 'multiline', rows }
  }
  return { status: 'ok', rows }
}
