import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../electron/contract'
import type { Db } from '../../electron/db/open'
import { marketQueries, importSampleData, sampleImported, type SampleImportSummary } from '../../electron/services/market'
import { resourcesData, tempDb } from './fixtures/market-helpers'

const STOCKS = 'stocks/sp500_daily_2013-02-08_2018-02-07.csv.gz'
const VX = 'futures/vx_futures_daily_2013-01-02_2025-06-20.csv'
const CLNG = 'futures/cl_ng_futures_curves_2016-03-24_2021-09-17.csv'
const SPX = 'intraday/sp500_index_1min_2019-11-05_2019-11-08.csv'

/** Lines of a shipped file, line 1 = header (so lines[n - 1] is line n). */
function fileLines(rel: string): string[] {
  const buf = readFileSync(join(resourcesData, rel))
  const text = rel.endsWith('.gz') ? gunzipSync(buf).toString('utf8') : buf.toString('utf8')
  return text.split('\n').filter((l, i, all) => l !== '' || i < all.length - 1)
}

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 1000

let t: ReturnType<typeof tempDb>
let db: Db
let summary: SampleImportSummary
let progress: { phase: string; done: number; total: number }[]
const idOf = (key: string) => db.prepare('SELECT id FROM datasets WHERE key = ?').pluck().get(key) as number
const count = (sql: string, ...args: unknown[]) =>
  db
    .prepare(sql)
    .pluck()
    .get(...args) as number

beforeAll(async () => {
  t = tempDb()
  db = t.db
  progress = []
  summary = await importSampleData(db, resourcesData, (p) => progress.push(p))
})
afterAll(() => t.cleanup())

