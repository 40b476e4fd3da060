import type { Reply } from '../../../electron/contract'

/** How calls and events travel: Electron IPC (preload bridge) or the browser-mode WebSocket. */
export interface Transport {
  call(channel: string, input: unknown): Promise<Reply>
  onEvent(listener: (name: string, payload: unknown) => void): () => void
  readonly kind: 'ipc' | 'websocket'
}

/** What the preload script exposes on window (see electron/preload/index.ts). */
export interface Bridge {
  call(channel: string, input: unknown): Promise<Reply>
  onEvent(listener: (name: string, payload: unknown) => void): () => void
  /** Electron only: the main process's open dialog; a CSV import reads only paths picked here. */
  pickCsvPath?(kind: 'file' | 'folder'): Promise<string | null>
}

declare global {
  interface Window {
    alphadeskBridge?: Bridge
  }
}

export function ipcTransport(bridge: Bridge): Transport {
  return { kind: 'ipc', call: bridge.call, onEvent: bridge.onEvent }
}
