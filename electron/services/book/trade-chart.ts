/** A trade on its price chart: the bars of its instrument around entry and exit, from the dataset that covers them. */
import type { TradeChart } from '../../contract/book'
import type { Db } from '../../db/open'
import { marketQueries } from '../market'
import { prepared } from './statements'
import { getTrade } from './store'

/** Bars shown before the entry and after the exit. */
const context = 60

export function tradeChart(db: Db, id: number): TradeChart {
  const trade = getTrade(db, id)
  const entry = trade.entryTs
  if (!trade.instrument || entry === null) return { trade, bars: null, dataset: null }
  const exit = trade.exitTs ?? entry
  const found = prepared(
    db,
    `SELECT i.id, d.name FROM instruments i JOIN instrument_stats s ON s.instrument_id = i.id JOIN datasets d ON d.id = i.dataset_id
     WHERE i.symbol = ? AND s.first_ts <= ? AND s.last_ts >= ? ORDER BY s.bar_count DESC LIMIT 1`,
  ).get(trade.instrument, exit, entry) as { id: number; name: string } | undefined
  if (!found) return { trade, bars: null, dataset: null }
  const before = prepared(db, 'SELECT ts FROM bars WHERE instrument_id = ? AND ts <= ? ORDER BY ts DESC LIMIT 1 OFFSET ?')
    .pluck()
    .get(found.id, entry, context) as number | undefined
  const after = prepared(db, 'SELECT ts FROM bars WHERE instrument_id = ? AND ts >= ? ORDER BY ts LIMIT 1 OFFSET ?')
    .pluck()
    .get(found.id, exit, context) as number | undefined
  const bars = marketQueries(db).getBars({ instrumentId: found.id, from: before, to: after })
  return { trade, bars, dataset: found.name }
}
