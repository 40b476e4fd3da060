import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { afterAll, describe, expect, it } from 'vitest'
import { type Batch, type ExportColumn, type ExportFormat, exportTable } from '../../electron/services/exports'
import { tempDir } from './helpers/temp'

// Every format written by the export service and read back with a real reader: same values, same types.
const dir = tempDir('book-exports')
afterAll(() => dir.remove())

const columns: ExportColumn[] = [
  { name: 'id', type: 'int', nullable: false },
  { name: 'name', type: 'string' },
  { name: 'symbol', type: 'string', nullable: false },
  { name: 'price', type: 'float' },
  { name: 'flag', type: 'bool' },
  { name: 'day', type: 'date' },
  { name: 'at', type: 'timestamp' },
]
const names = ['plain', 'comma, inside', 'quote " inside', 'line\nbreak', 'ünïcødé ✓', null, '']
const symbols = ['ES', 'NQ', 'CL, "x"']
const rowsN = 3000
interface Row {
  id: number
  name: string | null
  symbol: string
  price: number | null
  flag: boolean | null
  day: number | null
  at: number | null
}
const rows: Row[] = Array.from({ length: rowsN }, (_, k) => ({
  id: k + 1,
  name: names[k % names.length],
  symbol: symbols[k % 3],
  price: k % 11 === 5 ? null : (k * 1.37) / 3 - 500 + 1e-9 * k,
  flag: k % 5 === 0 ? null : k % 2 === 0,
  day: k % 13 === 0 ? null : Date.UTC(2020, 0, 1) / 1000 + 86_400 * k,
  at: k % 17 === 0 ? null : Date.UTC(2021, 5, 1, 9, 30) / 1000 + 61 * k,
}))

/** In batches of 1,000 rows; the symbol column as a dictionary column, as the long-format sources send it. */
function* batches(): Generator<Batch> {
  for (let s = 0; s < rowsN; s += 1000) {
    const part = rows.slice(s, s + 1000)
    yield {
      length: part.length,
      group: `part ${s / 1000 + 1}`,
      columns: [
        Int32Array.from(part.map((r) => r.id)),
        part.map((r) => r.name),
        { kind: 'dict', dict: symbols, codes: Int32Array.from(part.map((r) => symbols.indexOf(r.symbol))) },
        part.map((r) => r.price),
        part.map((r) => r.flag),
        part.map((r) => r.day),
        part.map((r) => r.at),
      ],
    }
  }
}

const write = (format: ExportFormat, extra: object = {}) =>
  exportTable({ format, out: join(dir.path, `t.${format}`), columns, source: batches(), total: rowsN, ...extra })

const isoDay = (ts: number) => new Date(ts * 1000).toISOString().slice(0, 10)
const isoTime = (ts: number) => new Date(ts * 1000).toISOString().replace('.000Z', 'Z')

