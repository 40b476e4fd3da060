import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError, type CsvIssue } from '../../electron/contract'
import type { Db } from '../../electron/db/open'
import { marketQueries, importCsv, previewCsv, type ImportProgress } from '../../electron/services/market'
import { detectDelimiter, detectMapping } from '../../electron/services/market/csv/detect'
import { INVALID, parseNumberCell } from '../../electron/services/market/csv/numbers'
import { detectDateFormat, parseDate, parseTimeOfDay } from '../../electron/services/market/csv/parse-dates'
import { contractCode, parseContractCode, rootFromSymbol } from '../../electron/services/market/futures-codes'
import { fixtures, snapshot, tempDb } from './fixtures/market-helpers'

let t: ReturnType<typeof tempDb>
let db: Db
beforeEach(() => {
  t = tempDb('alphadesk-csv-')
  db = t.db
})
afterEach(() => t.cleanup())

const text = (name: string, body: string) => ({ name, text: body })
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 1000

/** Runs an import expected to fail with CSV_INVALID; checks nothing was written; returns the error. */
async function expectCsvInvalid(run: () => Promise<unknown>): Promise<{ err: AppError; issues: CsvIssue[] }> {
  const before = snapshot(db)
  const err = await run().then(
    () => {
      throw new Error('expected the import to fail')
    },
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(AppError)
  expect((err as AppError).code).toBe('CSV_INVALID')
  expect(snapshot(db)).toEqual(before)
  return { err: err as AppError, issues: ((err as AppError).details as { issues: CsvIssue[] }).issues }
}

describe('CSV parsing helpers', () => {
  it('reads numbers strictly; a few spellings of missing are empty', () => {
    const cases: [string, number | null | typeof INVALID][] = [
      ['1.5', 1.5],
      ['-37.63', -37.63],
      ['1e5', 1e5],
      [' 2 ', 2],
      ['.5', 0.5],
      ['+3', 3],
      ['', null],
      ['NA', null],
      ['n/a', null],
      ['NaN', null],
      ['0x1A', INVALID],
      ['0b1', INVALID],
      ['Infinity', INVALID],
      ['1e400', INVALID],
      ['1,5', INVALID],
      ['1-2', INVALID],
      ['abc', INVALID],
    ]
    for (const [raw, want] of cases) expect([raw, parseNumberCell(raw)]).toEqual([raw, want])
  })

  it('parses each date format to wall-clock unix seconds and rejects impossible dates', () => {
    const d = (y: number, m: number, dd: number, h = 0, mi = 0) => Date.UTC(y, m - 1, dd, h, mi) / 1000
    expect(parseDate('2024-02-29', 'YYYY-MM-DD')).toBe(d(2024, 2, 29))
    expect(parseDate('2023-02-29', 'YYYY-MM-DD')).toBeNull()
    expect(parseDate('2024-01-02T09:30:00Z', 'YYYY-MM-DD')).toBe(d(2024, 1, 2, 9, 30))
    expect(parseDate('2024-01-02 09:30-05:00', 'YYYY-MM-DD')).toBe(d(2024, 1, 2, 9, 30))
    expect(parseDate('20240102', 'YYYYMMDD')).toBe(d(2024, 1, 2))
    expect(parseDate('1/2/2024', 'MM/DD/YYYY')).toBe(d(2024, 1, 2))
    expect(parseDate('1/2/2024', 'DD/MM/YYYY')).toBe(d(2024, 2, 1))
    expect(parseDate('11/5/2019 9:30', 'M/D/YYYY H:MM')).toBe(d(2019, 11, 5, 9, 30))
    expect(parseDate('11/5/2019 1:05 PM', 'M/D/YYYY H:MM')).toBe(d(2019, 11, 5, 13, 5))
    expect(parseDate('1704205800', 'unix')).toBe(1704205800)
    expect(parseDate('1704205800000', 'unix')).toBe(1704205800)
    expect(parseDate('13/13/2024', 'DD/MM/YYYY')).toBeNull()
    expect(parseTimeOfDay('09:30')).toBe(9.5 * 3600)
    expect(parseTimeOfDay('093000')).toBe(9.5 * 3600)
    expect(parseTimeOfDay('25:00')).toBeNull()
  })

  it('detects date formats, day/month order and ambiguity', () => {
    expect(detectDateFormat(['2024-01-02', '2024-01-03'])).toMatchObject({ format: 'YYYY-MM-DD' })
    expect(detectDateFormat(['20240102'])).toMatchObject({ format: 'YYYYMMDD' })
    expect(detectDateFormat(['1704205800'])).toMatchObject({ format: 'unix' })
    expect(detectDateFormat(['01/02/2024', '01/13/2024'])).toMatchObject({ format: 'MM/DD/YYYY', ambiguous: false })
    expect(detectDateFormat(['01/02/2024', '13/01/2024'])).toMatchObject({ format: 'DD/MM/YYYY', ambiguous: false })
    expect(detectDateFormat(['01/02/2024', '02/03/2024'])).toMatchObject({ format: 'MM/DD/YYYY', ambiguous: true })
    expect(detectDateFormat(['11/5/2019 9:30'])).toMatchObject({ format: 'M/D/YYYY H:MM', ambiguous: true })
    expect(detectDateFormat(['2024-01-02', 'nope', '2024-01-04'])).toMatchObject({ format: 'YYYY-MM-DD' })
    expect(detectDateFormat(['nope'])).toMatchObject({ format: null, badValue: 'nope' })
    expect(detectDateFormat(['13/01/2024', '01/13/2024'])).toMatchObject({ format: null })
  })

  it('detects delimiters and maps header synonyms', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',')
    expect(detectDelimiter('a;b;c\n1,5;2,5;3\n')).toBe(';')
    expect(detectDelimiter('a\tb\n1\t2\n')).toBe('\t')
    expect(detectDelimiter('"a,x"|b\n"1,2"|2\n')).toBe('|')
    expect(detectMapping(['Trade_Date', 'Contract', 'Settlement', 'OI', 'Expiration', 'Total Volume'])).toEqual({
      date: 0,
      symbol: 1,
      settle: 2,
      openInterest: 3,
      expiry: 4,
      volume: 5,
    })
    expect(detectMapping(['date', 'symbol', 'name', 'adj close'])).toEqual({ date: 0, symbol: 1, close: 3 })
    expect(detectMapping(['Date', 'Open', 'Close', 'High', 'Low', 'Volume'])).toEqual({
      date: 0,
      open: 1,
      close: 2,
      high: 3,
      low: 4,
      volume: 5,
    })
  })

  it('reads and writes futures contract codes', () => {
    expect(contractCode('VX', 2013, 1)).toBe('VXF13')
    expect(parseContractCode('CLK16')).toEqual({ root: 'CL', year: 2016, month: 5, contractMonth: '2016-05' })
    expect(parseContractCode('ESZ2024')).toMatchObject({ root: 'ES', contractMonth: '2024-12' })
    expect(parseContractCode('6EH25')).toMatchObject({ root: '6E', contractMonth: '2025-03' })
    expect(rootFromSymbol('NGZ27')).toBe('NG')
    expect(rootFromSymbol('VX 2013-01-16')).toBe('VX')
    expect(rootFromSymbol('123')).toBeNull()
  })

  it('detects from a one-row file without a final newline', async () => {
    const p = await previewCsv({ sources: [text('AAA.csv', 'date,close\n13/01/2024,1')], kind: 'ohlcv' })
    expect(p).toMatchObject({ dateFormat: 'DD/MM/YYYY', rowCount: 1, errors: [] })
  })

  it('handles CRLF line ends and a byte-order mark', async () => {
    const p = await previewCsv({
      sources: [text('crlf.csv', '\ufeffDate,Symbol,Close\r\n2024-01-02,A,1\r\n2024-01-03,A,2\r\n')],
      kind: 'ohlcv',
    })
    expect(p).toMatchObject({ header: ['Date', 'Symbol', 'Close'], rowCount: 2, errors: [], mapping: { date: 0, symbol: 1, close: 2 } })
  })
})

