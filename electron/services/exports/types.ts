/**
 * The shapes every export shares: typed columns, batches of rows held column-wise, the
 * formats, progress and cancel. Formats never see where rows come from (a SQL cursor, an
 * alpha run file, a list of records): a source is an iterator of batches.
 */

/** Dates and timestamps travel as unix seconds (UTC), as everywhere in the app. */
export type ColumnType = 'string' | 'int' | 'float' | 'bool' | 'date' | 'timestamp'

export interface ExportColumn {
  name: string
  type: ColumnType
  /** Missing values allowed (null/undefined, or NaN in a float column). Default true. */
  nullable?: boolean
}

/**
 * A string column as codes into a list of distinct values: a long-format table repeats a
 * few hundred symbols and dates millions of times, and CSV/Parquet writers then escape or
 * encode each distinct value once instead of once per row.
 */
export interface DictColumn {
  kind: 'dict'
  dict: readonly string[]
  codes: Int32Array | Uint32Array | Uint16Array
}

export type ColumnData = ArrayLike<unknown> | DictColumn

/** Rows [0, length) held column-wise: columns[j] holds column j. */
export interface Batch {
  length: number
  columns: ColumnData[]
  /** Rows of one group (e.g. one run): XLSX writes one sheet per group when asked. */
  group?: string
}

export type BatchSource = AsyncIterable<Batch> | Iterable<Batch>

export const exportFormats = ['csv', 'json', 'ndjson', 'xlsx', 'parquet'] as const
export type ExportFormat = (typeof exportFormats)[number]

export interface ExportProgress {
  rows: number
  /** Total rows when the source knows it. */
  total?: number
}

export interface ExportOptions {
  format: ExportFormat
  /** Final path; the file is written under a temporary name beside it and renamed when complete. */
  out: string
  columns: ExportColumn[]
  source: BatchSource
  total?: number
  signal?: AbortSignal
  onProgress?: (progress: ExportProgress) => void
  /** XLSX: a sheet per batch group (else one sheet, continued on the next past Excel's row limit). */
  sheetPerGroup?: boolean
  /** Name of the (first) sheet. */
  sheetName?: string
  /** Parquet: rows per row group (default 1M). */
  rowGroupRows?: number
}

export interface ExportResult {
  out: string
  format: ExportFormat
  rows: number
  bytes: number
  ms: number
}

/** What each format implements; the driver (export.ts) feeds it batches in order. */
export interface FormatWriter {
  write(batch: Batch): Promise<void> | void
  /** Completes the file (footer, zip directory); the driver renames it afterwards. */
  finish(): Promise<void>
  /** Releases what an unfinished file holds (the driver removes the file). */
  abort(): Promise<void>
}

export const isDict = (c: ColumnData): c is DictColumn => (c as DictColumn).kind === 'dict'
