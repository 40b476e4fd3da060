import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, describe, expect, it } from 'vitest'
import { type Batch, type ExportColumn, exportTable } from '../../electron/services/exports'
import { xlsxMaxDataRows } from '../../electron/services/exports/xlsx/index'
import { tempDir } from './helpers/temp'

// A table longer than an Excel sheet holds: the rows go on in a second sheet, none lost or repeated.
const dir = tempDir('xlsx-row-limit')
afterAll(() => dir.remove())

describe('XLSX past the row limit', () => {
  it('continues in a sheet named "(2)", with the header again and every row once, in order', async () => {
    expect(xlsxMaxDataRows).toBe(1_048_575) // Excel's 1,048,576 rows less the header
    const total = xlsxMaxDataRows + 3
    const columns: ExportColumn[] = [{ name: 'k', type: 'int', nullable: false }]
    function* batches(): Generator<Batch> {
      for (let start = 0; start < total; start += 50_000) {
        const length = Math.min(50_000, total - start)
        yield { length, columns: [Float64Array.from({ length }, (_, i) => start + i + 1)] }
      }
    }
    const out = join(dir.path, 'long.xlsx')
    const r = await exportTable({ format: 'xlsx', out, columns, source: batches(), sheetName: 'rows' })
    expect(r.rows).toBe(total)

    const sheets: { name: string; rows: number; first: unknown; last: unknown; header: unknown }[] = []
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(out, {
      sharedStrings: 'cache',
      styles: 'ignore',
      hyperlinks: 'ignore',
      worksheets: 'emit',
    })
    let expected = 1
    let inOrder = true
    for await (const sheet of reader) {
      const s = {
        name: (sheet as unknown as { name: string }).name,
        rows: 0,
        first: undefined as unknown,
        last: undefined as unknown,
        header: undefined as unknown,
      }
      for await (const row of sheet) {
        const v = (row.values as unknown[])[1]
        if (row.number === 1) {
          s.header = v
          continue
        }
        if (s.rows === 0) s.first = v
        s.last = v
        s.rows++
        inOrder &&= v === expected
        expected++
      }
      sheets.push(s)
    }
    expect(inOrder).toBe(true)
    expect(sheets.map((s) => [s.name, s.header, s.rows, s.first, s.last])).toEqual([
      ['rows', 'k', xlsxMaxDataRows, 1, xlsxMaxDataRows],
      ['rows (2)', 'k', 3, xlsxMaxDataRows + 1, total],
    ])
  }, 120_000)
})
