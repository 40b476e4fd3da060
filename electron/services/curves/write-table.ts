/**
 * Writes a curves table to CSV or Parquet (hyparquet-writer), to a temporary name renamed into
 * place, so a failed write never leaves half a file.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs'
import type { CurveTable } from '../../contract'

function atomically(out: string, write: (tmp: string) => void): void {
  const tmp = `${out}.${process.pid}.tmp`
  try {
    write(tmp)
    renameSync(tmp, out)
  } finally {
    rmSync(tmp, { force: true })
  }
}

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

export function writeTableCsv(table: CurveTable, out: string): void {
  atomically(out, (tmp) => writeFileSync(tmp, tableCsv(table)))
}

export async function writeTableParquet(table: CurveTable, out: string): Promise<void> {
  const { parquetWriteFile } = await import('hyparquet-writer')
  const columnData = table.columns.map((name, j) => {
    const values = table.rows.map((r) => r[j])
    const text = values.some((v) => typeof v === 'string')
    return text
      ? { name, data: values.map((v) => (v === null ? null : String(v))), type: 'STRING' as const, nullable: true }
      : { name, data: values.map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : null)), type: 'DOUBLE' as const, nullable: true }
  })
  atomically(out, (tmp) => parquetWriteFile({ filename: tmp, createdBy: 'alphadesk', columnData }))
}
