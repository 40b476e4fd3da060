import type { EventName, EventPayload } from '../contract'

export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void

/** Fan-out of contract events to every connected renderer (IPC windows, WebSocket clients). */
export class EventBus {
  private readonly listeners = new Set<EventListener>()

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener(name, payload)
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
