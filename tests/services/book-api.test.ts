import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../electron/db/open'
import { type LiveApi, startLiveApi } from '../../electron/services/book/api/server'
import type { LiveChange } from '../../electron/services/book/api/context'
import { client, openBookDb } from './helpers/book'
import { tempDir } from './helpers/temp'

// Real HTTP on 127.0.0.1 against a real database file.
const dir = tempDir('book-api')
let db: Db
let api: LiveApi
let token = 'test-token-1'
const changes: LiveChange[] = []
const logs: string[] = []
let call: ReturnType<typeof client>

beforeAll(async () => {
  db = openBookDb(dir.path)
  api = await startLiveApi({
    db,
    port: 0,
    basePath: '/api',
    token: () => token,
    onChange: (c) => changes.push(c),
    log: (m) => logs.push(m),
  })
  call = client(api.url, token)
})
afterAll(async () => {
  await api.close()
  db.close()
  dir.remove()
})

/** A GET with a JSON body, as the seed's Python client sends tradeExists (fetch refuses bodies on GET). */
// biome-ignore lint/suspicious/noExplicitAny: replies and errors are checked field by field
function getWithBody(path: string, body: string, auth = `Bearer ${token}`): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const u = new URL(api.url + path)
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname,
        method: 'GET',
        headers: { authorization: auth, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = ''
        res.on('data', (c) => (text += c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

describe('seed-compatible endpoints', () => {
  it('opens, refuses a second active trade, lists, checks and closes', async () => {
    expect(await getWithBody('/api/tradeExists', JSON.stringify({ user: 'u1', alpha: 'a1' }))).toEqual({ status: 200, body: false })
    const open = await call('POST', '/api/openTrade', { user: 'u1', alpha: 'a1', quantity: 3, stopLoss: 1.5 })
    expect(open).toMatchObject({ status: 200, body: { user: 'u1', alpha: 'a1', status: 'opened' } })
    const again = await call('POST', '/api/openTrade', { user: 'u1', alpha: 'a1', quantity: 5, stopLoss: 2 })
    expect(again.status).toBe(200)
    expect(again.body.status).toMatch(/^refused: a trade is already active/)
    expect(await getWithBody('/api/tradeExists', JSON.stringify({ user: 'u1', alpha: 'a1' }))).toEqual({ status: 200, body: true })
    const list = await call('GET', '/api/getAllOpenTrades/u1')
    expect(list.body).toEqual([{ id: expect.any(Number), user: 'u1', alpha: 'a1', quantity: 3, stopLoss: 1.5, active: true }])
    const close = await call('POST', '/api/closeTrade', { user: 'u1', alpha: 'a1' })
    expect(close.body).toEqual({ user: 'u1', alpha: 'a1', status: 'closed' })
    expect((await call('GET', '/api/getAllOpenTrades/u1')).body).toEqual([])
    expect(changes.map((c) => c.kind)).toEqual(['opened', 'closed'])
  })

  it('says when there is nothing to close', async () => {
    const r = await call('POST', '/api/closeTrade', { user: 'nobody', alpha: 'none' })
    expect(r).toMatchObject({ status: 200, body: { user: 'nobody', alpha: 'none', status: expect.stringMatching(/^not found/) } })
  })

  it('pushes trading-calendar windows', async () => {
    const entries = [
      { user: 'u2', alpha: 'a1', start: '2024-01-02T14:30:00Z', end: '2024-01-03T21:00:00Z' },
      { user: 'u2', alpha: 'a2', start: '2024-01-04', end: '2024-01-05' },
    ]
    const r = await call('POST', '/api/tradingCalendar/push/u2', entries)
    expect(r.body).toEqual({ user: 'u2', status: 'pushed', entriesPushed: 2 })
    const cal = await call('GET', '/v1/calendar?user=u2')
    expect(cal.body).toHaveLength(2)
    // biome-ignore lint/suspicious/noExplicitAny: replies and errors are checked field by field
    expect(cal.body.find((w: any) => w.alpha === 'a2')).toMatchObject({ start: '2024-01-04', startTs: Date.UTC(2024, 0, 4) / 1000 })
    const stray = await call('POST', '/api/tradingCalendar/push/u2', [{ ...entries[0], user: 'other' }])
    expect(stray.status).toBe(400)
    expect(stray.body.field).toBe('body[0].user')
  })
})

describe('versioned API', () => {
  it('opens with instrument, side, price and time; closes with P&L; lists and gets', async () => {
    const open = await call('POST', '/v1/trades', {
      user: 'algo',
      alpha: 'mom',
      instrument: 'ES',
      side: 'sell',
      quantity: 2,
      price: 5000,
      time: '2024-03-01T15:00:00Z',
    })
    expect(open.status).toBe(201)
    expect(open.body).toMatchObject({
      instrument: 'ES',
      direction: 'short',
      quantity: 2,
      entryPrice: 5000,
      entryTs: Date.UTC(2024, 2, 1, 15) / 1000,
      active: true,
    })
    const dup = await call('POST', '/v1/trades', { user: 'algo', alpha: 'mom', instrument: 'ES', side: 'buy', quantity: 1, price: 5001 })
    expect(dup.status).toBe(409)
    const closed = await call('POST', `/v1/trades/${open.body.id}/close`, { price: 4990, time: Date.UTC(2024, 2, 1, 16) / 1000 })
    expect(closed.status).toBe(200)
    expect(closed.body).toMatchObject({ active: false, exitPrice: 4990, pnlGross: 20, pnlNet: 20 })
    const twice = await call('POST', `/v1/trades/${open.body.id}/close`, { price: 4990 })
    expect(twice.status).toBe(409)
    expect((await call('GET', `/v1/trades/${open.body.id}`)).body.id).toBe(open.body.id)
    const list = await call('GET', '/v1/trades?user=algo&status=closed')
    expect(list.body.total).toBe(1)
    expect(list.body.trades[0].pnlNet).toBe(20)
  })

  it('answers 404 for an unknown trade and names the field of a bad request', async () => {
    expect((await call('GET', '/v1/trades/999999')).status).toBe(404)
    expect((await call('POST', '/v1/trades/999999/close', { price: 1 })).status).toBe(404)
    const bad = await call('POST', '/v1/trades', { user: 'x', alpha: 'y', instrument: 'ES', side: 'up', quantity: 1, price: 1 })
    expect(bad.status).toBe(400)
    expect(bad.body.field).toBe('body.side')
    const qty = await call('POST', '/api/openTrade', { user: 'x', alpha: 'y', quantity: 'three' })
    expect(qty.status).toBe(400)
    expect(qty.body.message).toMatch(/^body\.quantity: /)
    const time = await call('POST', '/v1/trades', {
      user: 'x',
      alpha: 'y',
      instrument: 'ES',
      side: 'buy',
      quantity: 1,
      price: 1,
      time: 'yesterday',
    })
    expect(time.status).toBe(400)
    expect(time.body.field).toBe('body.time')
    const gone = await getWithBody('/api/tradeExists', JSON.stringify({ user: 'u1' }))
    expect(gone.status).toBe(400)
    expect(gone.body.field).toBe('body.alpha')
  })

  it('serves the OpenAPI document without a token', async () => {
    const res = await fetch(`${api.url}/v1/openapi.json`)
    expect(res.status).toBe(200)
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> }
    expect(doc.openapi).toMatch(/^3\./)
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/openTrade', '/v1/trades', '/v1/trades/{id}', '/v1/calendar']))
  })
})

describe('hostile and broken requests', () => {
  it('refuses missing and wrong tokens with 401, and logs them', async () => {
    const none = await fetch(`${api.url}/api/getAllOpenTrades/u1`)
    expect(none.status).toBe(401)
    const wrong = await client(api.url, 'nope')('GET', '/api/getAllOpenTrades/u1')
    expect(wrong.status).toBe(401)
    expect((await getWithBody('/api/tradeExists', '{}', 'Bearer nope')).status).toBe(401)
    expect(logs.filter((l) => l.includes('401')).length).toBeGreaterThanOrEqual(3)
    expect(logs.join('\n')).not.toContain('nope')
  })

  it('rotating the token applies at once', async () => {
    const old = token
    token = 'rotated-token-2'
    expect((await client(api.url, old)('GET', '/v1/calendar')).status).toBe(401)
    expect((await client(api.url, token)('GET', '/v1/calendar')).status).toBe(200)
    token = old
  })

  it('answers malformed and oversized bodies with 4xx and stays up', async () => {
    const malformed = await call('POST', '/api/openTrade', '{"user": "u", "alpha":')
    expect(malformed.status).toBe(400)
    const big = await call(
      'POST',
      '/api/tradingCalendar/push/u',
      `[${'{"user":"u","alpha":"a","start":"2024-01-01","end":"2024-01-02"},'.repeat(30_000)}{}]`,
    )
    expect(big.status).toBe(413)
    const getBig = await getWithBody('/api/tradeExists', `{"user":"${'x'.repeat(2 << 20)}","alpha":"a"}`)
    expect(getBig.status).toBe(413)
    const notJson = await getWithBody('/api/tradeExists', 'user=u&alpha=a')
    expect(notJson.status).toBe(400)
    expect((await call('GET', '/v1/trades?limit=5')).status).toBe(200)
  })

  it('a retried write with the same Idempotency-Key writes once; a different request with it is refused', async () => {
    const key = { 'idempotency-key': 'retry-1' }
    const body = { user: 'idem', alpha: 'a', instrument: 'CL', side: 'buy', quantity: 1, price: 70 }
    const first = await call('POST', '/v1/trades', body, key)
    const second = await call('POST', '/v1/trades', body, key)
    expect(first.status).toBe(201)
    expect(second.status).toBe(201)
    expect(second.body).toEqual(first.body)
    expect(second.headers.get('idempotent-replayed')).toBe('true')
    expect(db.prepare("SELECT count(*) FROM trades WHERE user = 'idem'").pluck().get()).toBe(1)
    const other = await call('POST', '/v1/trades', { ...body, price: 71 }, key)
    expect(other.status).toBe(422)
    const seedKey = { 'idempotency-key': 'retry-2' }
    const s1 = await call('POST', '/api/closeTrade', { user: 'idem', alpha: 'a' }, seedKey)
    const s2 = await call('POST', '/api/closeTrade', { user: 'idem', alpha: 'a' }, seedKey)
    expect(s1.body.status).toBe('closed')
    expect(s2.body.status).toBe('closed') // the replayed reply, not "not found"
  })

  it('concurrent clients opening the same user+alpha: exactly one wins', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 40 }, (_, i) => call('POST', '/api/openTrade', { user: 'race', alpha: 'r', quantity: i + 1, stopLoss: null })),
    )
    expect(attempts.filter((r) => r.body.status === 'opened')).toHaveLength(1)
    const v1 = await Promise.all(
      Array.from({ length: 40 }, () =>
        call('POST', '/v1/trades', { user: 'race2', alpha: 'r', instrument: 'NQ', side: 'buy', quantity: 1, price: 1 }),
      ),
    )
    expect(v1.filter((r) => r.status === 201)).toHaveLength(1)
    expect(v1.filter((r) => r.status === 409)).toHaveLength(39)
    expect(db.prepare("SELECT count(*) FROM trades WHERE user IN ('race', 'race2') AND active = 1").pluck().get()).toBe(2)
  })
})
