import { z } from 'zod'
import { method } from './define'
import { MAX_CSV_TEXT_CHARS, MiB } from './limits'

const textTooLong = `uploads are limited to ${MAX_CSV_TEXT_CHARS / MiB} MiB of CSV text; import bigger files by path`

/** What a CSV file holds. `ohlcv`: bars per symbol; `futures`: prices per contract with expiry. */
export const csvKinds = ['ohlcv', 'futures'] as const
export type CsvKind = (typeof csvKinds)[number]

/** Canonical fields a column can map to. `symbol` may come from the file name instead. */
export const csvFields = [
  'date',
  'time',
  'symbol',
  'open',
  'high',
  'low',
  'close',
  'volume',
  'settle',
  'openInterest',
  'expiry',
  'root',
] as const
export type CsvField = (typeof csvFields)[number]

export const dateFormats = ['auto', 'YYYY-MM-DD', 'YYYYMMDD', 'MM/DD/YYYY', 'DD/MM/YYYY', 'M/D/YYYY H:MM', 'unix'] as const
export type DateFormat = (typeof dateFormats)[number]

/** A file given by content (browser upload) or by a path on the backend's machine. A path may be a folder of per-symbol files. */
export const csvSource = z.union([
  z.object({ name: z.string().min(1).max(500), text: z.string().max(MAX_CSV_TEXT_CHARS, textTooLong) }),
  z.object({ path: z.string().min(1).max(4096) }),
])
export type CsvSource = z.infer<typeof csvSource>

/** Column index in the file for each field; absent = not in the file. */
export const columnMapping = z.partialRecord(z.enum(csvFields), z.number().int().min(0))
export type ColumnMapping = z.infer<typeof columnMapping>

export const csvOptions = z.object({
  sources: z
    .array(csvSource)
    .min(1)
    .max(10_000)
    .refine((sources) => sources.reduce((n, s) => n + ('text' in s ? s.text.length : 0), 0) <= MAX_CSV_TEXT_CHARS, textTooLong),
  kind: z.enum(csvKinds),
  mapping: columnMapping.optional(),
  dateFormat: z.enum(dateFormats).default('auto'),
  delimiter: z.enum([',', ';', '\t', '|']).optional(),
})
export type CsvOptions = z.infer<typeof csvOptions>

/** Where something is wrong in a file: 1-based line and column, the field name. */
export interface CsvIssue {
  file: string
  line: number
  column?: number
  field?: string
  message: string
}

export interface CsvPreview {
  files: { name: string; rows: number }[]
  header: string[]
  /** Auto-detected (or given) mapping, by column index. */
  mapping: ColumnMapping
  dateFormat: DateFormat
  delimiter: string
  /** First rows of the first file, raw cells. */
  sample: string[][]
  rowCount: number
  symbols: number
  warnings: CsvIssue[]
  errors: CsvIssue[]
}

export interface ImportResult {
  datasetId: number
  instruments: number
  rows: number
  warnings: CsvIssue[]
  durationMs: number
}

export const imports = {
  previewCsv: method<CsvPreview>()(csvOptions),
  importCsv: method<ImportResult>()(
    csvOptions.extend({
      datasetName: z.string().trim().min(1).max(100),
      jobId: z.string().max(100).optional(),
    }),
  ),
}
