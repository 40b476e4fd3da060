/**
 * The seed's trade API, same paths and shapes, under the configurable base path: its Python
 * client keeps working with only the base URL and token changed. Outcomes such as "already
 * open" or "nothing to close" are 200 replies whose status says so, as the seed's were.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { closeLiveTrade, openLiveTrade, openTradeOf, openTrades, pushCalendar, seedTradeOf } from '../live'
import { readGetBody } from './body'
import type { ApiContext, LiveChange } from './context'
import { once, requestHash } from './idempotency'
import { seedCalendarPush, seedOpen, seedUserAlpha, userParam } from './schemas'
import { validationError } from './errors'

export const seedStatus = {
  opened: 'opened',
  alreadyOpen: 'refused: a trade is already active for this user and alpha',
  closed: 'closed',
  notOpen: 'not found: no active trade for this user and alpha',
  pushed: 'pushed',
} as const

export function idempotencyKey(req: FastifyRequest): string | undefined {
  const v = req.headers['idempotency-key']
  return typeof v === 'string' && v.length ? v : undefined
}

export function sendOnce(reply: FastifyReply, r: { status: number; body: unknown; replayed: boolean }) {
  if (r.replayed) reply.header('idempotent-replayed', 'true')
  return reply.code(r.status).send(r.body)
}

export function seedRoutes(app: FastifyInstance, ctx: ApiContext, bodyLimit: number): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const tags = ['seed-compatible']

  api.get(
    '/tradeExists',
    { schema: { tags, description: 'Whether an active trade exists for {user, alpha}, sent as a JSON body (or query string).' } },
    async (req) => {
      const body = (await readGetBody(req, bodyLimit)) ?? req.query
      const parsed = seedUserAlpha.safeParse(body)
      if (!parsed.success) throw validationError('body', parsed.error)
      return openTradeOf(ctx.db, parsed.data.user, parsed.data.alpha) !== null
    },
  )

  api.get('/getAllOpenTrades/:user', { schema: { tags, params: userParam } }, async (req) =>
    openTrades(ctx.db, req.params.user).map(seedTradeOf),
  )

  api.post('/openTrade', { schema: { tags, body: seedOpen } }, async (req, reply) => {
    const { user, alpha, quantity, stopLoss } = req.body
    let change: LiveChange | undefined
    const r = await ctx.write(() =>
      once(ctx.db, idempotencyKey(req), requestHash('POST', req.url, req.body), () => {
        const result = openLiveTrade(ctx.db, { user, alpha, quantity, stopLoss })
        if (result.opened) change = { kind: 'opened', trade: result.trade }
        return { status: 200, body: { user, alpha, status: result.opened ? seedStatus.opened : seedStatus.alreadyOpen } }
      }),
    )
    if (change) ctx.onChange(change)
    return sendOnce(reply, r)
  })

  api.post('/closeTrade', { schema: { tags, body: seedUserAlpha } }, async (req, reply) => {
    const { user, alpha } = req.body
    let change: LiveChange | undefined
    const r = await ctx.write(() =>
      once(ctx.db, idempotencyKey(req), requestHash('POST', req.url, req.body), () => {
        const open = openTradeOf(ctx.db, user, alpha)
        if (!open) return { status: 200, body: { user, alpha, status: seedStatus.notOpen } }
        change = { kind: 'closed', trade: closeLiveTrade(ctx.db, open, {}) }
        return { status: 200, body: { user, alpha, status: seedStatus.closed } }
      }),
    )
    if (change) ctx.onChange(change)
    return sendOnce(reply, r)
  })

  api.post('/tradingCalendar/push/:user', { schema: { tags, params: userParam, body: seedCalendarPush } }, async (req, reply) => {
    const { user } = req.params
    const stray = req.body.findIndex((e) => e.user !== user)
    if (stray >= 0) {
      return reply.code(400).send({
        error: 'VALIDATION',
        field: `body[${stray}].user`,
        message: `body[${stray}].user: '${req.body[stray].user.slice(0, 80)}' is not the user in the path ('${user.slice(0, 80)}')`,
      })
    }
    let change: LiveChange | undefined
    const r = await ctx.write(() =>
      once(ctx.db, idempotencyKey(req), requestHash('POST', req.url, req.body), () => {
        const n = pushCalendar(ctx.db, req.body)
        change = { kind: 'calendar', user, count: n }
        return { status: 200, body: { user, status: seedStatus.pushed, entriesPushed: n } }
      }),
    )
    if (change) ctx.onChange(change)
    return sendOnce(reply, r)
  })
}
