/**
 * The versioned API: trades with instrument, side, price and time (so live P&L is real),
 * listing with the trade table's filters, single trades, calendar windows. Proper status
 * codes: 201 opened, 404 unknown, 409 a conflicting state.
 */
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { TradeFilter } from '../../../contract/book'
import { closeLiveTrade, listCalendar, openLiveTrade, pushCalendar, timeOfText } from '../live'
import { getTrade, pageTrades } from '../store'
import type { ApiContext, LiveChange } from './context'
import { ApiError } from './errors'
import { once, requestHash } from './idempotency'
import { idempotencyKey, sendOnce } from './routes-seed'
import { idParam, v1CalendarPush, v1CalendarQuery, v1Close, v1List, v1Open } from './schemas'

function seconds(field: string, v: number | string | undefined): number | undefined {
  if (v === undefined) return undefined
  if (typeof v === 'number') return v
  if (/^-?\d+$/.test(v.trim())) return Number(v)
  const ts = timeOfText(v)
  if (ts === null) throw new ApiError(400, 'VALIDATION', `${field}: '${v.slice(0, 40)}' is not a time (unix seconds or ISO-8601)`, field)
  return ts
}

export function v1Routes(app: FastifyInstance, ctx: ApiContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const tags = ['v1']

  api.post(
    '/v1/trades',
    { schema: { tags, body: v1Open, description: 'Open a live trade (one open trade per user+alpha).' } },
    async (req, reply) => {
      const b = req.body
      const time = seconds('body.time', b.time)
      let change: LiveChange | undefined
      const r = await ctx.write(() =>
        once(ctx.db, idempotencyKey(req), requestHash('POST', req.url, b), () => {
          const result = openLiveTrade(ctx.db, {
            user: b.user,
            alpha: b.alpha,
            instrument: b.instrument,
            direction: b.side === 'short' || b.side === 'sell' ? 'short' : 'long',
            quantity: b.quantity,
            price: b.price,
            time,
            stopLoss: b.stopLoss,
            takeProfit: b.takeProfit,
            fees: b.fees,
            tags: b.tags,
            note: b.note,
          })
          if (!result.opened) {
            return {
              status: 409,
              body: {
                error: 'ALREADY_OPEN',
                message: `trade ${result.existing.id} is already open for this user and alpha`,
                trade: result.existing,
              },
            }
          }
          change = { kind: 'opened', trade: result.trade }
          return { status: 201, body: result.trade }
        }),
      )
      if (change) ctx.onChange(change)
      return sendOnce(reply, r)
    },
  )

  api.post('/v1/trades/:id/close', { schema: { tags, params: idParam, body: v1Close } }, async (req, reply) => {
    const b = req.body
    const time = seconds('body.time', b.time)
    let change: LiveChange | undefined
    const r = await ctx.write(() =>
      once(ctx.db, idempotencyKey(req), requestHash('POST', req.url, b), () => {
        const trade = getTrade(ctx.db, req.params.id)
        if (trade.source !== 'live' || !trade.active) {
          return { status: 409, body: { error: 'NOT_OPEN', message: `trade ${trade.id} is not an open live trade`, trade } }
        }
        const closed = closeLiveTrade(ctx.db, trade, { price: b.price, time, reason: b.reason, fees: b.fees })
        change = { kind: 'closed', trade: closed }
        return { status: 200, body: closed }
      }),
    )
    if (change) ctx.onChange(change)
    return sendOnce(reply, r)
  })

  api.get('/v1/trades', { schema: { tags, querystring: v1List } }, async (req) => {
    const q = req.query
    const filter: TradeFilter = {
      status: q.status,
      user: q.user,
      alpha: q.alpha,
      instruments: q.instrument ? [q.instrument] : undefined,
      sources: q.source ? [q.source] : undefined,
      direction: q.side,
      from: seconds('querystring.from', q.from),
      to: seconds('querystring.to', q.to),
      tag: q.tag,
      text: q.text,
    }
    const page = pageTrades(ctx.db, { filter, sort: { column: 'id', dir: 'asc' }, offset: q.offset, limit: q.limit })
    return { trades: page.rows, total: page.total, offset: page.offset }
  })

  api.get('/v1/trades/:id', { schema: { tags, params: idParam } }, async (req) => getTrade(ctx.db, req.params.id))

  api.get('/v1/calendar', { schema: { tags, querystring: v1CalendarQuery } }, async (req) => listCalendar(ctx.db, req.query))

  api.post('/v1/calendar', { schema: { tags, body: v1CalendarPush } }, async (req, reply) => {
    let change: LiveChange | undefined
    const r = await ctx.write(() =>
      once(ctx.db, idempotencyKey(req), requestHash('POST', req.url, req.body), () => {
        const n = pushCalendar(ctx.db, req.body.entries)
        change = { kind: 'calendar', count: n }
        return { status: 201, body: { entriesPushed: n } }
      }),
    )
    if (change) ctx.onChange(change)
    return sendOnce(reply, r)
  })
}