describe('sample import', () => {
  it('imports every row of the shipped files, quickly', () => {
    const stocks = fileLines(STOCKS)
    expect(stocks.length - 1).toBe(619_040)
    expect(count('SELECT COUNT(*) FROM bars b JOIN instruments i ON i.id = b.instrument_id WHERE i.dataset_id = ?', idOf('sp500'))).toBe(
      619_040,
    )
    expect(count('SELECT COUNT(*) FROM instruments WHERE dataset_id = ?', idOf('sp500'))).toBe(505)

    expect(fileLines(VX).length - 1).toBe(28_051)
    expect(count('SELECT COUNT(*) FROM bars b JOIN instruments i ON i.id = b.instrument_id WHERE i.dataset_id = ?', idOf('vx'))).toBe(
      28_051,
    )
    expect(count('SELECT COUNT(*) FROM instruments WHERE dataset_id = ?', idOf('vx'))).toBe(158)

    expect(fileLines(CLNG).length - 1).toBe(97_992)
    expect(count('SELECT COUNT(*) FROM bars b JOIN instruments i ON i.id = b.instrument_id WHERE i.dataset_id = ?', idOf('cl_ng'))).toBe(
      97_992,
    )

    expect(fileLines(SPX).length - 1).toBe(1_563)
    expect(count('SELECT COUNT(*) FROM bars b JOIN instruments i ON i.id = b.instrument_id WHERE i.dataset_id = ?', idOf('spx_1min'))).toBe(
      1_563,
    )

    expect(summary.rows).toBe(619_040 + 28_051 + 97_992 + 1_563)
    expect(summary.skipped).toEqual([])
    // The import's speed is measured by `npm run bench:import`, not asserted here: a busy machine must pass.
    expect(summary.durationMs).toBeGreaterThan(0)
  })

  it('reports progress with phases and a total, monotonically', () => {
    expect(progress.length).toBeGreaterThan(3)
    const total = progress[0].total
    expect(total).toBe(summary.rows)
    for (let i = 1; i < progress.length; i++) expect(progress[i].done).toBeGreaterThanOrEqual(progress[i - 1].done)
    expect(progress.at(-1)).toEqual({ phase: 'done', done: total, total })
    expect(new Set(progress.map((p) => p.phase)).size).toBeGreaterThanOrEqual(5)
  })

  it('stores dataset sources (attributions) and time zones', () => {
    const rows = db.prepare('SELECT key, kind, source, timezone FROM datasets ORDER BY id').all() as {
      key: string
      kind: string
      source: string
      timezone: string
    }[]
    expect(rows.map((r) => r.key)).toEqual(['sp500', 'vx', 'cl_ng', 'spx_1min'])
    expect(rows.map((r) => r.kind)).toEqual(['stocks', 'futures', 'futures', 'intraday'])
    expect(rows[0].source).toMatch(/camnugent\/sandp500/)
    expect(rows[0].source).toMatch(/provided for free by IEX/)
    expect(rows[1].source).toMatch(/Cboe Global Markets/)
    expect(rows[2].source).toMatch(/Morningstar/)
    expect(rows[3].timezone).toBe('America/New_York')
  })

  it('keeps the stocks file defects as warnings with file, line, column and field — rows imported', () => {
    const lines = fileLines(STOCKS)
    const warnings = db
      .prepare(
        `SELECT w.file, w.line, w.col, w.field, w.message FROM import_warnings w JOIN imports im ON im.id = w.import_id WHERE im.dataset_id = ?`,
      )
      .all(idOf('sp500')) as { file: string; line: number; col: number; field: string; message: string }[]
    const empty = warnings.filter((w) => /^empty/.test(w.message))
    const bracket = warnings.filter((w) => /bracket/.test(w.message))
    expect(new Set(empty.map((w) => w.line)).size).toBe(11)
    expect(new Set(bracket.map((w) => w.line)).size).toBe(12)
    expect(warnings.length).toBe(empty.length + bracket.length)
    // Every warned line really has the defect (line numbers are 1-based, header = line 1).
    for (const w of empty) expect(lines[w.line - 1].split(',')[w.col - 1]).toBe('')
    for (const w of bracket) {
      const [, o, h, l, c] = lines[w.line - 1].split(',').map(Number)
      expect(h < Math.max(o, c, l) || l > Math.min(o, c, h)).toBe(true)
    }
    // Known rows: BHF 2017-07-26 has empty open/high/low at line 82,951; AOS 2014-05-19 is bad at 53,004.
    expect(lines[82_950]).toBe('2017-07-26,,,,69.0842,3,BHF')
    expect(empty.filter((w) => w.line === 82_951).map((w) => w.field)).toEqual(['open', 'high', 'low'])
    expect(empty[0].file).toBe(STOCKS)
    expect(lines[53_003]).toMatch(/^2014-05-19,.*,AOS$/)
    expect(bracket.find((w) => w.line === 53_004)).toMatchObject({ field: 'high', col: 3 })

    const m = marketQueries(db)
    const bhf = m.listInstruments({ datasetId: idOf('sp500'), search: 'BHF', limit: 1 }).items[0]
    const bars = m.getBars({ instrumentId: bhf.id, from: day('2017-07-26'), to: day('2017-07-26') })
    expect(bars).toMatchObject({ time: [day('2017-07-26')], open: [null], high: [null], low: [null], close: [69.0842], volume: [3] })
  })

  it('gives stocks their GICS sector, sub-industry and name', () => {
    const m = marketQueries(db)
    const aapl = m.listInstruments({ datasetId: idOf('sp500'), search: 'AAPL', limit: 1 }).items[0]
    expect(aapl).toMatchObject({ symbol: 'AAPL', name: 'Apple Inc.', sector: 'Information Technology', industry: null, barCount: 1259 })
    expect(aapl.subindustry).toBeTruthy()
    expect(count('SELECT COUNT(*) FROM instruments WHERE dataset_id = ? AND sector IS NOT NULL', idOf('sp500'))).toBe(505)
    expect(count('SELECT COUNT(*) FROM instruments WHERE dataset_id = ? AND subindustry IS NOT NULL', idOf('sp500'))).toBe(400)
    const sectors = m.listSectors(idOf('sp500'))
    expect(sectors).toHaveLength(11)
    expect(sectors.reduce((s, x) => s + x.count, 0)).toBe(505)
    expect(sectors.find((s) => s.sector === 'Telecommunication Services')?.count).toBe(3)
    expect(sectors.map((s) => s.sector)).toEqual([...sectors.map((s) => s.sector)].sort())
  })

  it('names VX contracts by month code with root and expiry, and reads the settle quirk', () => {
    const m = marketQueries(db)
    const vx = m.listInstruments({ datasetId: idOf('vx'), limit: 500 })
    expect(vx.total).toBe(158)
    expect(vx.items[0]).toMatchObject({ symbol: 'VXF13', root: 'VX', expiry: '2013-01-16', name: 'VIX futures Jan 2013' })
    expect(vx.items.at(-1)).toMatchObject({ symbol: 'VXG26', expiry: '2026-02-18' })
    const expiries = vx.items.map((i) => i.expiry!)
    expect(expiries).toEqual([...expiries].sort())
    expect(count('SELECT COUNT(*) FROM instruments WHERE dataset_id = ? AND contract_month = substr(expiry, 1, 7)', idOf('vx'))).toBe(158)

    // From the file: 2013-01-02, expiry 2013-01-16: settle 0 → close 15.6 is the price.
    const f13 = vx.items[0]
    const b = m.getBars({ instrumentId: f13.id, from: day('2013-01-02'), to: day('2013-01-02') })
    expect(b.close).toEqual([15.6])
    // 2013-01-16 row of that contract: open/close/settle 0 = no trade → null.
    const last = m.getBars({ instrumentId: f13.id, from: day('2013-01-16'), to: day('2013-01-16') })
    expect(last).toMatchObject({ open: [null], close: [null], high: [14.25], low: [14.4], volume: [0] })
    // A later row with both: close 17.4 vs settle 17.4 / 2014-12-10 expiry 2015-01-21: close 17.7, settle 17.75 → 17.75.
    const f15 = vx.items.find((i) => i.symbol === 'VXF15')!
    expect(m.getBars({ instrumentId: f15.id, from: day('2014-12-10'), to: day('2014-12-10') }).close).toEqual([17.75])
    // The raw trade close stays in the bars table.
    expect(db.prepare('SELECT close, settle FROM bars WHERE instrument_id = ? AND ts = ?').get(f15.id, day('2014-12-10'))).toEqual({
      close: 17.7,
      settle: 17.75,
    })
    // No settle of 0 is stored.
    expect(
      count('SELECT COUNT(*) FROM bars b JOIN instruments i ON i.id = b.instrument_id WHERE i.dataset_id = ? AND b.settle = 0', idOf('vx')),
    ).toBe(0)
  })

  it('stores CL/NG contracts with expiry and contract month from the expiries file; close = settle', () => {
    const m = marketQueries(db)
    const cl = m.listInstruments({ datasetId: idOf('cl_ng'), root: 'CL', limit: 500 })
    const ng = m.listInstruments({ datasetId: idOf('cl_ng'), root: 'NG', limit: 500 })
    expect(cl.total + ng.total).toBe(203)
    expect(cl.items[0]).toMatchObject({ symbol: 'CLK16', root: 'CL', expiry: '2016-04-20', name: 'WTI crude oil May 2016' })
    expect(db.prepare('SELECT contract_month FROM instruments WHERE id = ?').pluck().get(cl.items[0].id)).toBe('2016-05')
    const expiries = cl.items.map((i) => i.expiry!)
    expect(expiries).toEqual([...expiries].sort())
    // Every contract with bars matches the expiries file.
    const exp = new Map(
      fileLines('futures/cl_ng_contract_expiries.csv')
        .slice(1)
        .map((l) => l.split(','))
        .map(([, contract, month, ltd]) => [contract, { month, ltd }]),
    )
    const rows = db.prepare('SELECT symbol, expiry, contract_month AS month FROM instruments WHERE dataset_id = ?').all(idOf('cl_ng')) as {
      symbol: string
      expiry: string
      month: string
    }[]
    for (const r of rows)
      expect({ expiry: r.expiry, month: r.month }).toEqual({ expiry: exp.get(r.symbol)!.ltd, month: exp.get(r.symbol)!.month })
    // The negative settlement of 2020-04-20 is kept.
    const clk20 = cl.items.find((i) => i.symbol === 'CLK20')!
    const b = m.getBars({ instrumentId: clk20.id, from: day('2020-04-20'), to: day('2020-04-20') })
    expect(b).toMatchObject({ close: [-37.63], open: [null], high: [null], low: [null] })
    expect(db.prepare('SELECT close, settle FROM bars WHERE instrument_id = ? AND ts = ?').get(clk20.id, day('2020-04-20'))).toEqual({
      close: -37.63,
      settle: -37.63,
    })
  })

  it('reads the intraday file with its column order and wall-clock times', () => {
    const m = marketQueries(db)
    const [spx] = m.listInstruments({ datasetId: idOf('spx_1min') }).items
    expect(spx).toMatchObject({ symbol: 'SPX', name: 'S&P 500 index', barCount: 1563 })
    const b = m.getBars({ instrumentId: spx.id })
    // 11/5/2019 9:30,3080.8,3080.49,3081.47,3080.3,0  (Date,Open,Close,High,Low,Volume)
    expect(b.time[0]).toBe(Date.UTC(2019, 10, 5, 9, 30) / 1000)
    expect([b.open[0], b.high[0], b.low[0], b.close[0], b.volume[0]]).toEqual([3080.8, 3081.47, 3080.3, 3080.49, 0])
    expect(b.time.at(-1)).toBe(Date.UTC(2019, 10, 8, 15, 59) / 1000)
  })

  it('says the sample is there and does not import it twice', async () => {
    expect(sampleImported(db)).toBe(true)
    const before = count('SELECT COUNT(*) FROM bars')
    const again = await importSampleData(db, resourcesData)
    expect(again.datasets).toEqual([])
    expect(again.skipped.sort()).toEqual(['cl_ng', 'sp500', 'spx_1min', 'vx'])
    expect(count('SELECT COUNT(*) FROM bars')).toBe(before)
  })

  it('fails clearly when the data folder is wrong', async () => {
    const other = tempDb()
    try {
      expect(sampleImported(other.db)).toBe(false)
      await expect(importSampleData(other.db, join(resourcesData, 'nope'))).rejects.toMatchObject({ code: 'IMPORT_FAILED' })
      await expect(importSampleData(other.db, join(resourcesData, 'nope'))).rejects.toBeInstanceOf(AppError)
      expect(other.db.prepare('SELECT COUNT(*) FROM datasets').pluck().get()).toBe(0)
    } finally {
      other.cleanup()
    }
  })
})

