import { parse, type Parser } from 'csv-parse'
import { parse as parseSync } from 'csv-parse/sync'
import { AppError, type ColumnMapping, type CsvField, type CsvKind, type DateFormat } from '../../../contract'
import { parseContractCode, rootFromSymbol } from '../futures-codes'
import { BarData, type BarField } from '../store/bar-data'
import { unixToIsoDate } from '../time'
import { detectDelimiter, detectMapping, mappingProblems, missingFields, type Delimiter } from './detect'
import { findDuplicates } from './duplicates'
import { IssueList } from './issues'
import { INVALID, parseNumberCell } from './numbers'
import { detectDateFormat, makeDateParser, parseTimeOfDay, type ConcreteDateFormat } from './parse-dates'
import { openFile, readHead, type CsvFile } from './sources'

export interface ReadOptions {
  kind: CsvKind
  /** Column mapping for every file; when absent, detected from each file's header. */
  mapping?: ColumnMapping
  dateFormat?: DateFormat
  delimiter?: Delimiter
  /** Futures without a symbol column: the contract's symbol from its root and expiry ('YYYY-MM-DD'). */
  deriveSymbol?: (root: string, expiry: string) => string
  /** Prices of exactly 0 mean "no value" (Cboe's VX files): read as missing, without a warning. */
  zeroPriceIsMissing?: boolean
  /** Warn about prices <= 0 (default: for ohlcv, i.e. stocks; futures may trade below zero). */
  warnNonPositive?: boolean
  signal?: AbortSignal
  /** Rows read so far and bytes of the files consumed out of their total size. */
  onProgress?: (rows: number, bytes: number, totalBytes: number) => void
  /** Say so (a warning) when rows take their symbol from the file name (default true). */
  warnFileSymbol?: boolean
  /** Data rows of the first file to keep raw (preview). */
  sampleRows?: number
  maxErrors?: number
  maxWarnings?: number
}

export interface FileSummary {
  name: string
  rows: number
  header: string[]
  mapping: ColumnMapping
  delimiter: Delimiter
}

export interface ReadResult {
  data: BarData
  files: FileSummary[]
  dateFormat: ConcreteDateFormat | null
  errors: IssueList
  warnings: IssueList
  sample: string[][]
  /** Row order by (instrument, time) when the files were not already in it. */
  order: Uint32Array | null
  /** True when any bar has a time of day (intraday data). */
  intraday: boolean
}

interface Prepared {
  delimiter: Delimiter
  header: string[]
  rows: string[][]
  empty: boolean
}

const HEAD_BYTES = 128 * 1024
const CHECK_EVERY = 4096
const priceFields: BarField[] = ['open', 'high', 'low', 'close', 'settle']
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

function cancelled(): AppError {
  return new AppError('JOB_CANCELLED', 'import cancelled; nothing was written')
}

/** Reads the first lines of a file: delimiter, header and the first rows, for detection. */
async function prepare(file: CsvFile, delimiter: Delimiter | undefined): Promise<Prepared> {
  let head = await readHead(file, HEAD_BYTES)
  if (head.charCodeAt(0) === 0xfeff) head = head.slice(1)
  if (head.trim() === '') return { delimiter: delimiter ?? ',', header: [], rows: [], empty: true }
  const cut = head.length >= HEAD_BYTES ? head.slice(0, head.lastIndexOf('\n') + 1) || head : head
  const delim = delimiter ?? detectDelimiter(cut)
  let records: string[][]
  try {
    records = parseSync(cut, { delimiter: delim, relax_column_count: true, relax_quotes: true, skip_empty_lines: true })
  } catch {
    // A malformed line early on: the full pass will report it with its line number.
    records = parseSync(cut.split(/\r?\n/, 1)[0] ?? '', { delimiter: delim, relax_column_count: true, relax_quotes: true })
  }
  const [header = [], ...rows] = records
  return { delimiter: delim, header: header.map((h) => h.trim()), rows, empty: false }
}

