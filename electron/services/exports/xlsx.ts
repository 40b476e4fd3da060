/**
 * XLSX through exceljs's streaming WorkbookWriter: rows are committed as they come (the
 * workbook is never held in memory), cells are typed (numbers, booleans, dates with a date
 * format, text), the header row is frozen. Past Excel's row limit a sheet continues on a
 * new one; with `sheetPerGroup`, each batch group (e.g. run) gets its own sheet.
 */
import ExcelJS from 'exceljs'
import { isMissing, valueAt } from './cells'
import type { Batch, ColumnData, ExportColumn, FormatWriter } from './types'

/** Excel's limit is 1,048,576 rows including the header. */
export const xlsxMaxDataRows = 1_048_575

type Sheet = ExcelJS.Worksheet

const numFmt: Partial<Record<ExportColumn['type'], string>> = { date: 'yyyy-mm-dd', timestamp: 'yyyy-mm-dd hh:mm:ss' }

function cellValue(column: ExportColumn, data: ColumnData, k: number): ExcelJS.CellValue {
  const v = valueAt(data, k)
  if (isMissing(v)) return null
  switch (column.type) {
    case 'int':
    case 'float':
      return Number.isFinite(v as number) ? (v as number) : null
    case 'bool':
      return Boolean(v)
    case 'date':
    case 'timestamp':
      return new Date(Number(v) * 1000)
    default:
      return String(v)
  }
}

/** Sheet names: at most 31 characters, none of []:*?/\ and unique in the workbook. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base = (wanted.replace(/[[\]:*?/\\]/g, '_').trim() || 'Sheet').slice(0, 31)
  let name = base
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - ` (${i})`.length)} (${i})`
  taken.add(name.toLowerCase())
  return name
}

export function xlsxWriter(tmp: string, columns: ExportColumn[], options: { sheetName?: string; sheetPerGroup?: boolean }): FormatWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: tmp,
    useStyles: true,
    useSharedStrings: false,
    zip: { zlib: { level: 1 } },
  })
  const taken = new Set<string>()
  const baseName = options.sheetName ?? 'data'
  let sheet: Sheet | null = null
  let sheetRows = 0
  let group: string | undefined
  let part = 1

  const openSheet = (name: string) => {
    sheet?.commit()
    sheet = workbook.addWorksheet(sheetName(name, taken), { views: [{ state: 'frozen', ySplit: 1 }] })
    sheet.columns = columns.map((c) => ({
      header: c.name,
      key: c.name,
      width: Math.max(10, Math.min(40, c.name.length + 2)),
      style: numFmt[c.type] ? { numFmt: numFmt[c.type] } : undefined,
    }))
    sheet.getRow(1).font = { bold: true }
    sheetRows = 0
  }

  return {
    write(batch: Batch) {
      for (let k = 0; k < batch.length; k++) {
        if (!sheet || (options.sheetPerGroup && batch.group !== group)) {
          group = batch.group
          part = 1
          openSheet(options.sheetPerGroup && group !== undefined ? group : baseName)
        } else if (sheetRows === xlsxMaxDataRows) {
          part++
          openSheet(`${options.sheetPerGroup && group !== undefined ? group : baseName} (${part})`)
        }
        const values = new Array(columns.length)
        for (let j = 0; j < columns.length; j++) values[j] = cellValue(columns[j], batch.columns[j], k)
        ;(sheet as unknown as Sheet).addRow(values).commit()
        sheetRows++
      }
    },
    async finish() {
      if (!sheet)
        openSheet(baseName) // an empty export still has its header
      ;(sheet as unknown as Sheet).commit()
      await workbook.commit()
    },
    async abort() {
      // Let the zip stream finish so its file handle closes; the driver deletes the file.
      try {
        sheet?.commit()
        await workbook.commit()
      } catch {
        // nothing to save
      }
    },
  }
}