describe('market queries', () => {
  it('lists datasets with counts and spans from instrument_stats', () => {
    const ds = marketQueries(db).listDatasets()
    expect(ds.map((d) => [d.key, d.instrumentCount, d.barCount])).toEqual([
      ['sp500', 505, 619_040],
      ['vx', 158, 28_051],
      ['cl_ng', 203, 97_992],
      ['spx_1min', 1, 1_563],
    ])
    expect(ds[0]).toMatchObject({ from: day('2013-02-08'), to: day('2018-02-07'), kind: 'stocks' })
  })

  it('lists all 867 instruments with stats, and the 505 of one dataset', () => {
    const m = marketQueries(db)
    expect(m.listInstruments({ limit: 5000 }).items).toHaveLength(867)
    expect(m.listInstruments({ datasetId: idOf('sp500'), limit: 5000 }).items).toHaveLength(505)
  })

  it('searches symbol prefixes first, then name substrings, case-insensitively', () => {
    const m = marketQueries(db)
    const r = m.listInstruments({ datasetId: idOf('sp500'), search: 'ap', limit: 100 })
    const symbols = r.items.map((i) => i.symbol)
    // Symbol-prefix hits first (alphabetical), then name hits such as Apple (AAPL).
    const firstNameHit = symbols.findIndex((s) => !s.startsWith('AP'))
    expect(firstNameHit).toBeGreaterThan(2)
    expect(symbols.slice(0, firstNameHit)).toEqual([...symbols.slice(0, firstNameHit)].sort())
    expect(symbols.slice(firstNameHit).every((s) => !s.startsWith('AP'))).toBe(true)
    expect(r.items.slice(firstNameHit).every((i) => /ap/i.test(i.name ?? ''))).toBe(true)
    expect(symbols.slice(firstNameHit)).toContain('AAPL')
    expect(r.total).toBe(r.items.length)
    // Name search
    expect(m.listInstruments({ search: 'APPLE', limit: 5 }).items.map((i) => i.symbol)).toContain('AAPL')
    expect(m.listInstruments({ search: 'crude', root: 'CL', limit: 1 }).total).toBe(101)
    // LIKE wildcards are literal
    expect(m.listInstruments({ search: '%', limit: 5 }).total).toBe(0)
    expect(m.listInstruments({ search: '_', limit: 5 }).total).toBe(0)
  })

  it('filters by sector and root, pages with limit/offset and a total', () => {
    const m = marketQueries(db)
    const energy = m.listInstruments({ datasetId: idOf('sp500'), sector: 'Energy', limit: 10 })
    expect(energy.total).toBe(32)
    expect(energy.items).toHaveLength(10)
    expect(energy.items.every((i) => i.sector === 'Energy')).toBe(true)
    const page2 = m.listInstruments({ datasetId: idOf('sp500'), sector: 'Energy', limit: 10, offset: 10 })
    expect(page2.items[0].symbol > energy.items[9].symbol).toBe(true)
    const all = m.listInstruments({ datasetId: idOf('cl_ng'), limit: 500 }).items
    // Futures: by root, then expiry
    const keys = all.map((i) => `${i.root} ${i.expiry}`)
    expect(keys).toEqual([...keys].sort())
    expect(all[0].root).toBe('CL')
    expect(all.at(-1)!.root).toBe('NG')
  })

  it('gets an instrument or NOT_FOUND', () => {
    const m = marketQueries(db)
    const first = m.listInstruments({ limit: 1 }).items[0]
    expect(m.getInstrument(first.id)).toEqual(first)
    expect(() => m.getInstrument(999_999)).toThrowError(AppError)
    try {
      m.getInstrument(999_999)
    } catch (e) {
      expect((e as AppError).code).toBe('NOT_FOUND')
    }
    expect(() => m.getBars({ instrumentId: 999_999 })).toThrowError(/no instrument/)
  })

  it('returns bars as equal-length columns in time order, within from/to', () => {
    const m = marketQueries(db)
    const aapl = m.listInstruments({ search: 'AAPL', datasetId: idOf('sp500'), limit: 1 }).items[0]
    const all = m.getBars({ instrumentId: aapl.id })
    expect(Object.keys(all).sort()).toEqual(['close', 'high', 'instrumentId', 'low', 'open', 'time', 'volume'])
    expect(all.time).toHaveLength(1259)
    for (const k of ['open', 'high', 'low', 'close', 'volume'] as const) expect(all[k]).toHaveLength(1259)
    for (let i = 1; i < all.time.length; i++) expect(all.time[i]).toBeGreaterThan(all.time[i - 1])
    expect(all.time[0]).toBe(day('2013-02-08'))
    const lines = fileLines(STOCKS).filter((l) => l.endsWith(',AAPL'))
    const [d, o, h, l, c, v] = lines[0].split(',')
    expect([all.time[0], all.open[0], all.high[0], all.low[0], all.close[0], all.volume[0]]).toEqual([day(d), +o, +h, +l, +c, +v])
    const slice = m.getBars({ instrumentId: aapl.id, from: day('2017-01-01'), to: day('2017-01-31') })
    expect(slice.time).toHaveLength(20)
    expect(slice.time[0]).toBe(day('2017-01-03'))
    expect(m.getBars({ instrumentId: aapl.id, from: day('2030-01-01') }).time).toEqual([])
  })
})