describe('exports read back', () => {
  it('CSV: csv-parse gives the same text; numbers round-trip exactly; missing values empty', async () => {
    const r = await write('csv')
    expect(r.rows).toBe(rowsN)
    const got = parse(readFileSync(r.out, 'utf8'), { columns: true }) as Record<string, string>[]
    expect(got).toHaveLength(rowsN)
    got.forEach((g, k) => {
      const e = rows[k]
      expect(Number(g.id)).toBe(e.id)
      expect(g.name).toBe(e.name ?? '')
      expect(g.symbol).toBe(e.symbol)
      expect(g.price === '' ? null : Number(g.price)).toBe(e.price)
      expect(g.flag).toBe(e.flag === null ? '' : String(e.flag))
      expect(g.day).toBe(e.day === null ? '' : isoDay(e.day))
      expect(g.at).toBe(e.at === null ? '' : isoTime(e.at))
    })
  })

  it('JSON and NDJSON: typed values, null for missing', async () => {
    const expected = rows.map((e) => ({ ...e, day: e.day === null ? null : isoDay(e.day), at: e.at === null ? null : isoTime(e.at) }))
    const json = JSON.parse(readFileSync((await write('json')).out, 'utf8'))
    expect(json).toEqual(expected)
    const nd = readFileSync((await write('ndjson')).out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(nd).toEqual(expected)
  })

  it('XLSX: exceljs reads typed cells (numbers, booleans, dates), a frozen header, and a sheet per group when asked', async () => {
    const r = await write('xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(r.out)
    const sheet = wb.worksheets[0]
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(sheet.getRow(1).values).toEqual([undefined, ...columns.map((c) => c.name)])
    expect(sheet.rowCount).toBe(rowsN + 1)
    for (const k of [0, 1, 5, 13, 17, 2999]) {
      const v = sheet.getRow(k + 2).values as unknown[]
      const e = rows[k]
      expect(v[1]).toBe(e.id)
      expect(v[2] ?? null).toBe(e.name === '' ? null : e.name)
      expect(v[3]).toBe(e.symbol)
      expect(v[4] ?? null).toBe(e.price)
      expect(v[5] ?? null).toBe(e.flag)
      expect(v[6] ?? null).toEqual(e.day === null ? null : new Date(e.day * 1000))
      expect(v[7] ?? null).toEqual(e.at === null ? null : new Date(e.at * 1000))
    }
    const grouped = await write('xlsx', { out: join(dir.path, 'groups.xlsx'), sheetPerGroup: true })
    const wb2 = new ExcelJS.Workbook()
    await wb2.xlsx.readFile(grouped.out)
    expect(wb2.worksheets.map((s) => s.name)).toEqual(['part 1', 'part 2', 'part 3'])
    expect(wb2.worksheets.map((s) => s.rowCount)).toEqual([1001, 1001, 1001])
  })

  it('Parquet in several row groups: hyparquet reads the same values with their types', async () => {
    const r = await write('parquet', { rowGroupRows: 700 })
    const { parquetMetadata, parquetReadObjects } = await import('hyparquet')
    const file = readFileSync(r.out)
    const buffer = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength)
    expect(parquetMetadata(buffer).row_groups.length).toBe(5)
    const got = (await parquetReadObjects({ file: buffer })) as Record<string, unknown>[]
    expect(got).toHaveLength(rowsN)
    got.forEach((g, k) => {
      const e = rows[k]
      expect(g.id).toBe(BigInt(e.id))
      expect(g.name).toBe(e.name)
      expect(g.symbol).toBe(e.symbol)
      expect(g.price).toBe(e.price)
      expect(g.flag).toBe(e.flag)
      expect(g.day).toEqual(e.day === null ? null : new Date(e.day * 1000))
      expect(g.at).toEqual(e.at === null ? null : new Date(e.at * 1000))
    })
  })

  it('a cancelled export leaves nothing behind, not even its temporary file', async () => {
    const controller = new AbortController()
    function* slow(): Generator<Batch> {
      let k = 0
      for (const b of batches()) {
        if (++k === 2) controller.abort()
        yield b
      }
    }
    const out = join(dir.path, 'cancelled.csv')
    await expect(exportTable({ format: 'csv', out, columns, source: slow(), signal: controller.signal })).rejects.toMatchObject({
      code: 'JOB_CANCELLED',
    })
    expect(readdirSync(dir.path).filter((f) => f.includes('cancelled'))).toEqual([])
  })

  it('a million rows do not block the event loop (lag measured while it writes)', async () => {
    const n = 1_000_000
    const cols: ExportColumn[] = [
      { name: 'id', type: 'int', nullable: false },
      { name: 'x', type: 'float', nullable: false },
      { name: 'sym', type: 'string', nullable: false },
    ]
    function* big(): Generator<Batch> {
      for (let s = 0; s < n; s += 16_384) {
        const len = Math.min(16_384, n - s)
        const ids = new Int32Array(len)
        const xs = new Float64Array(len)
        for (let k = 0; k < len; k++) {
          ids[k] = s + k
          xs[k] = Math.sin(s + k)
        }
        yield { length: len, columns: [ids, xs, { kind: 'dict', dict: symbols, codes: new Int32Array(len).fill(1) }] }
      }
    }
    for (const format of ['csv', 'parquet'] as const) {
      let maxLag = 0
      let last = performance.now()
      const timer = setInterval(() => {
        const now = performance.now()
        maxLag = Math.max(maxLag, now - last - 20)
        last = now
      }, 20)
      const r = await exportTable({ format, out: join(dir.path, `big.${format}`), columns: cols, source: big(), total: n })
      clearInterval(timer)
      expect(r.rows).toBe(n)
      // Loose on purpose (a busy machine stretches everything); the figure goes to the bench.
      expect(maxLag).toBeLessThan(10_000)
    }
  })
})
