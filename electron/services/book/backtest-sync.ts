/**
 * The SL/TP backtests keep the trades of the sets the user keeps in backtest_trades (their own
 * table, migration 004). The book lists them with every other trade: kept sets' trades are
 * copied into `trades` (source 'run', the run's id, once each by source_ref) and copies of
 * sets no longer kept are dropped. MAE/MFE of these trades are in ticks, as the simulator
 * reports them; P&L is money. Runs deleted take their trades with them (foreign key).
 */
import type { Db } from '../../db/open'
import { bumpVersion } from './store'

const copySql = `
  INSERT OR IGNORE INTO trades (source, run_id, source_ref, instrument, direction, quantity, entry_ts, entry_price, exit_ts, exit_price,
    stop_loss, take_profit, exit_reason, pnl_gross, pnl_net, fees, mae, mfe)
  SELECT 'run', b.run_id, b.sl_index || ':' || b.tp_index || ':' || b.seq,
    coalesce(json_extract(r.spec, '$.instrument.symbol'), ''), CASE WHEN b.direction < 0 THEN -1 ELSE 1 END, 1,
    b.entry_time, b.entry_price, b.exit_time, b.exit_price, b.sl_price, b.tp_price, b.reason, b.pnl_money, b.pnl_money, 0,
    b.mae_ticks, b.mfe_ticks
  FROM backtest_trades b JOIN runs r ON r.id = b.run_id
  WHERE NOT EXISTS (SELECT 1 FROM trades t WHERE t.run_id = b.run_id AND t.source_ref = b.sl_index || ':' || b.tp_index || ':' || b.seq)`

const dropSql = `
  DELETE FROM trades WHERE source = 'run' AND source_ref IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM backtest_trades b WHERE b.run_id = trades.run_id AND b.sl_index || ':' || b.tp_index || ':' || b.seq = trades.source_ref)`

/** Brings the book up to date with the kept backtest trades; returns how many rows changed. */
export function syncBacktestTrades(db: Db): number {
  const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'backtest_trades'").get()
  if (!has) return 0
  const kept = db.prepare('SELECT count(*) FROM backtest_trades').pluck().get() as number
  const copied = db.prepare("SELECT count(*) FROM trades WHERE source = 'run' AND source_ref IS NOT NULL").pluck().get() as number
  if (kept === copied && kept === 0) return 0
  const changed = db.transaction(() => db.prepare(dropSql).run().changes + db.prepare(copySql).run().changes)()
  if (changed) bumpVersion(db)
  return changed
}