/** Settles the date format (and the expiry column's) from the first files' heads. */
function detectFormats(
  preps: { file: CsvFile; prep: Prepared; mapping: ColumnMapping }[],
  options: ReadOptions,
  warnings: IssueList,
  errors: IssueList,
): { date: ConcreteDateFormat | null; expiry: ConcreteDateFormat | null } {
  const pick = (field: 'date' | 'expiry', given: DateFormat): ConcreteDateFormat | null => {
    if (given !== 'auto') return given
    const values: string[] = []
    let lastDetection = null as ReturnType<typeof detectDateFormat> | null
    for (const { file, prep, mapping } of preps) {
      const col = mapping[field]
      if (col === undefined || prep.empty) continue
      for (const r of prep.rows) if (r[col] !== undefined) values.push(r[col])
      const detection = detectDateFormat(values)
      lastDetection = detection
      if (detection.format === null && detection.badValue !== null) {
        const bad = detection.badValue
        const line = prep.rows.findIndex((r) => r[col]?.trim() === bad) + 2
        errors.add({
          file: file.name,
          line: line > 1 ? line : 2,
          column: col + 1,
          field: prep.header[col] || field,
          message: `${detection.reason}: '${bad}' (choose the date format if auto-detection is wrong)`,
        })
        return null
      }
      if (lastDetection.format !== null && !lastDetection.ambiguous) return lastDetection.format
    }
    if (lastDetection?.format) {
      if (lastDetection.note) warnings.add({ file: preps[0].file.name, line: 0, field, message: lastDetection.note })
      return lastDetection.format
    }
    return null
  }
  const date = pick('date', options.dateFormat ?? 'auto')
  const expiry = options.kind === 'futures' ? pick('expiry', 'auto') : null
  return { date, expiry }
}

/**
 * Reads and validates CSV files into columns without writing anything: every problem is
 * collected as an error (with file, line, column, field) or a warning. Errors do not stop
 * the pass, so one run reports them all (up to a cap).
 */
