import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import WebSocket from 'ws'
import { createBackend, type Backend } from '../../electron/host/backend'
import { startServer, type RunningServer } from '../../electron/serve/server'
import type { ServerMessage } from '../../electron/contract/wire'
import { tempDir } from './helpers/temp'

// Real HTTP and WebSocket on 127.0.0.1 against the real backend (no sample import: fast).
const dir = tempDir('serve')
let backend: Backend
let server: RunningServer
let base: string

beforeAll(async () => {
  const staticDir = join(dir.path, 'static')
  mkdirSync(staticDir)
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>alphadesk</title>')
  backend = createBackend({ dataDir: join(dir.path, 'data'), mode: 'browser', workers: 1, importSample: false })
  server = await startServer({ backend, staticDir })
  base = `http://127.0.0.1:${server.port}`
})

afterAll(async () => {
  await server.close()
  await backend.close()
  dir.remove()
})

function connect(headers: Record<string, string> = {}, query = ''): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws${query}`, { headers })
    ws.once('open', () => resolve(ws))
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
    ws.once('error', reject)
  })
}

function call(ws: WebSocket, id: number, channel: string, input: unknown): Promise<ServerMessage> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(String(data)) as ServerMessage
      if (message.type === 'reply' && message.id === id) {
        ws.off('message', onMessage)
        resolve(message)
      }
    }
    ws.on('message', onMessage)
    ws.send(JSON.stringify({ type: 'call', id, channel, input }))
  })
}

describe('browser-mode server', () => {
  it('binds to 127.0.0.1 and prints a URL carrying a random token', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[A-Za-z0-9_-]{32}$`))
  })

  it('refuses requests without the token', async () => {
    expect((await fetch(`${base}/`)).status).toBe(401)
    expect((await fetch(`${base}/?token=wrong`)).status).toBe(401)
    expect((await fetch(`${base}/index.html`, { headers: { cookie: 'alphadesk_token=nope' } })).status).toBe(401)
  })

  it('refuses a WebSocket without the token, or from another origin', async () => {
    await expect(connect()).rejects.toThrow(/401/)
    await expect(connect({ origin: 'http://evil.example' }, `?token=${server.token}`)).rejects.toThrow(/403/)
  })

  it('trades the URL token for an HttpOnly cookie, then serves the app with a CSP', async () => {
    const first = await fetch(`${base}/?token=${server.token}`, { redirect: 'manual' })
    expect(first.status).toBe(303)
    expect(first.headers.get('location')).toBe('/')
    const cookie = first.headers.get('set-cookie')!
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    const page = await fetch(`${base}/`, { headers: { cookie: cookie.split(';')[0] } })
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(await page.text()).toContain('<title>alphadesk</title>')
  })

  it('carries contract calls and errors as data over the WebSocket', async () => {
    const ws = await connect({ cookie: `alphadesk_token=${server.token}` })
    try {
      const info = await call(ws, 1, 'app.info', {})
      expect(info).toMatchObject({ type: 'reply', ok: true, value: { mode: 'browser', schemaVersion: expect.any(Number) } })
      const bad = await call(ws, 2, 'market.getBars', { instrumentId: 'AAPL' })
      expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
      expect((bad as { error: { message: string } }).error.message).toMatch(/instrumentId/)
      const unknown = await call(ws, 3, 'market.dropEverything', {})
      expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
      const missing = await call(ws, 4, 'market.getInstrument', { id: 12345 })
      expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    } finally {
      ws.close()
    }
  })

  it('pushes engine status events to connected clients', async () => {
    const ws = await connect({}, `?token=${server.token}`)
    try {
      const status = new Promise<ServerMessage>((resolve) =>
        ws.on('message', (d) => {
          const m = JSON.parse(String(d)) as ServerMessage
          if (m.type === 'event' && m.name === 'pool.status') resolve(m)
        }),
      )
      await call(ws, 1, 'indicators.summary', { instrumentId: 1 }) // fails (no data) but moves the pool
      expect(await status).toMatchObject({ type: 'event', name: 'pool.status', payload: { workers: [expect.any(Object)] } })
    } finally {
      ws.close()
    }
  })
})
