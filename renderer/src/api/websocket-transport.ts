import type { Reply } from '../../../electron/contract'
import { wsPath, type ClientMessage, type ServerMessage } from '../../../electron/contract/wire'
import type { Transport } from './transport'

type Pending = { resolve: (reply: Reply) => void }

/**
 * Browser mode: one WebSocket to the backend (same origin; the session cookie carries the
 * token). Reconnects with backoff; calls made while disconnected wait for the socket.
 */
export function websocketTransport(location: Location = window.location): Transport {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${wsPath}`
  const pending = new Map<number, Pending>()
  const listeners = new Set<(name: string, payload: unknown) => void>()
  let nextId = 1
  let socket: WebSocket
  let opened: Promise<void>
  let retry = 0

  const connect = () => {
    socket = new WebSocket(url)
    opened = new Promise((resolve) => socket.addEventListener('open', () => resolve(), { once: true }))
    socket.addEventListener('open', () => {
      retry = 0
      for (const l of listeners) l('transport.connected', null)
    })
    socket.addEventListener('message', (e) => {
      const message = JSON.parse(String(e.data)) as ServerMessage
      if (message.type === 'reply') {
        const p = pending.get(message.id)
        pending.delete(message.id)
        p?.resolve(message.ok ? { ok: true, value: message.value } : { ok: false, error: message.error })
      } else {
        for (const l of listeners) l(message.name, message.payload)
      }
    })
    socket.addEventListener('close', () => {
      for (const [id, p] of pending) {
        p.resolve({ ok: false, error: { code: 'INTERNAL', message: 'lost the connection to the alphadesk backend' } })
        pending.delete(id)
      }
      for (const l of listeners) l('transport.disconnected', null)
      retry++
      setTimeout(connect, Math.min(5000, 200 * 2 ** retry))
    })
  }
  connect()

  return {
    kind: 'websocket',
    async call(channel, input) {
      await opened
      const id = nextId++
      const message: ClientMessage = { type: 'call', id, channel, input }
      return new Promise<Reply>((resolve) => {
        pending.set(id, { resolve })
        socket.send(JSON.stringify(message))
      })
    },
    onEvent(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
