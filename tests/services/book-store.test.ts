import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../electron/db/open'
import { getTrade, insertTrades, pageTrades, summarise } from '../../electron/services/book'
import { sortIndexes } from '../../electron/services/book/store'
import { setNote, setTags, undoLastEdit } from '../../electron/services/book/edits'
import { importTradeCsv } from '../../electron/services/book/import-csv'
import { parseFilterText } from '../../electron/services/book/filter-text'
import { openBookDb } from './helpers/book'
import { tempDir } from './helpers/temp'
import { makeTrades } from './helpers/trades'

const dir = tempDir('book-store')
let db: Db
const trades = makeTrades(2000)

beforeAll(() => {
  db = openBookDb(dir.path)
  insertTrades(db, trades)
})
afterAll(() => {
  db.close()
  dir.remove()
})

describe('trade store', () => {
  it('rebuilds the same sort indexes the migration made after a bulk insert', () => {
    const sqlOf = () =>
      db
        .prepare(
          `SELECT name, sql FROM sqlite_master WHERE name IN (${Object.keys(sortIndexes)
            .map((n) => `'${n}'`)
            .join(', ')}) ORDER BY name`,
        )
        .all()
    expect(sqlOf()).toEqual(
      Object.entries(sortIndexes)
        .sort()
        .map(([name, sql]) => ({ name, sql })),
    )
    const other = openBookDb(dir.path, 'bulk.sqlite')
    insertTrades(other, makeTrades(100_001, 3))
    expect(
      other
        .prepare(
          `SELECT name, sql FROM sqlite_master WHERE name IN (${Object.keys(sortIndexes)
            .map((n) => `'${n}'`)
            .join(', ')}) ORDER BY name`,
        )
        .all(),
    ).toEqual(sqlOf())
    expect(other.prepare('SELECT count(*) FROM trades').pluck().get()).toBe(100_001)
    expect(other.pragma('integrity_check', { simple: true })).toBe('ok')
    other.close()
  })

  it('pages in the same order whether SQLite walks the sort index (INDEXED BY) or sorts the matching rows', () => {
    const rows = trades.map((t, i) => ({ ...t, id: i + 1 }))
    type Row = (typeof rows)[number]
    const cases: [(r: Row) => boolean, Parameters<typeof pageTrades>[1]['filter'], 'pnlNet' | 'instrument' | 'exitTs', 'asc' | 'desc'][] = [
      [(r) => r.instrument === 'ES', { instruments: ['ES'] }, 'pnlNet', 'desc'],
      [(r) => r.pnlNet! >= 0, { pnlMin: 0 }, 'instrument', 'asc'],
      [(r) => r.pnlNet! >= 0, { pnlMin: 0 }, 'instrument', 'desc'],
      [(r) => r.exitReason === 'tp' && r.direction === 'short', { exitReasons: ['tp'], direction: 'short' }, 'exitTs', 'asc'],
    ]
    for (const [keep, filter, column, dir] of cases) {
      const sign = dir === 'asc' ? 1 : -1
      const key = (r: Row): (string | number)[] =>
        column === 'instrument' ? [r.instrument, r.entryTs!, r.id] : column === 'pnlNet' ? [r.pnlNet!, r.id] : [r.exitTs!, r.id]
      const cmp = (a: Row, b: Row) => {
        const [x, y] = [key(a), key(b)]
        for (let j = 0; j < x.length; j++) if (x[j] !== y[j]) return x[j] < y[j] ? -sign : sign
        return 0
      }
      const expected = rows
        .filter(keep)
        .sort(cmp)
        .map((r) => r.id)
      for (const offset of [0, 50, expected.length - 20]) {
        const page = pageTrades(db, { filter, sort: { column, dir }, offset, limit: 50 })
        expect(page.total).toBe(expected.length)
        expect(page.rows.map((r) => r.id)).toEqual(expected.slice(offset, offset + 50))
      }
    }
  })

  it('scrolling on in a sorted order pages from the ids sorted once, in the same order as SQL', () => {
    const other = openBookDb(dir.path, 'scroll.sqlite')
    const many = makeTrades(30_000, 5)
    insertTrades(other, many)
    const expected = many
      .map((t, i) => ({ id: i + 1, mae: t.mae! }))
      .sort((a, b) => b.mae - a.mae || b.id - a.id)
      .map((r) => r.id)
    for (const offset of [10_000, 200, 29_950]) {
      const page = pageTrades(other, { filter: {}, sort: { column: 'mae', dir: 'desc' }, offset, limit: 50 })
      expect(page.rows.map((r) => r.id)).toEqual(expected.slice(offset, offset + 50))
    }
    other.close()
  })

  it('pages a filter in SQL, sorted, with the total of the filter', () => {
    const page = pageTrades(db, {
      filter: { instruments: ['ES', 'CL'], direction: 'long' },
      sort: { column: 'pnlNet', dir: 'desc' },
      offset: 0,
      limit: 50,
    })
    const expected = trades.filter((t) => ['ES', 'CL'].includes(t.instrument) && t.direction === 'long')
    expect(page.total).toBe(expected.length)
    expect(page.rows).toHaveLength(50)
    const best = [...expected].sort((a, b) => b.pnlNet! - a.pnlNet!)[0]
    expect(page.rows[0].pnlNet).toBeCloseTo(best.pnlNet!, 9)
    for (let i = 1; i < page.rows.length; i++) expect(page.rows[i].pnlNet!).toBeLessThanOrEqual(page.rows[i - 1].pnlNet!)
    expect(page.rows.every((r) => ['ES', 'CL'].includes(r.instrument) && r.direction === 'long')).toBe(true)
    const next = pageTrades(db, {
      filter: { instruments: ['ES', 'CL'], direction: 'long' },
      sort: { column: 'pnlNet', dir: 'desc' },
      offset: 50,
      limit: 50,
    })
    expect(next.rows[0].pnlNet!).toBeLessThanOrEqual(page.rows[49].pnlNet!)
  })

  it('filters by date range, P&L range, exit reason and free text in notes', () => {
    const from = trades[100].entryTs!
    const to = trades[199].entryTs!
    const page = pageTrades(db, {
      filter: { from, to, pnlMin: 0, exitReasons: ['tp'] },
      sort: { column: 'entryTs', dir: 'asc' },
      offset: 0,
      limit: 1000,
    })
    const expected = trades.slice(100, 200).filter((t) => t.pnlNet! >= 0 && t.exitReason === 'tp')
    expect(page.total).toBe(expected.length)
    setNote(db, page.rows[0].id, 'Fed day, 100% slippage_here')
    const text = pageTrades(db, { filter: { text: '100% slippage_' }, sort: { column: 'id', dir: 'asc' }, offset: 0, limit: 10 })
    expect(text.rows.map((r) => r.id)).toEqual([page.rows[0].id])
    expect(pageTrades(db, { filter: { text: '100_' }, sort: { column: 'id', dir: 'asc' }, offset: 0, limit: 10 }).total).toBe(0)
  })

  it('summarises the filter: win rate, profit factor, expectancy, by month and instrument, equity', () => {
    const s = summarise(db, { instruments: ['GC'] })
    const gc = trades.filter((t) => t.instrument === 'GC')
    const wins = gc.filter((t) => t.pnlNet! > 0)
    const losses = gc.filter((t) => t.pnlNet! < 0)
    const net = gc.reduce((a, t) => a + t.pnlNet!, 0)
    expect(s.count).toBe(gc.length)
    expect(s.winRate).toBeCloseTo(wins.length / gc.length, 12)
    expect(s.profitFactor).toBeCloseTo(wins.reduce((a, t) => a + t.pnlNet!, 0) / -losses.reduce((a, t) => a + t.pnlNet!, 0), 9)
    expect(s.expectancy).toBeCloseTo(net / gc.length, 9)
    expect(s.netPnl).toBeCloseTo(net, 6)
    expect(s.byInstrument.map((b) => b.key)).toEqual(['GC'])
    expect(s.byMonth.reduce((a, b) => a + b.count, 0)).toBe(gc.length)
    expect(s.equity.at(-1)!.equity).toBeCloseTo(net, 6)
    expect(s.equity.length).toBeLessThanOrEqual(1001)
  })

  it('saves tags and notes at once and undoes the last edit', () => {
    const id = pageTrades(db, { filter: {}, sort: { column: 'id', dir: 'asc' }, offset: 0, limit: 1 }).rows[0].id
    setTags(db, id, ['fomc', ' review ', 'fomc'])
    expect(getTrade(db, id).tags).toEqual(['fomc', 'review'])
    expect(
      pageTrades(db, { filter: { tag: 'review' }, sort: { column: 'id', dir: 'asc' }, offset: 0, limit: 5 }).rows.map((r) => r.id),
    ).toEqual([id])
    setNote(db, id, 'first')
    setNote(db, id, 'second')
    expect(undoLastEdit(db).trade?.note).toBe('first')
    expect(undoLastEdit(db).trade?.note).toBe('')
    const undone = undoLastEdit(db)
    expect(undone.undone?.field).toBe('tags')
    expect(getTrade(db, id).tags).toEqual([])
    expect(pageTrades(db, { filter: { tag: 'review' }, sort: { column: 'id', dir: 'asc' }, offset: 0, limit: 5 }).total).toBe(0)
  })

  it('reads a filter typed on the command line, naming a bad key or value', () => {
    expect(parseFilterText('instrument=ES,NQ;direction=long;from=2020-01-01;to=2020-01-31;pnlMin=0')).toEqual({
      instruments: ['ES', 'NQ'],
      direction: 'long',
      from: Date.UTC(2020, 0, 1) / 1000,
      to: Date.UTC(2020, 0, 31) / 1000 + 86_399,
      pnlMin: 0,
    })
    expect(() => parseFilterText('colour=red')).toThrow(/unknown key 'colour'/)
    expect(() => parseFilterText('from=soon')).toThrow(/from: 'soon' is not a date/)
    expect(() => parseFilterText('direction=up')).toThrow(/--filter direction/)
  })
})

