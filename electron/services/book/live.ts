/**
 * Live trades: what a running algorithm reports through the live API (the seed's trade API
 * and /v1). One open trade per user+alpha, enforced by a unique index; each write one
 * transaction. The caller (the API) wraps these in its idempotency transaction.
 */
import { AppError } from '../../contract'
import type { CalendarWindow, Direction, Trade } from '../../contract/book'
import type { Db } from '../../db/open'
import { directionValue, type TradeRow, tradeColumnsSql, tradeOf } from './rows'
import { prepared } from './statements'
import { bumpVersion, getTrade, insertTrades } from './store'

/** The seed's view of an open trade. */
export interface SeedTrade {
  id: number
  user: string
  alpha: string
  quantity: number
  stopLoss: number | null
  active: boolean
}

export const seedTradeOf = (t: Trade): SeedTrade => ({
  id: t.id,
  user: t.user ?? '',
  alpha: t.alpha ?? '',
  // The seed has no direction: a short was a negative quantity.
  quantity: t.direction === 'short' ? -t.quantity : t.quantity,
  stopLoss: t.stopLoss,
  active: t.active,
})

// Hot statements as constants: the statement cache is keyed by the SQL text, and a constant's hash is computed once.
const openTradeSql = `SELECT ${tradeColumnsSql} FROM trades WHERE user = ? AND alpha = ? AND active = 1`

export function openTradeOf(db: Db, user: string, alpha: string): Trade | null {
  const row = prepared(db, openTradeSql).get(user, alpha) as TradeRow | undefined
  return row ? tradeOf(row) : null
}

export function openTrades(db: Db, user?: string): Trade[] {
  const rows = (
    user === undefined
      ? prepared(db, `SELECT ${tradeColumnsSql} FROM trades WHERE active = 1 ORDER BY id`).all()
      : prepared(db, `SELECT ${tradeColumnsSql} FROM trades WHERE active = 1 AND user = ? ORDER BY id`).all(user)
  ) as TradeRow[]
  return rows.map(tradeOf)
}

export interface OpenInput {
  user: string
  alpha: string
  quantity: number
  stopLoss?: number | null
  takeProfit?: number | null
  instrument?: string
  direction?: Direction
  price?: number | null
  /** Entry time, unix seconds; now when omitted. */
  time?: number | null
  fees?: number
  tags?: string[]
  note?: string
}

export type OpenResult = { opened: true; trade: Trade } | { opened: false; existing: Trade }

/** Opens a live trade unless one is open for this user+alpha (then returns that one). */
export function openLiveTrade(db: Db, input: OpenInput): OpenResult {
  const existing = openTradeOf(db, input.user, input.alpha)
  if (existing) return { opened: false, existing }
  const direction = input.direction ?? (input.quantity < 0 ? 'short' : 'long')
  const { firstId } = insertTrades(db, [
    {
      source: 'live',
      user: input.user,
      alpha: input.alpha,
      instrument: input.instrument ?? '',
      direction,
      quantity: Math.abs(input.quantity),
      stopLoss: input.stopLoss ?? null,
      takeProfit: input.takeProfit ?? null,
      entryPrice: input.price ?? null,
      entryTs: input.time ?? Math.floor(Date.now() / 1000),
      fees: input.fees ?? 0,
      tags: input.tags,
      note: input.note,
      active: true,
    },
  ])
  return { opened: true, trade: getTrade(db, firstId) }
}

export interface CloseInput {
  price?: number | null
  time?: number | null
  reason?: string | null
  fees?: number
}

/** Closes an open live trade: exit time and price, and P&L when both prices are known. */
export function closeLiveTrade(db: Db, trade: Trade, input: CloseInput): Trade {
  if (!trade.active) throw new AppError('VALIDATION', `trade ${trade.id} is already closed`)
  const exitTs = input.time ?? Math.floor(Date.now() / 1000)
  const exitPrice = input.price ?? null
  const fees = trade.fees + (input.fees ?? 0)
  const gross =
    exitPrice !== null && trade.entryPrice !== null
      ? directionValue(trade.direction) * trade.quantity * (exitPrice - trade.entryPrice)
      : null
  prepared(
    db,
    `UPDATE trades SET active = 0, exit_ts = @exitTs, exit_price = @exitPrice, exit_reason = @reason, fees = @fees,
       pnl_gross = @gross, pnl_net = @net, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = @id`,
  ).run({ id: trade.id, exitTs, exitPrice, reason: input.reason ?? 'closed', fees, gross, net: gross === null ? null : gross - fees })
  bumpVersion(db)
  return getTrade(db, trade.id)
}

export interface CalendarEntry {
  user: string
  alpha: string
  start: string
  end: string
}

/** Seconds of a date or date-time text (ISO-8601, with or without zone: without, UTC), else null. */
export function timeOfText(s: string): number | null {
  const t = s.trim()
  if (!/^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(t)) return null
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(t) ? t : `${t.length === 10 ? `${t}T00:00:00` : t.replace(' ', 'T')}Z`
  const ms = Date.parse(zoned.replace(' ', 'T'))
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : null
}

export function pushCalendar(db: Db, entries: readonly CalendarEntry[]): number {
  const insert = prepared(db, 'INSERT INTO trading_calendar (user, alpha, start, end, start_ts, end_ts) VALUES (?, ?, ?, ?, ?, ?)')
  db.transaction(() => {
    for (const e of entries) insert.run(e.user, e.alpha, e.start, e.end, timeOfText(e.start), timeOfText(e.end))
  })()
  return entries.length
}

export function listCalendar(db: Db, options: { user?: string; alpha?: string; limit?: number } = {}): CalendarWindow[] {
  const where: string[] = []
  if (options.user !== undefined) where.push('user = @user')
  if (options.alpha !== undefined) where.push('alpha = @alpha')
  return prepared(
    db,
    `SELECT id, user, alpha, start, end, start_ts AS startTs, end_ts AS endTs, pushed_at AS pushedAt FROM trading_calendar
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY coalesce(start_ts, 0) DESC, id DESC LIMIT @limit`,
  ).all({
    ...(options.user !== undefined && { user: options.user }),
    ...(options.alpha !== undefined && { alpha: options.alpha }),
    limit: options.limit ?? 1000,
  }) as CalendarWindow[]
}
