import type { ErrorData } from './errors'
import type { EventName, EventPayload } from './events'

/** Browser-mode WebSocket messages (the Electron transport uses IPC channels instead). */
export type ClientMessage = { type: 'call'; id: number; channel: string; input: unknown }

export type ServerMessage =
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: ErrorData }
  | { [E in EventName]: { type: 'event'; name: E; payload: EventPayload<E> } }[EventName]

export const wsPath = '/ws'
export const tokenCookie = 'alphadesk_token'
