import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, writeFileSync } from 'node:fs'
import { connect as tcpConnect } from 'node:net'
import { join } from 'node:path'
import WebSocket from 'ws'
import { MAX_CALLS_IN_FLIGHT, MAX_MESSAGE_BYTES, MAX_UPLOAD_MESSAGE_BYTES } from '../../electron/contract/limits'
import type { ServerMessage } from '../../electron/contract/wire'
import { createBackend, type Backend } from '../../electron/host/backend'
import { EventBus } from '../../electron/shared/event-bus'
import type { Reply } from '../../electron/contract'
import { startServer, type RunningServer } from '../../electron/serve/server'
import { hostPolicy, originAllowed, parseTarget } from '../../electron/serve/request'
import { cookieValue } from '../../electron/serve/token'
import { tempDir } from './helpers/temp'

// Browser mode as an attacker on the loopback port sees it: raw requests over TCP on 127.0.0.1.
const dir = tempDir('hardening-serve')
let backend: Backend
let server: RunningServer

beforeAll(async () => {
  const staticDir = join(dir.path, 'static')
  mkdirSync(staticDir)
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>alphadesk</title>')
  backend = createBackend({ dataDir: join(dir.path, 'data'), mode: 'browser', workers: 1, importSample: false })
  server = await startServer({ backend, staticDir })
})

afterAll(async () => {
  await server.close()
  await backend.close()
  dir.remove()
})

/** Sends raw bytes and returns the status line of the answer ('' when the server just closes). */
function rawRequest(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tcpConnect(port, '127.0.0.1')
    let text = ''
    socket.setEncoding('latin1')
    socket.on('data', (chunk) => {
      text += chunk
      // The status line is all we look at (a 101 would keep the socket open).
      if (text.includes('\r\n')) socket.destroy()
    })
    socket.on('error', reject)
    socket.on('close', () => resolve(text.split('\r\n', 1)[0]))
    socket.write(request)
  })
}

const get = (target: string, headers: Record<string, string> = {}) => {
  const all = { host: `127.0.0.1:${server.port}`, connection: 'close', ...headers }
  const lines = Object.entries(all).map(([k, v]) => `${k}: ${v}`)
  return rawRequest(server.port, `GET ${target} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`)
}

const upgrade = (target: string, headers: Record<string, string> = {}) =>
  get(target, {
    connection: 'Upgrade',
    upgrade: 'websocket',
    'sec-websocket-version': '13',
    'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
    ...headers,
  })

/** The server still answers: a request without the token gets its 401. */
async function stillUp(): Promise<void> {
  expect(await get('/')).toBe('HTTP/1.1 401 Unauthorized')
}

describe('malformed requests get a 4xx and the server stays up', () => {
  it('GET // (used to throw Invalid URL and kill the process)', async () => {
    expect(await get('//')).toMatch(/^HTTP\/1.1 40[01] /)
    expect(await get('//?token=x')).toMatch(/^HTTP\/1.1 40[01] /)
    expect(await get('http://evil.example/')).toBe('HTTP/1.1 400 Bad Request')
    await stillUp()
  })

  it('a WebSocket upgrade to //', async () => {
    expect(await upgrade('//')).toMatch(/^HTTP\/1.1 4\d\d /)
    // Leading slashes collapse: `//ws` is `/ws`, and with the token it is a normal connection.
    expect(await upgrade(`//ws?token=${server.token}`)).toBe('HTTP/1.1 101 Switching Protocols')
    expect(await upgrade('/%E0%A4%A')).toMatch(/^HTTP\/1.1 4\d\d /)
    await stillUp()
  })

  it('a cookie that is not valid percent-encoding', async () => {
    expect(await get('/', { cookie: 'alphadesk_token=%E0%A4%A' })).toBe('HTTP/1.1 401 Unauthorized')
    expect(await upgrade('/ws', { cookie: 'alphadesk_token=%' })).toBe('HTTP/1.1 401 Unauthorized')
    await stillUp()
    expect(cookieValue('a=%E0%A4%A; alphadesk_token=%', 'alphadesk_token')).toBeNull()
    expect(cookieValue('alphadesk_token=a%20b', 'alphadesk_token')).toBe('a b')
  })

  it('the token redirect cannot leave the origin (no //evil.example Location)', async () => {
    const res = await rawRequestFull(
      `GET //evil.example/?token=${server.token} HTTP/1.1\r\nhost: 127.0.0.1:${server.port}\r\nconnection: close\r\n\r\n`,
    )
    expect(res).toMatch(/^HTTP\/1.1 303 /)
    expect(res).toMatch(/\r\nlocation: \/evil\.example\/\r\n/i)
  })

  it('only GET and HEAD', async () => {
    const status = await rawRequest(
      server.port,
      `POST / HTTP/1.1\r\nhost: 127.0.0.1:${server.port}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n`,
    )
    expect(status).toBe('HTTP/1.1 405 Method Not Allowed')
  })
})

