import {
  AppError,
  contract,
  type Channel,
  type Contract,
  type Domain,
  type EventName,
  type EventPayload,
  type Input,
  type MethodName,
  type Output,
} from '../../../electron/contract'
import { ipcTransport, type Transport } from './transport'
import { websocketTransport } from './websocket-transport'

/** The typed client: `api.market.getBars({...})`, derived from the contract, nothing hand-listed. */
export type Api = {
  [D in Domain]: {
    // biome-ignore lint/complexity/noBannedTypes: `{} extends Input` is the test for "every input field is optional"
    [M in MethodName<D>]: {} extends Input<D, M>
      ? (input?: Input<D, M>) => Promise<Output<D, M>>
      : (input: Input<D, M>) => Promise<Output<D, M>>
  }
}

export function createApi(transport: Transport): Api {
  const api = {} as Record<string, Record<string, (input?: unknown) => Promise<unknown>>>
  for (const [domain, methods] of Object.entries(contract)) {
    api[domain] = {}
    for (const name of Object.keys(methods)) {
      const channel = `${domain}.${name}`
      api[domain][name] = async (input?: unknown) => {
        const reply = await transport.call(channel, input ?? {})
        if (!reply.ok) throw AppError.fromData(reply.error)
        return reply.value
      }
    }
  }
  return api as unknown as Api
}

export type EventHandler<E extends EventName> = (payload: EventPayload<E>) => void

function pickTransport(): Transport {
  return window.alphadeskBridge ? ipcTransport(window.alphadeskBridge) : websocketTransport()
}

export const transport: Transport = pickTransport()
export const api: Api = createApi(transport)

/** Subscribes to one contract event; returns the unsubscribe function. */
export function onEvent<E extends EventName>(name: E, handler: EventHandler<E>): () => void {
  return transport.onEvent((n, payload) => {
    if (n === name) handler(payload as EventPayload<E>)
  })
}

/** Transport-level connection changes (browser mode). */
export function onConnection(handler: (connected: boolean) => void): () => void {
  return transport.onEvent((n) => {
    if (n === 'transport.connected') handler(true)
    if (n === 'transport.disconnected') handler(false)
  })
}

export type { Channel, Contract }
