import { afterAll, describe, expect, it } from 'vitest'
import { pageTrades } from '../../electron/services/book'
import { syncBacktestTrades } from '../../electron/services/book/backtest-sync'
import { openBookDb } from './helpers/book'
import { tempDir } from './helpers/temp'

// The trades of kept SL/TP backtest sets (backtest_trades, migration 004) appear in the book, once each.
const dir = tempDir('book-backtests')
afterAll(() => dir.remove())

describe('backtest trades in the book', () => {
  it('copies kept sets once, with the run and instrument, and drops copies of sets no longer kept', () => {
    const db = openBookDb(dir.path)
    const runId = Number(
      db
        .prepare("INSERT INTO runs (kind, name, spec, stats) VALUES ('sltp-backtest', 'CL breakout', ?, '{}')")
        .run(JSON.stringify({ instrument: { id: 1, symbol: 'CL', datasetId: 1 } })).lastInsertRowid,
    )
    const insert = db.prepare(
      `INSERT INTO backtest_trades (run_id, sl_index, tp_index, seq, signal_time, direction, entry_time, entry_price, exit_time, exit_price,
         reason, bars_held, pnl_ticks, pnl_money, mae_ticks, mfe_ticks, sl_price, tp_price) VALUES (?, ?, ?, ?, 0, ?, ?, 70, ?, ?, ?, 3, 10, ?, -4, 12, 69, 71)`,
    )
    for (let seq = 0; seq < 5; seq++)
      insert.run(runId, 0, 1, seq, seq % 2 ? -1 : 1, 1000 + seq * 100, 1050 + seq * 100, 70.1, 'tp', 97 - seq)
    insert.run(runId, 2, 2, 0, 1, 5000, 5050, 69, 'sl', -103)
    expect(syncBacktestTrades(db)).toBe(6)
    expect(syncBacktestTrades(db)).toBe(0) // once each
    const page = pageTrades(db, { filter: { runIds: [runId] }, sort: { column: 'entryTs', dir: 'asc' }, offset: 0, limit: 10 })
    expect(page.total).toBe(6)
    expect(page.rows[0]).toMatchObject({
      source: 'run',
      runId,
      instrument: 'CL',
      direction: 'long',
      entryPrice: 70,
      exitReason: 'tp',
      pnlNet: 97,
      mae: -4,
    })
    expect(page.rows[1].direction).toBe('short')
    db.prepare('DELETE FROM backtest_trades WHERE run_id = ? AND sl_index = 2').run(runId) // the set is no longer kept
    expect(syncBacktestTrades(db)).toBe(1)
    expect(pageTrades(db, { filter: { runIds: [runId] }, sort: { column: 'id', dir: 'asc' }, offset: 0, limit: 10 }).total).toBe(5)
    db.prepare('DELETE FROM runs WHERE id = ?').run(runId) // a deleted run takes its trades along
    expect(pageTrades(db, { filter: {}, sort: { column: 'id', dir: 'asc' }, offset: 0, limit: 10 }).total).toBe(0)
    db.close()
  })
})