export async function readCsvFiles(files: readonly CsvFile[], options: ReadOptions): Promise<ReadResult> {
  const errors = new IssueList(options.maxErrors ?? 200)
  const warnings = new IssueList(options.maxWarnings ?? 1000)
  const data = new BarData()
  const summaries: FileSummary[] = []
  const sample: string[][] = []
  const { signal } = options
  const totalBytes = files.reduce((s, f) => s + f.size, 0)
  let bytesBefore = 0
  let rowsTotal = 0
  const warnNonPositive = options.warnNonPositive ?? options.kind === 'ohlcv'

  const mappingFor = (prep: Prepared) => options.mapping ?? detectMapping(prep.header)

  // Formats are settled once, from the first files (up to 20 while the order of day and month is open).
  const early: { file: CsvFile; prep: Prepared; mapping: ColumnMapping }[] = []
  for (const file of files.slice(0, 20)) {
    if (signal?.aborted) throw cancelled()
    const prep = await prepare(file, options.delimiter)
    early.push({ file, prep, mapping: mappingFor(prep) })
  }
  const errorsBefore = errors.count
  const formats = detectFormats(early, options, warnings, errors)
  // A date column whose format cannot be told is reported once; with no dates to go by at all
  // (empty cells), rows are read as YYYY-MM-DD so each bad cell is reported where it is.
  const parseDateCell = formats.date ? makeDateParser(formats.date) : errors.count > errorsBefore ? null : makeDateParser('YYYY-MM-DD')
  const parseExpiryCell = makeDateParser(formats.expiry ?? formats.date ?? 'YYYY-MM-DD')

  for (let fi = 0; fi < files.length; fi++) {
    if (signal?.aborted) throw cancelled()
    const file = files[fi]
    const prep = fi < early.length ? early[fi].prep : await prepare(file, options.delimiter)
    const mapping = fi < early.length ? early[fi].mapping : mappingFor(prep)
    data.files.push(file.name)
    const summary: FileSummary = { name: file.name, rows: 0, header: prep.header, mapping, delimiter: prep.delimiter }
    summaries.push(summary)

    if (prep.empty) {
      errors.add({ file: file.name, line: 1, message: 'the file is empty' })
      bytesBefore += file.size
      continue
    }
    // Problems with the columns make every row meaningless: report them once and skip the file.
    const columnProblems: string[] = [...mappingProblems(mapping, prep.header.length)]
    const missing = missingFields(options.kind, mapping)
    for (const m of missing) errors.add({ file: file.name, line: 1, field: m.field, message: `missing column: ${m.message}` })
    for (const p of columnProblems) errors.add({ file: file.name, line: 1, message: p })
    if (missing.length || columnProblems.length) {
      bytesBefore += file.size
      continue
    }
    if (!parseDateCell) {
      bytesBefore += file.size
      continue
    }
    if (fi === 0 && options.warnFileSymbol !== false && mapping.symbol === undefined && !(options.kind === 'futures' && mapping.root !== undefined && mapping.expiry !== undefined)) {
      warnings.add({
        file: file.name,
        line: 0,
        field: 'symbol',
        message: `no symbol column: each file's rows take the symbol from the file name (here '${file.fileSymbol}')`,
      })
    }

    // The file is read once without per-record line info (twice as fast); if the line count
    // shows records spanning lines (quoted newlines), it is read again with it.
    const checkpoint = { rows: data.length, symbols: data.symbols.length, e: [errors.items.length, errors.total], w: [warnings.items.length, warnings.total] }
    let result = await readOne(false)
    if (result === 'multiline') {
      data.truncate(checkpoint.rows, checkpoint.symbols)
      errors.truncate(checkpoint.e[0], checkpoint.e[1])
      warnings.truncate(checkpoint.w[0], checkpoint.w[1])
      rowsTotal -= summary.rows
      summary.rows = 0
      if (fi === 0) sample.length = 0
      result = await readOne(true)
    }
    bytesBefore += file.size
    if (summary.rows === 0 && result === 'ok') errors.add({ file: file.name, line: 2, message: 'the file has a header but no data rows' })

    async function readOne(withInfo: boolean): Promise<'ok' | 'multiline' | 'failed'> {
      const ncols = prep.header.length
      const iDate = mapping.date!
      const iTime = mapping.time ?? -1
      const iSymbol = mapping.symbol ?? -1
      const iExpiry = options.kind === 'futures' ? (mapping.expiry ?? -1) : -1
      const iRoot = options.kind === 'futures' ? (mapping.root ?? -1) : -1
      const fields = valueFields
        .filter(([, f]) => mapping[f] !== undefined)
        .map(([bf, f]) => ({ bf, col: mapping[f]!, name: prep.header[mapping[f]!] || f, isPrice: priceFields.includes(bf), isVolume: bf === 'volume' }))
      const closeFromSettle = options.kind === 'futures' && mapping.close === undefined && mapping.settle !== undefined
      const deriveSymbol =
        iSymbol < 0 && iExpiry >= 0 && iRoot >= 0 ? (options.deriveSymbol ?? ((root: string, expiry: string) => `${root} ${expiry}`)) : null
      const name = file.name
      const vals = data.values
      const parsed = new Float64Array(7) // open, high, low, close, volume, settle, openInterest by BarField index
      const slot = fields.map((f) => valueFields.findIndex(([bf]) => bf === f.bf))
      const fileIdx = fi

      const parser: Parser = parse({
        delimiter: prep.delimiter,
        bom: true,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: false,
        info: withInfo,
      })
      const input = openFile(file, (b) => {
        bytesNow = bytesBefore + b
      })
      input.on('error', (err) => parser.destroy(err))
      let bytesNow = bytesBefore
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
            if (signal?.aborted) throw cancelled()
            options.onProgress?.(rowsTotal, bytesNow, totalBytes)
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
          summary.rows++
          rowsTotal++
          if (fileIdx === 0 && sample.length < (options.sampleRows ?? 0)) sample.push(rec)

          // Time
          const rawDate = rec[iDate]
          let ts = parseDateCell!(rawDate)
          if (ts === null) {
            errors.add({
              file: name,
              line,
              column: iDate + 1,
              field: prep.header[iDate] || 'date',
              message: rawDate.trim() === '' ? 'empty date' : `not a date in ${formats.date ?? 'YYYY-MM-DD'}: '${rawDate}'`,
            })
            continue
          }
          if (iTime >= 0) {
            const t = parseTimeOfDay(rec[iTime])
            if (t === null) {
              errors.add({ file: name, line, column: iTime + 1, field: prep.header[iTime] || 'time', message: `not a time of day: '${rec[iTime]}'` })
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
              errors.add({ file: name, line, column: f.col + 1, field: f.name, message: `not a number: '${raw}'` })
              bad = true
              continue
            }
            if (v === null) {
              if (f.isPrice) warnings.add({ file: name, line, column: f.col + 1, field: f.name, message: `empty ${f.bf}: stored as missing` })
              continue
            }
            if (f.isVolume && v < 0) {
              errors.add({ file: name, line, column: f.col + 1, field: f.name, message: `negative volume: ${raw}` })
              bad = true
              continue
            }
            if (f.isPrice) {
              if (v === 0 && options.zeroPriceIsMissing) continue
              if (warnNonPositive && v <= 0) {
                warnings.add({ file: name, line, column: f.col + 1, field: f.name, message: `non-positive ${f.bf}: ${raw}` })
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
              errors.add({ file: name, line, column: iExpiry + 1, field, message: raw.trim() === '' ? 'empty expiry' : `not a date: '${raw}'` })
              continue
            }
            expiry = unixToIsoDate(e)
          }
          if (iRoot >= 0) root = rec[iRoot].trim() || null
          if (iSymbol >= 0) symbol = rec[iSymbol].trim()
          else if (deriveSymbol && root && expiry) symbol = deriveSymbol(root, expiry)
          else symbol = file.fileSymbol
          if (!symbol) {
            const col = iSymbol >= 0 ? iSymbol : iRoot
            errors.add({ file: name, line, column: col + 1, field: prep.header[col] || 'symbol', message: 'empty symbol' })
            continue
          }
          let s = data.symbolIndex(symbol)
          if (s === undefined) {
            if (options.kind === 'futures') {
              root ??= rootFromSymbol(symbol)
              if (!root) {
                errors.add({ file: name, line, message: `cannot tell the root of contract '${symbol}': add a root column` })
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
                message: `contract ${symbol} expires ${expiry} here but ${entry.expiry} at ${where}`,
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
        if (typeof e.code === 'string' && e.code.startsWith('CSV_') || e.code === 'INVALID_OPENING_QUOTE') {
          errors.add({ file: name, line: e.lines ?? line + 1, message: `malformed CSV: ${e.message}` })
          return 'failed'
        }
        if (e.code === 'Z_DATA_ERROR' || e.code === 'Z_BUF_ERROR') {
          errors.add({ file: name, line: line + 1, message: `cannot decompress: ${e.message}` })
          return 'failed'
        }
        throw new AppError('IMPORT_FAILED', `${name}: ${e.message ?? String(err)}`)
      } finally {
        input.destroy()
      }
      if (!withInfo) {
        const info = parser.info as { lines: number; empty_lines: number }
        if (info.lines !== line + info.empty_lines) return 'multiline'
      }
      options.onProgress?.(rowsTotal, bytesBefore + file.size, totalBytes)
      return 'ok'
    }
  }

  // Duplicates across everything read: (symbol, time) must be unique.
  if (signal?.aborted) throw cancelled()
  const order = findDuplicates(data, errors)
  const ts = data.ts.view()
  let intraday = false
  for (let i = 0; i < ts.length; i++) {
    if (ts[i] % 86_400 !== 0) {
      intraday = true
      break
    }
  }
  return { data, files: summaries, dateFormat: formats.date, errors, warnings, sample, order, intraday }
}
