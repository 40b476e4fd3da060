import { parse as parseSync } from 'csv-parse/sync'
import type { ColumnMapping, CsvKind, DateFormat } from '../../../contract'
import { detectDelimiter, type Delimiter } from './detect'
import type { IssueList } from './issues'
import { detectDateFormat, type ConcreteDateFormat } from './parse-dates'
import { clip, quote } from '../../../shared/quote'
import { readHead, type CsvFile } from './sources'

/** The start of a file: enough to detect its delimiter, header and formats. */
export interface FileHead {
  delimiter: Delimiter
  header: string[]
  /** The first data rows (as far as the head reaches). */
  rows: string[][]
  empty: boolean
}

const HEAD_BYTES = 128 * 1024

/** Reads the first lines of a file: delimiter, header and the first rows, for detection. */
export async function readFileHead(file: CsvFile, delimiter: Delimiter | undefined): Promise<FileHead> {
  const { text, complete } = await readHead(file, HEAD_BYTES)
  const head = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (complete && head.trim() === '') return { delimiter: delimiter ?? ',', header: [], rows: [], empty: true }
  // A cut-off head ends mid-line: keep whole lines only.
  const cut = complete ? head : head.slice(0, head.lastIndexOf('\n') + 1) || head
  const delim = delimiter ?? detectDelimiter(cut)
  let records: string[][]
  try {
    records = parseSync(cut, { delimiter: delim, relax_column_count: true, relax_quotes: true, skip_empty_lines: true })
  } catch {
    // A malformed line early on: the full pass will report it with its line number.
    records = parseSync(cut.split(/\r?\n/, 1)[0] ?? '', { delimiter: delim, relax_column_count: true, relax_quotes: true })
  }
  const [header = [], ...rows] = records
  // Header names end up in every issue about their column: keep them short.
  return { delimiter: delim, header: header.map((h) => clip(h.trim())), rows, empty: false }
}

/** Settles the date format (and the expiry column's) from the first files' heads. */
export function detectFormats(
  preps: { file: CsvFile; prep: FileHead; mapping: ColumnMapping }[],
  options: { kind: CsvKind; dateFormat?: DateFormat },
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
          message: `${detection.reason}: ${quote(bad)} (choose the date format if auto-detection is wrong)`,
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
