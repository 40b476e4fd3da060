import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron'
import type { Backend } from '../host/backend'
import { type AppEntry, isTrustedSender } from './policy'

export const callChannel = 'alphadesk:call'
export const eventChannel = 'alphadesk:event'

/** The sender as policy.ts judges it: its URL and whether it is a top-level frame. */
export function senderOf(event: IpcMainInvokeEvent): { url: string; isTopLevel: boolean } | null {
  const frame = event.senderFrame
  return frame ? { url: frame.url, isTopLevel: frame.parent === null } : null
}

/** Wires the contract to IPC: one invoke channel for calls, one push channel for events. */
export function wireIpc(backend: Backend, entry: AppEntry): void {
  ipcMain.handle(callChannel, async (event, channel: unknown, input: unknown) => {
    // Only our own renderer's top frame may call the backend.
    if (!isTrustedSender(senderOf(event), entry)) {
      return { ok: false, error: { code: 'UNAUTHORIZED', message: 'caller is not the alphadesk renderer' } }
    }
    if (typeof channel !== 'string') return { ok: false, error: { code: 'VALIDATION', message: 'channel must be a string' } }
    return backend.dispatch(channel, input)
  })
  backend.bus.subscribe((name, payload) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(eventChannel, name, payload)
  })
}