function rawRequestFull(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tcpConnect(server.port, '127.0.0.1')
    let text = ''
    socket.setEncoding('latin1')
    socket.on('data', (c) => {
      text += c
    })
    socket.on('error', reject)
    socket.on('close', () => resolve(text))
    socket.write(request)
  })
}

describe('Host allow-list (DNS rebinding) and Origin checked against it', () => {
  it('refuses a foreign Host even with the token', async () => {
    const cookie = `alphadesk_token=${server.token}`
    expect(await get('/', { host: `rebind.example:${server.port}`, cookie })).toBe('HTTP/1.1 421 Misdirected Request')
    expect(await get('/', { host: `127.0.0.1:${server.port + 1}`, cookie })).toBe('HTTP/1.1 421 Misdirected Request')
    expect(await get('/', { host: '', cookie })).toBe('HTTP/1.1 421 Misdirected Request')
    // Today's check compared Origin with Host: a rebinding page sends matching ones.
    const rebound = { host: `rebind.example:${server.port}`, origin: `http://rebind.example:${server.port}` }
    expect(await upgrade(`/ws?token=${server.token}`, rebound)).toMatch(/^HTTP\/1.1 4\d\d /)
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`, `LOCALHOST:${server.port}`]) {
      expect(await get('/index.html', { host, cookie })).toBe('HTTP/1.1 200 OK')
    }
  })

  it('refuses another Origin, "null" and https, accepts the loopback names', async () => {
    const token = `?token=${server.token}`
    expect(await upgrade(`/ws${token}`, { origin: 'http://evil.example' })).toBe('HTTP/1.1 403 Forbidden')
    expect(await upgrade(`/ws${token}`, { origin: 'null' })).toBe('HTTP/1.1 403 Forbidden')
    expect(await upgrade(`/ws${token}`, { origin: `https://127.0.0.1:${server.port}` })).toBe('HTTP/1.1 403 Forbidden')
    expect(await get(`/${token}`, { origin: 'http://evil.example' })).toBe('HTTP/1.1 403 Forbidden')
    expect(await upgrade(`/ws${token}`, { origin: `http://localhost:${server.port}` })).toBe('HTTP/1.1 101 Switching Protocols')
  })

  it('pure policy: loopback names with our port, the bound host, IP literals only on a wildcard bind', () => {
    const local = hostPolicy('127.0.0.1', 4000)
    expect(['127.0.0.1:4000', 'localhost:4000', '[::1]:4000'].map(local)).toEqual([true, true, true])
    expect(['127.0.0.1:4001', 'evil.example:4000', '127.0.0.1', undefined, 'a:b:c', '10.0.0.2:4000'].map(local)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ])
    expect(hostPolicy('::1', 4000)('[::1]:4000')).toBe(true)
    expect(hostPolicy('my-box.lan', 4000)('my-box.lan:4000')).toBe(true)
    const any = hostPolicy('0.0.0.0', 4000)
    expect([any('192.168.1.5:4000'), any('[fe80::1]:4000'), any('rebind.example:4000')]).toEqual([true, true, false])
    expect(originAllowed(undefined, local)).toBe(true)
    expect(originAllowed('http://localhost:4000', local)).toBe(true)
    expect(originAllowed('http://localhost:4000/x', local)).toBe(false)
    expect(originAllowed('http://evil.example:4000', local)).toBe(false)
    expect(parseTarget('//')).toEqual({ pathname: '/', params: new URLSearchParams() })
    expect(parseTarget('*')).toBeNull()
    expect(parseTarget(`/${'a'.repeat(9000)}`)).toBeNull()
    expect(parseTarget('/a?%zz=1')?.params.get('%zz')).toBe('1')
  })
})

