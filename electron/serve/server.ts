import { createReadStream, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { basename } from 'node:path'
import type { AddressInfo } from 'node:net'
import sirv from 'sirv'
import { WebSocketServer, type WebSocket } from 'ws'
import type { Backend } from '../host/backend'
import { tokenCookie, wsPath, type ClientMessage, type ServerMessage } from '../contract/wire'
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

  const authorised = (req: IncomingMessage, url: URL) =>
    tokenMatches(token, url.searchParams.get('token')) || tokenMatches(token, cookieValue(req.headers.cookie, tokenCookie))

  const refuse = (res: ServerResponse, status: number, message: string) => {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(message)
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (!authorised(req, url)) {
      return refuse(res, 401, 'alphadesk: this session needs its token; open the URL printed by `alphadesk serve`.\n')
    }
    res.setHeader('content-security-policy', csp)
    res.setHeader('x-content-type-options', 'nosniff')
    res.setHeader('referrer-policy', 'no-referrer')
    if (url.searchParams.has('token')) {
      // Trade the URL token for a cookie and drop it from the address bar and history.
      res.setHeader('set-cookie', `${tokenCookie}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`)
      url.searchParams.delete('token')
      res.writeHead(303, { location: url.pathname + url.search }).end()
      return
    }
    if (url.pathname.startsWith('/downloads/')) return sendDownload(res, options.backend.downloadPath(url.pathname))
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
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': size, 'content-disposition': `attachment; filename="${name}"` })
    createReadStream(path).pipe(res)
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 512 * 1024 * 1024 })
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const origin = req.headers.origin
    const sameOrigin = !origin || origin === `http://${req.headers.host}`
    if (url.pathname !== wsPath || !authorised(req, url) || !sameOrigin) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n')
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveClient(ws, options.backend))
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => resolve())
  })
  const port = (server.address() as AddressInfo).port
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

function serveClient(ws: WebSocket, backend: Backend): void {
  const send = (message: ServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message))
  }
  const unsubscribe = backend.bus.subscribe((name, payload) => send({ type: 'event', name, payload } as ServerMessage))
  ws.on('close', unsubscribe)
  ws.on('message', async (data) => {
    let message: ClientMessage
    try {
      message = JSON.parse(String(data)) as ClientMessage
    } catch {
      return ws.close(1003, 'malformed message')
    }
    if (message?.type !== 'call' || typeof message.id !== 'number' || typeof message.channel !== 'string') {
      return ws.close(1003, 'malformed message')
    }
    const reply = await backend.dispatch(message.channel, message.input)
    send({ type: 'reply', id: message.id, ...reply } as ServerMessage)
  })
}
