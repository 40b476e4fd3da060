import { createReadStream, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { basename } from 'node:path'
import type { Duplex } from 'node:stream'
import sirv from 'sirv'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import type { Backend } from '../host/backend'
import { MAX_CALLS_IN_FLIGHT, MAX_MESSAGE_BYTES, MAX_UPLOAD_MESSAGE_BYTES, MiB, UPLOAD_CHANNELS } from '../contract/limits'
import { tokenCookie, wsPath, type ClientMessage, type ServerMessage } from '../contract/wire'
import { hostPolicy, originAllowed, parseTarget, type Target } from './request'
import { cookieValue, newToken, tokenMatches } from './token'

export interface ServeOptions {
  backend: Backend
  /** The built renderer (out/renderer). */
  staticDir: string
  host?: string
  port?: number
  token?: string
}

export interface RunningServer {
  url: string
  port: number
  token: string
  close(): Promise<void>
}

/** Content-Security-Policy for the served renderer: same origin only, no inline script. */
const csp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ')

/**
 * Browser mode: the same backend, over HTTP (static renderer) and a WebSocket carrying the
 * contract. Every request needs the session token, given once in the URL and then held in
 * an HttpOnly SameSite=Strict cookie.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1'
  const token = options.token ?? newToken()
  const statics = sirv(options.staticDir, { single: true, dev: false, etag: true })
  // The Host allow-list needs the port, known once listening (port 0 = any free port).
  let hostAllowed: (hostHeader: string | undefined) => boolean = () => false

  const authorised = (req: IncomingMessage, target: Target) =>
    tokenMatches(token, target.params.get('token')) || tokenMatches(token, cookieValue(req.headers.cookie, tokenCookie))

  /** Why a request is refused before the token is looked at, or null. Never throws. */
  const precheck = (req: IncomingMessage): { status: number; message: string } | { target: Target } => {
    if (!hostAllowed(req.headers.host))
      return { status: 421, message: 'alphadesk: unexpected Host header (open the URL printed by `alphadesk serve`).\n' }
    if (!originAllowed(req.headers.origin, hostAllowed))
      return { status: 403, message: 'alphadesk: requests from other origins are refused.\n' }
    const target = parseTarget(req.url)
    if (!target) return { status: 400, message: 'alphadesk: malformed request target.\n' }
    return { target }
  }

  const refuse = (res: ServerResponse, status: number, message: string) => {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' }).end(message)
  }

  const server = createServer((req, res) => {
    const checked = precheck(req)
    if (!('target' in checked)) return refuse(res, checked.status, checked.message)
    const { target } = checked
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'alphadesk: only GET and HEAD are served.\n')
    if (!authorised(req, target)) {
      return refuse(res, 401, 'alphadesk: this session needs its token; open the URL printed by `alphadesk serve`.\n')
    }
    res.setHeader('content-security-policy', csp)
    res.setHeader('x-content-type-options', 'nosniff')
    res.setHeader('referrer-policy', 'no-referrer')
    if (target.params.has('token')) {
      // Trade the URL token for a cookie and drop it from the address bar and history.
      res.setHeader('set-cookie', `${tokenCookie}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`)
      target.params.delete('token')
      const query = target.params.toString()
      res.writeHead(303, { location: target.pathname + (query ? `?${query}` : '') }).end()
      return
    }
    if (target.pathname.startsWith('/downloads/')) return sendDownload(res, options.backend.downloadPath(target.pathname))
    statics(req, res, () => refuse(res, 404, 'not found\n'))
  })

  /** An export prepared for this page (browser mode has no save dialog): sent as an attachment. */
  const sendDownload = (res: ServerResponse, path: string | null) => {
    let size: number
    try {
      if (!path) throw new Error('no such download')
      const st = statSync(path)
      if (!st.isFile()) throw new Error('not a file')
      size = st.size
    } catch {
      return refuse(res, 404, 'not found\n')
    }
    const name = basename(path).replace(/[^A-Za-z0-9._-]/g, '_')
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': size,
      'content-disposition': `attachment; filename="${name}"`,
    })
    createReadStream(path).pipe(res)
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_UPLOAD_MESSAGE_BYTES })
  server.on('upgrade', (req, socket: Duplex, head) => {
    // A peer that resets mid-handshake must not become an uncaught 'error'.
    socket.on('error', () => socket.destroy())
    const refuseUpgrade = (status: number, reason: string) => {
      socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
    }
    const checked = precheck(req)
    if (!('target' in checked)) return refuseUpgrade(checked.status, checked.status === 400 ? 'Bad Request' : 'Forbidden')
    if (checked.target.pathname !== wsPath) return refuseUpgrade(404, 'Not Found')
    if (!authorised(req, checked.target)) return refuseUpgrade(401, 'Unauthorized')
    // An origin-less upgrade (a non-browser client with the token) is accepted; browsers always send one.
    wss.handleUpgrade(req, socket, head, (ws) => serveClient(ws, options.backend))
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  hostAllowed = hostPolicy(host, port)
  const shownHost = host.includes(':') ? `[${host}]` : host
  return {
    url: `http://${shownHost}:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate()
        wss.close()
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

function byteLength(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((n, b) => n + b.byteLength, 0)
  return data.byteLength
}

/**
 * One client's calls: each message is one call, answered by id. Ordinary calls may be up to
 * MAX_MESSAGE_BYTES, CSV uploads up to MAX_UPLOAD_MESSAGE_BYTES (ws closes the connection
 * with 1009 above that), and at most MAX_CALLS_IN_FLIGHT run at once (more are refused with
 * BUSY, not queued). A malformed message closes the connection; nothing a client sends throws.
 */
function serveClient(ws: WebSocket, backend: Backend): void {
  let inFlight = 0
  const send = (message: ServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message))
  }
  const refuse = (id: number, code: 'TOO_LARGE' | 'BUSY', message: string) =>
    send({ type: 'reply', id, ok: false, error: { code, message } })
  const unsubscribe = backend.bus.subscribe((name, payload) => send({ type: 'event', name, payload } as ServerMessage))
  ws.on('close', unsubscribe)
  // Protocol errors (oversized or malformed frames) arrive here; without a listener they would be thrown.
  ws.on('error', () => ws.terminate())
  ws.on('message', async (data, isBinary) => {
    let message: ClientMessage
    try {
      if (isBinary) throw new Error('binary')
      message = JSON.parse(Array.isArray(data) ? Buffer.concat(data).toString() : data.toString()) as ClientMessage
    } catch {
      return ws.close(1003, 'malformed message')
    }
    if (message?.type !== 'call' || !Number.isSafeInteger(message.id) || typeof message.channel !== 'string') {
      return ws.close(1003, 'malformed message')
    }
    const bytes = byteLength(data)
    if (bytes > MAX_MESSAGE_BYTES && !UPLOAD_CHANNELS.includes(message.channel)) {
      return refuse(
        message.id,
        'TOO_LARGE',
        `message of ${(bytes / MiB).toFixed(1)} MiB; calls are limited to ${MAX_MESSAGE_BYTES / MiB} MiB`,
      )
    }
    if (inFlight >= MAX_CALLS_IN_FLIGHT) {
      return refuse(message.id, 'BUSY', `${MAX_CALLS_IN_FLIGHT} calls are already running on this connection; wait for one to finish`)
    }
    inFlight++
    try {
      const reply = await backend.dispatch(message.channel, message.input)
      send({ type: 'reply', id: message.id, ...reply } as ServerMessage)
    } finally {
      inFlight--
    }
  })
}
