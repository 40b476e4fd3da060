/** Exposes the typed bridge and nothing else: one call function, one event subscription. */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'

const callChannel = 'alphadesk:call'
const eventChannel = 'alphadesk:event'

contextBridge.exposeInMainWorld('alphadeskBridge', {
  call: (channel: string, input: unknown) => ipcRenderer.invoke(callChannel, channel, input),
  onEvent: (listener: (name: string, payload: unknown) => void) => {
    const wrapped = (_event: IpcRendererEvent, name: string, payload: unknown) => listener(name, payload)
    ipcRenderer.on(eventChannel, wrapped)
    return () => {
      ipcRenderer.removeListener(eventChannel, wrapped)
    }
  },
})