function connect(port: number, token: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${token}`)
    ws.once('open', () => resolve(ws))
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
    ws.once('error', reject)
  })
}

/** Collects replies by id. */
function replies(ws: WebSocket): Map<number, ServerMessage> {
  const got = new Map<number, ServerMessage>()
  ws.on('message', (d) => {
    const m = JSON.parse(String(d)) as ServerMessage
    if (m.type === 'reply') got.set(m.id, m)
  })
  return got
}

async function until(probe: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !probe(); i++) await new Promise((r) => setTimeout(r, 10))
  expect(probe()).toBe(true)
}

describe('WebSocket limits', () => {
  it('refuses an ordinary call over the message limit, keeps the connection', async () => {
    const ws = await connect(server.port, server.token)
    try {
      const got = replies(ws)
      ws.send(JSON.stringify({ type: 'call', id: 1, channel: 'app.info', input: { pad: 'x'.repeat(MAX_MESSAGE_BYTES) } }))
      ws.send(JSON.stringify({ type: 'call', id: 2, channel: 'app.info', input: {} }))
      await until(() => got.size === 2)
      expect(got.get(1)).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } })
      expect(got.get(2)).toMatchObject({ ok: true })
    } finally {
      ws.close()
    }
  })

  it('closes a connection whose frame is over the upload limit (1009), without reading it, and stays up', async () => {
    const ws = await connect(server.port, server.token)
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)))
    ws.on('error', () => {})
    // A text frame header announcing more than the limit; the body never comes.
    const header = Buffer.alloc(14)
    header[0] = 0x81
    header[1] = 0x80 | 127
    header.writeBigUInt64BE(BigInt(MAX_UPLOAD_MESSAGE_BYTES + 1), 2)
    ;(ws as unknown as { _socket: { write(b: Buffer): void } })._socket.write(header)
    expect(await closed).toBe(1009)
    await stillUp()
  })

  it('a CSV upload over the text limit is refused by the contract', async () => {
    const big = 'd'.repeat(64 * 1024 * 1024 + 1)
    const reply = await backend.dispatch('imports.previewCsv', { sources: [{ name: 'big.csv', text: big }], kind: 'ohlcv' })
    expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    if (!reply.ok) expect(reply.error.message).toMatch(/limited to 64 MiB/)
    // Split over files it is the same total.
    const half = big.slice(0, 33 * 1024 * 1024)
    const split = await backend.dispatch('imports.previewCsv', {
      sources: [
        { name: 'a.csv', text: half },
        { name: 'b.csv', text: half },
      ],
      kind: 'ohlcv',
    })
    expect(split).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it(`caps calls in flight per connection at ${MAX_CALLS_IN_FLIGHT} with BUSY`, async () => {
    // A backend whose calls wait until released, so the count in flight is exact.
    let release: () => void = () => {}
    const gate = new Promise<void>((r) => {
      release = r
    })
    const slow = {
      bus: new EventBus(),
      dispatch: async (): Promise<Reply> => {
        await gate
        return { ok: true, value: 'done' }
      },
    } as unknown as Backend
    const staticDir = join(dir.path, 'static')
    const slowServer = await startServer({ backend: slow, staticDir })
    const ws = await connect(slowServer.port, slowServer.token)
    try {
      const got = replies(ws)
      const n = MAX_CALLS_IN_FLIGHT + 4
      for (let id = 1; id <= n; id++) ws.send(JSON.stringify({ type: 'call', id, channel: 'app.info', input: {} }))
      await until(() => got.size === 4)
      for (let id = MAX_CALLS_IN_FLIGHT + 1; id <= n; id++) expect(got.get(id)).toMatchObject({ ok: false, error: { code: 'BUSY' } })
      release()
      await until(() => got.size === n)
      for (let id = 1; id <= MAX_CALLS_IN_FLIGHT; id++) expect(got.get(id)).toMatchObject({ ok: true, value: 'done' })
      // Room again once they finished.
      ws.send(JSON.stringify({ type: 'call', id: 100, channel: 'app.info', input: {} }))
      await until(() => got.has(100))
      expect(got.get(100)).toMatchObject({ ok: true })
    } finally {
      ws.close()
      await slowServer.close()
    }
  })

  it('a malformed or binary message closes only that connection', async () => {
    for (const payload of ['not json', 'null', '{"type":"call","id":"1","channel":"app.info"}']) {
      const ws = await connect(server.port, server.token)
      const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)))
      ws.send(payload)
      expect(await closed).toBe(1003)
    }
    const ws = await connect(server.port, server.token)
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)))
    ws.send(Buffer.from('{}'), { binary: true })
    expect(await closed).toBe(1003)
    await stillUp()
  })
})