describe('CSV trade import', () => {
  it('imports a broker statement with recognised columns, computing P&L from prices', () => {
    const csv =
      'Symbol,Side,Qty,Open Time,Open Price,Close Time,Close Price,Commission,Notes\nES,BUY,2,2024-01-02 14:30:00,4700,2024-01-02 15:00:00,4710.5,4.2,"breakout, strong"\nCL,sell,1,2024-01-03,72.1,2024-01-04,71.6,2,\n'
    const before = pageTrades(db, { filter: { sources: ['import'] }, sort: { column: 'id', dir: 'asc' }, offset: 0, limit: 1 }).total
    expect(importTradeCsv(db, { name: 'statement.csv', text: csv })).toBe(2)
    const rows = pageTrades(db, {
      filter: { sources: ['import'] },
      sort: { column: 'id', dir: 'desc' },
      offset: 0,
      limit: 2,
    }).rows.reverse()
    expect(rows[0]).toMatchObject({
      instrument: 'ES',
      direction: 'long',
      quantity: 2,
      entryTs: Date.UTC(2024, 0, 2, 14, 30) / 1000,
      note: 'breakout, strong',
      fees: 4.2,
    })
    expect(rows[0].pnlNet).toBeCloseTo(2 * 10.5 - 4.2, 9)
    expect(rows[1].direction).toBe('short')
    expect(rows[1].pnlGross).toBeCloseTo(0.5, 9)
    expect(pageTrades(db, { filter: { sources: ['import'] }, sort: { column: 'id', dir: 'asc' }, offset: 0, limit: 1 }).total).toBe(
      before + 2,
    )
  })

  it('refuses a file with bad rows, naming file, line, column and field, and writes nothing', () => {
    const count = () => db.prepare('SELECT count(*) FROM trades').pluck().get()
    const before = count()
    const csv =
      'instrument,direction,quantity,entry_time,entry_price\nES,long,1,2024-01-02,4700\nNQ,sideways,1,2024-01-02,1\nGC,short,x,2024-13-45,1\n'
    // biome-ignore lint/suspicious/noExplicitAny: replies and errors are checked field by field
    let error: any
    try {
      importTradeCsv(db, { name: 'bad.csv', text: csv })
    } catch (err) {
      error = err
    }
    expect(error?.code).toBe('CSV_INVALID')
    expect(error.message).toMatch(/^bad\.csv: line 3, column 2 \(direction\): 'sideways' is not a direction/)
    expect(error.details.issues).toHaveLength(3)
    expect(error.details.issues[1]).toMatchObject({ line: 4, column: 3, field: 'quantity' })
    expect(error.details.issues[2]).toMatchObject({ line: 4, column: 4, field: 'entry_time' })
    expect(count()).toBe(before)
    expect(() => importTradeCsv(db, { name: 'x.csv', text: 'foo,bar\n1,2\n' })).toThrow(/no column for instrument/)
  })
})
