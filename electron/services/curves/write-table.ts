/**
 * A curves table as CSV text (the app's download) and as a CSV or Parquet file, the files written by the
 * export service (one writer for every table of the app: temporary name renamed into place).
 */
import type { CurveTable } from '../../contract'
import { batchesFromRows, type ExportColumn, exportTable } from '../exports'

const csvField = (v: string | number | null) => {
  if (v === null) return ''
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : ''
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v
}

/** The table as CSV text (header line first; empty fields for missing values). */
export function tableCsv(table: CurveTable): string {
  const lines = [table.columns.join(',')]
  for (const row of table.rows) lines.push(row.map(csvField).join(','))
  return `${lines.join('\n')}\n`
}

/**
 * The table as export columns and rows: a column is text when any of its values is, else numbers with the
 * non-finite ones missing (empty CSV fields, Parquet nulls), as the files have always had them.
 */
function exportShape(table: CurveTable): { columns: ExportColumn[]; rows: unknown[][] } {
  const text = table.columns.map((_, j) => table.rows.some((r) => typeof r[j] === 'string'))
  const columns: ExportColumn[] = table.columns.map((name, j) => ({ name, type: text[j] ? 'string' : 'float' }))
  const rows = table.rows.map((r) =>
    r.map((v, j) => (v === null ? null : text[j] ? String(v) : typeof v === 'number' && Number.isFinite(v) ? v : null)),
  )
  return { columns, rows }
}

export async function writeTable(table: CurveTable, out: string, format: 'csv' | 'parquet'): Promise<void> {
  const { columns, rows } = exportShape(table)
  await exportTable({ format, out, columns, source: batchesFromRows(columns, rows), sheetName: table.filename })
}

export const writeTableCsv = (table: CurveTable, out: string): Promise<void> => writeTable(table, out, 'csv')
export const writeTableParquet = (table: CurveTable, out: string): Promise<void> => writeTable(table, out, 'parquet')
