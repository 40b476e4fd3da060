/**
 * Statistics of the filtered trades (closed ones: live trades still open have no P&L yet):
 * count, win rate, profit factor, expectancy, net P&L, by month and by instrument, and the
 * equity curve by exit time, aggregated in SQL so a million trades never cross into JS.
 */
import type { BreakdownRow, TradeFilter, TradeSummary } from '../../contract/book'
import type { Db } from '../../db/open'
import { whereOf } from './filter'
import { prepared } from './statements'

const equityPoints = 1000

interface Totals {
  count: number
  closed: number
  wins: number
  losses: number
  gains: number | null
  lossSum: number | null
  net: number | null
  gross: number | null
  fees: number | null
  first: number | null
  last: number | null
}

export function summarise(db: Db, filter: TradeFilter): TradeSummary {
  const started = performance.now()
  const where = whereOf(filter)
  const and = where.sql ? `${where.sql} AND` : 'WHERE'
  const totals = prepared(
    db,
    `SELECT count(*) AS count, count(pnl_net) AS closed,
       sum(pnl_net > 0) AS wins, sum(pnl_net < 0) AS losses,
       sum(CASE WHEN pnl_net > 0 THEN pnl_net END) AS gains, sum(CASE WHEN pnl_net < 0 THEN pnl_net END) AS lossSum,
       sum(pnl_net) AS net, sum(pnl_gross) AS gross, sum(fees) AS fees, min(exit_ts) AS first, max(exit_ts) AS last
     FROM trades ${where.sql}`,
  ).get(where.params) as Totals
  const breakdown = (keySql: string): BreakdownRow[] =>
    (
      prepared(
        db,
        `SELECT ${keySql} AS key, count(*) AS count, coalesce(sum(pnl_net), 0) AS netPnl, avg(CASE WHEN pnl_net IS NULL THEN NULL WHEN pnl_net > 0 THEN 1.0 ELSE 0.0 END) AS winRate
         FROM trades ${and} pnl_net IS NOT NULL GROUP BY key ORDER BY key`,
      ).all(where.params) as BreakdownRow[]
    ).map((r) => ({ ...r, key: String(r.key) }))
  const byMonth = breakdown("strftime('%Y-%m', coalesce(exit_ts, entry_ts), 'unixepoch')")
  const byInstrument = breakdown('instrument')
  let equity: { ts: number; equity: number }[] = []
  if (totals.first !== null && totals.last !== null) {
    const bucket = Math.max(1, Math.ceil((totals.last - totals.first + 1) / equityPoints))
    const steps = prepared(
      db,
      `SELECT max(exit_ts) AS ts, sum(pnl_net) AS pnl FROM trades ${and} pnl_net IS NOT NULL AND exit_ts IS NOT NULL
       GROUP BY (exit_ts - @first) / @bucket ORDER BY 1`,
    ).all({ ...where.params, first: totals.first, bucket }) as { ts: number; pnl: number }[]
    let sum = 0
    equity = steps.map((s) => ({ ts: s.ts, equity: (sum += s.pnl) }))
  }
  const wins = totals.wins ?? 0
  const losses = totals.losses ?? 0
  const decided = totals.closed
  return {
    count: totals.count,
    closed: totals.closed,
    wins,
    losses,
    winRate: decided ? wins / decided : null,
    profitFactor: totals.lossSum ? (totals.gains ?? 0) / -totals.lossSum : null,
    expectancy: decided ? (totals.net ?? 0) / decided : null,
    netPnl: totals.net ?? 0,
    grossPnl: totals.gross ?? 0,
    fees: totals.fees ?? 0,
    byMonth,
    byInstrument,
    equity,
    queryMs: performance.now() - started,
  }
}
