import { AppError, type ColumnMapping, type CsvKind, type DateFormat } from '../../../contract'
import { BarData } from '../store/bar-data'
import { detectMapping, mappingProblems, missingFields, type Delimiter } from './detect'
import { findDuplicates } from './duplicates'
import { detectFormats, readFileHead, type FileHead } from './head'
import { IssueList } from './issues'
import { makeDateParser, type ConcreteDateFormat } from './parse-dates'
import { readRows } from './rows'
import { quote } from '../../../shared/quote'
import type { CsvFile } from './sources'

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

function cancelled(): AppError {
  return new AppError('JOB_CANCELLED', 'import cancelled; nothing was written')
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
  let rowsBefore = 0

  const mappingFor = (head: FileHead) => options.mapping ?? detectMapping(head.header)

  // Formats are settled once, from the first files (up to 20 while the order of day and month is open).
  const early: { file: CsvFile; prep: FileHead; mapping: ColumnMapping }[] = []
  for (const file of files.slice(0, 20)) {
    if (signal?.aborted) throw cancelled()
    const prep = await readFileHead(file, options.delimiter)
    early.push({ file, prep, mapping: mappingFor(prep) })
  }
  const errorsBefore = errors.count
  const formats = detectFormats(early, options, warnings, errors)
  // A date column whose format cannot be told is reported once (and its rows are not read);
  // with no dates to go by at all (empty cells), rows are read as YYYY-MM-DD so each bad cell
  // is reported where it is.
  const dateFormat = formats.date ?? (errors.count > errorsBefore ? null : 'YYYY-MM-DD')
  const parseDateCell = dateFormat ? makeDateParser(dateFormat) : null
  const parseExpiryCell = makeDateParser(formats.expiry ?? formats.date ?? 'YYYY-MM-DD')

  for (let fi = 0; fi < files.length; fi++) {
    if (signal?.aborted) throw cancelled()
    const file = files[fi]
    const prep = fi < early.length ? early[fi].prep : await readFileHead(file, options.delimiter)
    const mapping = fi < early.length ? early[fi].mapping : mappingFor(prep)
    data.files.push(file.name)
    const summary: FileSummary = { name: file.name, rows: 0, header: prep.header, mapping, delimiter: prep.delimiter }
    summaries.push(summary)
    const done = () => {
      bytesBefore += file.size
      rowsBefore += summary.rows
      options.onProgress?.(rowsBefore, bytesBefore, totalBytes)
    }

    if (prep.empty) {
      errors.add({ file: file.name, line: 1, message: 'the file is empty' })
      done()
      continue
    }
    // Problems with the columns make every row meaningless: report them once and skip the file.
    const missing = missingFields(options.kind, mapping)
    const columnProblems = mappingProblems(mapping, prep.header.length)
    for (const m of missing) errors.add({ file: file.name, line: 1, field: m.field, message: `missing column: ${m.message}` })
    for (const p of columnProblems) errors.add({ file: file.name, line: 1, message: p })
    if (missing.length || columnProblems.length || !parseDateCell || !dateFormat) {
      done()
      continue
    }
    const symbolFromName =
      mapping.symbol === undefined && !(options.kind === 'futures' && mapping.root !== undefined && mapping.expiry !== undefined)
    if (fi === 0 && symbolFromName && options.warnFileSymbol !== false) {
      warnings.add({
        file: file.name,
        line: 0,
        field: 'symbol',
        message: `no symbol column: each file's rows take the symbol from the file name (here ${quote(file.fileSymbol)})`,
      })
    }

    const ctx = {
      file,
      fileIdx: fi,
      prep,
      mapping,
      options,
      data,
      errors,
      warnings,
      parseDateCell,
      parseExpiryCell,
      dateFormat,
      sample: fi === 0 ? sample : null,
      tick: (rows: number, bytes: number) => {
        if (signal?.aborted) throw cancelled()
        options.onProgress?.(rowsBefore + rows, bytesBefore + bytes, totalBytes)
      },
    }
    // Read once without per-record line info (twice as fast); if the line count shows records
    // spanning lines (quoted newlines), undo and read again with it.
    const checkpoint = {
      rows: data.length,
      symbols: data.symbols.length,
      errors: [errors.items.length, errors.total],
      warnings: [warnings.items.length, warnings.total],
    }
    let result = await readRows(ctx, false)
    if (result.status === 'multiline') {
      data.truncate(checkpoint.rows, checkpoint.symbols)
      errors.truncate(checkpoint.errors[0], checkpoint.errors[1])
      warnings.truncate(checkpoint.warnings[0], checkpoint.warnings[1])
      sample.length = fi === 0 ? 0 : sample.length
      result = await readRows(ctx, true)
    }
    summary.rows = result.rows
    if (result.rows === 0 && result.status === 'ok')
      errors.add({ file: file.name, line: 2, message: 'the file has a header but no data rows' })
    done()
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