describe('CSV preview', () => {
  it('detects mapping, delimiter and date format of a long file without writing', async () => {
    const before = snapshot(db)
    const p = await previewCsv({ sources: [{ path: join(fixtures, 'long_prices.csv') }], kind: 'ohlcv' })
    expect(snapshot(db)).toEqual(before)
    expect(p.header).toEqual(['Date', 'Ticker', 'Open', 'High', 'Low', 'Close', 'Adj Close', 'Volume'])
    // Close wins over Adj Close; Ticker is the symbol.
    expect(p.mapping).toEqual({ date: 0, symbol: 1, open: 2, high: 3, low: 4, close: 5, volume: 7 })
    expect(p.delimiter).toBe(',')
    expect(p.dateFormat).toBe('YYYY-MM-DD')
    expect(p.rowCount).toBe(12)
    expect(p.symbols).toBe(3)
    expect(p.files).toEqual([{ name: 'long_prices.csv', rows: 12 }])
    expect(p.sample[0]).toEqual(['2024-01-02', 'AAA', '10', '11', '9.5', '10.5', '10.4', '1000'])
    expect(p.sample).toHaveLength(12)
    expect(p.errors).toEqual([])
    expect(p.warnings).toEqual([
      { file: 'long_prices.csv', line: 4, column: 3, field: 'Open', message: 'empty open: stored as missing' },
      expect.objectContaining({ file: 'long_prices.csv', line: 5, column: 4, field: 'High', message: expect.stringMatching(/bracket/) }),
    ])
  })

  it('detects semicolons, day-first dates and per-file symbols in a folder', async () => {
    const p = await previewCsv({ sources: [{ path: join(fixtures, 'per_symbol') }], kind: 'ohlcv' })
    expect(p.delimiter).toBe(';')
    expect(p.dateFormat).toBe('DD/MM/YYYY')
    expect(p.files.map((f) => f.name)).toEqual(['CVX.csv', 'XOM.csv']) // README.md ignored
    expect(p.symbols).toBe(2)
    expect(p.rowCount).toBe(7)
    expect(p.mapping).toEqual({ date: 0, open: 1, high: 2, low: 3, close: 4, volume: 5 })
    expect(p.warnings.map((w) => w.message).join('\n')).toMatch(/symbol from the file name/)
  })

  it('says when month/day order is ambiguous and reads month-first', async () => {
    const body = 'date,symbol,close\n01/02/2024,A,1\n01/03/2024,A,2\n02/03/2024,A,3\n'
    const p = await previewCsv({ sources: [text('amb.csv', body)], kind: 'ohlcv' })
    expect(p.dateFormat).toBe('MM/DD/YYYY')
    expect(p.warnings.find((w) => /month-first/.test(w.message))).toBeTruthy()
    expect(p.errors).toEqual([])
  })

  it('detects tabs, YYYYMMDD, unix times and header synonyms', async () => {
    const tab = await previewCsv({
      sources: [text('t.tsv', 'TICKER\tTRADE_DATE\tLAST\tVOL\nX\t20240102\t1.5\t10\nX\t20240103\t1.6\t11\n')],
      kind: 'ohlcv',
    })
    expect(tab).toMatchObject({ delimiter: '\t', dateFormat: 'YYYYMMDD', mapping: { symbol: 0, date: 1, close: 2, volume: 3 }, errors: [] })
    const unix = await previewCsv({ sources: [text('u.csv', 'timestamp|sym|c\n1704205800|X|1\n1704205860|X|2\n')], kind: 'ohlcv' })
    expect(unix).toMatchObject({ delimiter: '|', dateFormat: 'unix', mapping: { date: 0, symbol: 1, close: 2 }, errors: [] })
  })

  it('returns errors in the preview instead of throwing', async () => {
    const p = await previewCsv({ sources: [text('bad.csv', 'date,symbol,close\n2024-01-02,A,x\n')], kind: 'ohlcv' })
    expect(p.errors).toEqual([{ file: 'bad.csv', line: 2, column: 3, field: 'close', message: "not a number: 'x'" }])
  })
})

