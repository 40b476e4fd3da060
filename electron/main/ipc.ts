import { BrowserWindow, ipcMain } from 'electron'
import type { Backend } from '../host/backend'
import { isAppUrl } from './security'

export const callChannel = 'alphadesk:call'
export const eventChannel = 'alphadesk:event'

/** Wires the contract to IPC: one invoke channel for calls, one push channel for events. */
export function wireIpc(backend: Backend): void {
  ipcMain.handle(callChannel, async (event, channel: unknown, input: unknown) => {
    // Only our own renderer may call the backend.
    if (!event.senderFrame || !isAppUrl(event.senderFrame.url)) {
      return { ok: false, error: { code: 'UNAUTHORIZED', message: 'caller is not the alphadesk renderer' } }
    }
    if (typeof channel !== 'string') return { ok: false, error: { code: 'VALIDATION', message: 'channel must be a string' } }
    return backend.dispatch(channel, input)
  })
  backend.bus.subscribe((name, payload) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(eventChannel, name, payload)
  })
}
