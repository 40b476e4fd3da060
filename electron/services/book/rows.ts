/** Trades as stored (snake_case, direction ±1, tags as JSON) and as the app sees them. */
import type { Direction, Trade, TradeSortColumn, TradeSource } from '../../contract/book'

export interface TradeRow {
  id: number
  source: TradeSource
  run_id: number | null
  user: string | null
  alpha: string | null
  instrument: string
  direction: 1 | -1
  quantity: number
  entry_ts: number | null
  entry_price: number | null
  exit_ts: number | null
  exit_price: number | null
  stop_loss: number | null
  take_profit: number | null
  exit_reason: string | null
  pnl_gross: number | null
  pnl_net: number | null
  fees: number
  mae: number | null
  mfe: number | null
  tags: string
  note: string
  active: 0 | 1
  created_at: string
  updated_at: string
}

export const tradeColumnsSql =
  'id, source, run_id, user, alpha, instrument, direction, quantity, entry_ts, entry_price, exit_ts, exit_price, stop_loss, take_profit, exit_reason, pnl_gross, pnl_net, fees, mae, mfe, tags, note, active, created_at, updated_at'

export const directionOf = (d: number): Direction => (d < 0 ? 'short' : 'long')
export const directionValue = (d: Direction): 1 | -1 => (d === 'short' ? -1 : 1)

export function tradeOf(r: TradeRow): Trade {
  return {
    id: r.id,
    source: r.source,
    runId: r.run_id,
    user: r.user,
    alpha: r.alpha,
    instrument: r.instrument,
    direction: directionOf(r.direction),
    quantity: r.quantity,
    entryTs: r.entry_ts,
    entryPrice: r.entry_price,
    exitTs: r.exit_ts,
    exitPrice: r.exit_price,
    stopLoss: r.stop_loss,
    takeProfit: r.take_profit,
    exitReason: r.exit_reason,
    pnlGross: r.pnl_gross,
    pnlNet: r.pnl_net,
    fees: r.fees,
    mae: r.mae,
    mfe: r.mfe,
    tags: parseTags(r.tags),
    note: r.note,
    active: r.active === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

export function parseTags(json: string): string[] {
  try {
    const v = JSON.parse(json)
    return Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : []
  } catch {
    return []
  }
}

/** Sortable columns and their SQL; never built from user text. */
export const sortSql: Record<TradeSortColumn, string> = {
  id: 'id',
  entryTs: 'entry_ts',
  exitTs: 'exit_ts',
  instrument: 'instrument',
  direction: 'direction',
  quantity: 'quantity',
  entryPrice: 'entry_price',
  exitPrice: 'exit_price',
  pnlGross: 'pnl_gross',
  pnlNet: 'pnl_net',
  fees: 'fees',
  mae: 'mae',
  mfe: 'mfe',
  exitReason: 'exit_reason',
  source: 'source',
  runId: 'run_id',
}

/** Tags as one normalised list: trimmed, unique, in the order typed. */
export function normaliseTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter(Boolean))]
}
