/** Request schemas of the live API (zod: validated by fastify, and the OpenAPI document is generated from them). */
import { z } from 'zod'

const name = z.string().trim().min(1).max(100)
const money = z.number().finite()
/** A time as unix seconds or ISO-8601 text (without a zone: UTC). */
export const timeSchema = z.union([z.number().finite().int(), z.string().max(40)])

export const seedUserAlpha = z.object({ user: name, alpha: name })
export const seedOpen = z.object({
  user: name,
  alpha: name,
  quantity: money,
  stopLoss: money.nullable().optional(),
})
export const seedCalendarEntry = z.object({ user: name, alpha: name, start: z.string().min(1).max(40), end: z.string().min(1).max(40) })
export const seedCalendarPush = z.array(seedCalendarEntry).max(10_000)
export const userParam = z.object({ user: name })

export const sideSchema = z.enum(['long', 'short', 'buy', 'sell'])

export const v1Open = z
  .object({
    user: name,
    alpha: name,
    instrument: z.string().trim().min(1).max(64),
    side: sideSchema,
    quantity: money.positive(),
    price: money,
    time: timeSchema.optional(),
    stopLoss: money.nullable().optional(),
    takeProfit: money.nullable().optional(),
    fees: money.min(0).optional(),
    tags: z.array(z.string().min(1).max(40)).max(20).optional(),
    note: z.string().max(10_000).optional(),
  })
  .strict()

export const v1Close = z
  .object({
    price: money,
    time: timeSchema.optional(),
    reason: z.string().max(40).optional(),
    fees: money.min(0).optional(),
  })
  .strict()

export const v1List = z
  .object({
    status: z.enum(['open', 'closed', 'all']).default('all'),
    user: name.optional(),
    alpha: name.optional(),
    instrument: z.string().max(64).optional(),
    source: z.enum(['run', 'live', 'import']).optional(),
    side: z.enum(['long', 'short']).optional(),
    from: timeSchema.optional(),
    to: timeSchema.optional(),
    tag: z.string().max(40).optional(),
    text: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()

export const idParam = z.object({ id: z.coerce.number().int().min(1) })

export const v1CalendarQuery = z.object({
  user: name.optional(),
  alpha: name.optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
})
export const v1CalendarPush = z.object({ entries: seedCalendarPush }).strict()