describe('CSV import', () => {
  it('imports a long file as a new dataset with instruments, bars, stats and warnings', async () => {
    const progress: ImportProgress[] = []
    const r = await importCsv(
      db,
      { sources: [{ path: join(fixtures, 'long_prices.csv') }], kind: 'ohlcv', datasetName: 'My prices' },
      (p) => progress.push(p),
    )
    expect(r).toMatchObject({ instruments: 3, rows: 12 })
    expect(r.warnings).toHaveLength(2)
    expect(r.durationMs).toBeGreaterThanOrEqual(0)
    const m = marketQueries(db)
    const [ds] = m.listDatasets()
    expect(ds).toMatchObject({ id: r.datasetId, key: 'my-prices', name: 'My prices', kind: 'stocks', instrumentCount: 3, barCount: 12 })
    expect(ds.source).toMatch(/long_prices\.csv/)
    const aaa = m.listInstruments({ datasetId: r.datasetId, search: 'AAA' }).items[0]
    expect(aaa).toMatchObject({ symbol: 'AAA', barCount: 4, from: day('2024-01-02'), to: day('2024-01-05') })
    const b = m.getBars({ instrumentId: aaa.id })
    expect(b.open).toEqual([10, 10.5, null, 11.2])
    expect(b.close).toEqual([10.5, 11, 11.2, 11.3])
    const ccc = m.listInstruments({ datasetId: r.datasetId, search: 'CCC' }).items[0]
    expect(m.getBars({ instrumentId: ccc.id }).volume).toEqual([100, 120, null, 90])
    // The import is recorded with its warnings.
    const imp = db.prepare('SELECT * FROM imports').get() as { dataset_id: number; files: string; rows: number }
    expect(imp).toMatchObject({ dataset_id: r.datasetId, rows: 12 })
    expect(JSON.parse(imp.files)).toEqual(['long_prices.csv'])
    expect(db.prepare('SELECT line, col, field FROM import_warnings ORDER BY line').all()).toEqual([
      { line: 4, col: 3, field: 'Open' },
      { line: 5, col: 4, field: 'High' },
    ])
    expect(progress.at(-1)).toMatchObject({ phase: 'writing', done: 12, total: 12 })
  })

  it('imports a folder of per-symbol files (symbol from the file name)', async () => {
    const r = await importCsv(db, { sources: [{ path: join(fixtures, 'per_symbol') }], kind: 'ohlcv', datasetName: 'Oil majors' })
    expect(r).toMatchObject({ instruments: 2, rows: 7 })
    const m = marketQueries(db)
    const items = m.listInstruments({ datasetId: r.datasetId }).items
    expect(items.map((i) => i.symbol)).toEqual(['CVX', 'XOM'])
    const xom = m.getBars({ instrumentId: items[1].id })
    expect(xom.time).toEqual([day('2024-01-10'), day('2024-01-11'), day('2024-01-12'), day('2024-01-15')])
    expect(xom.close).toEqual([100.5, 101.5, 102.5, 103.5])
  })

  it('imports a futures file: root from the contract code, expiry, contract month, settle as close', async () => {
    const r = await importCsv(db, { sources: [{ path: join(fixtures, 'futures_es.csv') }], kind: 'futures', datasetName: 'ES' })
    expect(r).toMatchObject({ instruments: 3, rows: 6, warnings: [] })
    const m = marketQueries(db)
    expect(m.listDatasets()[0].kind).toBe('futures')
    const items = m.listInstruments({ datasetId: r.datasetId, root: 'ES' }).items
    expect(items.map((i) => [i.symbol, i.root, i.expiry])).toEqual([
      ['ESH24', 'ES', '2024-03-15'],
      ['ESM24', 'ES', '2024-06-21'],
      ['ESU24', 'ES', '2024-09-20'],
    ])
    expect(db.prepare('SELECT contract_month FROM instruments WHERE id = ?').pluck().get(items[0].id)).toBe('2024-03')
    expect(m.getBars({ instrumentId: items[0].id }).close).toEqual([4750.25, 4720.5])
    expect(db.prepare('SELECT settle, open_interest, volume FROM bars WHERE instrument_id = ? ORDER BY ts').all(items[0].id)).toEqual([
      { settle: 4750.25, open_interest: 2_000_000, volume: 1_500_000 },
      { settle: 4720.5, open_interest: 2_010_000, volume: 1_600_000 },
    ])
  })

  it('futures without a contract column name each contract from root and expiry', async () => {
    const body = 'date,root,expiry,close\n2024-01-02,VX,2024-01-17,13.5\n2024-01-02,VX,2024-02-14,14.5\n2024-01-03,VX,2024-01-17,13.7\n'
    const r = await importCsv(db, { sources: [text('vx.csv', body)], kind: 'futures', datasetName: 'vx mine' })
    const items = marketQueries(db).listInstruments({ datasetId: r.datasetId }).items
    expect(items.map((i) => i.symbol)).toEqual(['VX 2024-01-17', 'VX 2024-02-14'])
    expect(items[0].barCount).toBe(2)
  })

  it('takes an explicit mapping, delimiter and date format; intraday times make an intraday dataset', async () => {
    const body = 'when;what;px\n05/11/2019 9:30;SPX;3080.49\n05/11/2019 9:31;SPX;3079.36\n'
    const r = await importCsv(db, {
      sources: [text('day-first.csv', body)],
      kind: 'ohlcv',
      mapping: { date: 0, symbol: 1, close: 2 },
      delimiter: ';',
      dateFormat: 'DD/MM/YYYY',
      datasetName: 'SPX minutes',
    })
    const m = marketQueries(db)
    expect(m.listDatasets()[0].kind).toBe('intraday')
    const [spx] = m.listInstruments({ datasetId: r.datasetId }).items
    expect(m.getBars({ instrumentId: spx.id }).time).toEqual([Date.UTC(2019, 10, 5, 9, 30) / 1000, Date.UTC(2019, 10, 5, 9, 31) / 1000])
  })

  it('combines a separate time column with the date; sorts unsorted rows', async () => {
    const body = 'date,time,symbol,close\n2024-01-02,10:00,B,2\n2024-01-02,09:30,A,1\n2024-01-02,09:31,A,1.1\n2024-01-02,09:30,B,1.9\n'
    const r = await importCsv(db, { sources: [text('tc.csv', body)], kind: 'ohlcv', datasetName: 'tc' })
    const m = marketQueries(db)
    const [b] = m.listInstruments({ datasetId: r.datasetId, search: 'B' }).items
    expect(m.getBars({ instrumentId: b.id })).toMatchObject({
      time: [day('2024-01-02') + 9.5 * 3600, day('2024-01-02') + 10 * 3600],
      close: [1.9, 2],
    })
  })

  it('gives each import a new dataset with a unique key; a clashing name is a VALIDATION error', async () => {
    const src = { sources: [text('a.csv', 'date,symbol,close\n2024-01-02,A,1\n')], kind: 'ohlcv' as const }
    const a = await importCsv(db, { ...src, datasetName: 'VX' })
    const b = await importCsv(db, { ...src, datasetName: 'vx!' })
    const keys = marketQueries(db)
      .listDatasets()
      .map((d) => d.key)
    expect(keys).toEqual(['vx-2', 'vx-3']) // 'vx' is kept for the sample data
    expect(a.datasetId).not.toBe(b.datasetId)
    const before = snapshot(db)
    await expect(importCsv(db, { ...src, datasetName: 'vx' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/already exists/),
    })
    expect(snapshot(db)).toEqual(before)
  })

  it('warns about non-positive stock prices but imports them', async () => {
    const r = await importCsv(db, {
      sources: [text('z.csv', 'date,symbol,close\n2024-01-02,A,0\n2024-01-03,A,-1\n')],
      kind: 'ohlcv',
      datasetName: 'z',
    })
    expect(r.rows).toBe(2)
    expect(r.warnings.map((w) => [w.line, w.message])).toEqual([
      [2, 'non-positive close: 0'],
      [3, 'non-positive close: -1'],
    ])
  })
})

describe('CSV import errors: nothing written, each names file, line and field', () => {
  const header = 'date,symbol,open,high,low,close,volume\n'
  const good = '2024-01-02,A,1,2,0.5,1.5,100\n'
  const run =
    (name: string, body: string, kind: 'ohlcv' | 'futures' = 'ohlcv') =>
    () =>
      importCsv(db, { sources: [text(name, body)], kind, datasetName: 'x' })

  it('unparseable date', async () => {
    const { err, issues } = await expectCsvInvalid(run('bad-date.csv', header + good + '2024-13-45,A,1,2,0.5,1.5,100\n'))
    expect(err.message).toMatch(/^bad-date\.csv: line 3, column 1 \(date\): not a date/)
    expect(issues[0]).toMatchObject({ file: 'bad-date.csv', line: 3, column: 1, field: 'date' })
  })

  it('non-numeric price', async () => {
    const { err, issues } = await expectCsvInvalid(run('bad-number.csv', header + good + '2024-01-03,A,1,2,0.5,1.5x,100\n'))
    expect(err.message).toBe("bad-number.csv: line 3, column 6 (close): not a number: '1.5x'")
    expect(issues).toEqual([{ file: 'bad-number.csv', line: 3, column: 6, field: 'close', message: "not a number: '1.5x'" }])
  })

  it('negative volume', async () => {
    const { issues } = await expectCsvInvalid(run('neg.csv', header + good + '2024-01-03,A,1,2,0.5,1.5,-5\n'))
    expect(issues[0]).toMatchObject({ file: 'neg.csv', line: 3, column: 7, field: 'volume', message: 'negative volume: -5' })
  })

  it('missing required column', async () => {
    const { err, issues } = await expectCsvInvalid(run('no-close.csv', 'date,symbol,open\n2024-01-02,A,1\n'))
    expect(err.message).toMatch(/^no-close\.csv: line 1, \(close\): missing column/)
    expect(issues[0]).toMatchObject({ file: 'no-close.csv', line: 1, field: 'close' })
    const fut = await expectCsvInvalid(run('fut.csv', 'date,contract,settle\n2024-01-02,ESH24,1\n', 'futures'))
    expect(fut.issues[0]).toMatchObject({ file: 'fut.csv', line: 1, field: 'expiry' })
  })

  it('ragged row', async () => {
    const { err, issues } = await expectCsvInvalid(
      run('ragged.csv', header + good + '2024-01-03,A,1,2,0.5\n' + '2024-01-04,A,1,2,0.5,1.5,100\n'),
    )
    expect(err.message).toBe('ragged.csv: line 3: expected 7 fields (as in the header), found 5')
    expect(issues).toHaveLength(1)
  })

  it('duplicate (symbol, date) row, also across files', async () => {
    const { err, issues } = await expectCsvInvalid(run('dup.csv', header + good + '2024-01-03,A,1,2,0.5,1.5,100\n' + good))
    expect(err.message).toBe('dup.csv: line 4: duplicate row for A at 2024-01-02: first seen at line 2')
    expect(issues[0]).toMatchObject({ file: 'dup.csv', line: 4 })
    const across = await expectCsvInvalid(() =>
      importCsv(db, {
        sources: [text('A.csv', 'date,close\n2024-01-02,1\n'), text('a2/A.csv', 'date,close\n2024-01-02,1\n')],
        kind: 'ohlcv',
        datasetName: 'x',
      }),
    )
    expect(across.issues[0].message).toBe('duplicate row for A at 2024-01-02: first seen at A.csv line 2')
  })

  it('empty file and header-only file', async () => {
    const { err } = await expectCsvInvalid(run('empty.csv', ''))
    expect(err.message).toBe('empty.csv: line 1: the file is empty')
    const { issues } = await expectCsvInvalid(run('header-only.csv', header))
    expect(issues[0]).toMatchObject({ file: 'header-only.csv', line: 2, message: 'the file has a header but no data rows' })
  })

  it('reports every problem at once (capped), with the count in the message', async () => {
    const body = header + good + '2024-01-03,A,x,2,0.5,1.5,100\n2024-01-04,A,1,2,0.5,1.5\nnope,A,1,2,0.5,1.5,100\n'
    const { err, issues } = await expectCsvInvalid(run('many.csv', body))
    expect(issues.map((i) => i.line)).toEqual([3, 4, 5])
    expect(err.message).toMatch(/\(and 2 more problems\)$/)
  })

  it('line numbers count quoted multi-line fields and blank lines', async () => {
    const body = 'date,symbol,close,note\n2024-01-02,A,1,"two\nlines"\n\n2024-01-03,A,oops,x\n'
    const { issues } = await expectCsvInvalid(run('multi.csv', body))
    expect(issues).toEqual([{ file: 'multi.csv', line: 5, column: 3, field: 'close', message: "not a number: 'oops'" }])
  })

  it('bad day/month for a detected format names the value', async () => {
    const body = 'date,symbol,close\n01/02/2024,A,1\n' + '31/02/2024,A,2\n'
    const { issues } = await expectCsvInvalid(run('dm.csv', body))
    expect(issues[0]).toMatchObject({ file: 'dm.csv', column: 1, field: 'date' })
  })

  it('dates mixing day-first and month-first order', async () => {
    const body = 'date,symbol,close\n13/01/2024,A,1\n01/14/2024,A,2\n'
    const { err, issues } = await expectCsvInvalid(run('mixed.csv', body))
    expect(err.message).toMatch(/^mixed\.csv: line 2, column 1 \(date\): dates mix day-first and month-first order/)
    expect(issues).toHaveLength(1)
  })

  it('a path that does not exist is NOT_FOUND', async () => {
    await expect(
      importCsv(db, { sources: [{ path: join(fixtures, 'missing.csv') }], kind: 'ohlcv', datasetName: 'x' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('CSV import cancel', () => {
  const big = () => {
    const lines = ['date,symbol,close']
    const start = day('2000-01-03')
    for (let s = 0; s < 40; s++)
      for (let d = 0; d < 5000; d++) lines.push(`${new Date((start + d * 86400) * 1000).toISOString().slice(0, 10)},S${s},${100 + d / 100}`)
    return lines.join('\n') + '\n'
  }

  it('an abort during reading throws JOB_CANCELLED and leaves the database unchanged', async () => {
    await importCsv(db, { sources: [text('seed.csv', 'date,symbol,close\n2024-01-02,A,1\n')], kind: 'ohlcv', datasetName: 'seed' })
    const before = snapshot(db)
    const ctrl = new AbortController()
    let calls = 0
    const err = await importCsv(
      db,
      { sources: [text('big.csv', big())], kind: 'ohlcv', datasetName: 'big' },
      () => {
        if (++calls === 1) ctrl.abort()
      },
      ctrl.signal,
    ).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'JOB_CANCELLED' })
    expect(calls).toBeGreaterThanOrEqual(1)
    expect(snapshot(db)).toEqual(before)
  })

  it('an already-aborted signal writes nothing', async () => {
    const before = snapshot(db)
    await expect(
      importCsv(
        db,
        { sources: [{ path: join(fixtures, 'long_prices.csv') }], kind: 'ohlcv', datasetName: 'x' },
        undefined,
        AbortSignal.abort(),
      ),
    ).rejects.toMatchObject({ code: 'JOB_CANCELLED' })
    expect(snapshot(db)).toEqual(before)
  })

  it('reports progress at most ~10 times a second and completes a 200k-row import', async () => {
    const stamps: number[] = []
    const r = await importCsv(db, { sources: [text('big.csv', big())], kind: 'ohlcv', datasetName: 'big' }, () =>
      stamps.push(performance.now()),
    )
    expect(r).toMatchObject({ rows: 200_000, instruments: 40 })
    const forced = 1 // the final "writing" report
    const gaps = stamps.slice(1, stamps.length - forced).map((s, i) => s - stamps[i])
    expect(gaps.every((g) => g >= 95)).toBe(true)
  })
})
