/** Exposes the typed bridge and nothing else: one call function, one event subscription, the CSV file dialog. */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'

const callChannel = 'alphadesk:call'
const eventChannel = 'alphadesk:event'
const pickChannel = 'alphadesk:pick-csv'

contextBridge.exposeInMainWorld('alphadeskBridge', {
  call: (channel: string, input: unknown) => ipcRenderer.invoke(callChannel, channel, input),
  /** Opens the main process's file dialog; the path it returns is the only kind a CSV import may read. */
  pickCsvPath: (kind: 'file' | 'folder'): Promise<string | null> => ipcRenderer.invoke(pickChannel, kind),
  onEvent: (listener: (name: string, payload: unknown) => void) => {
    const wrapped = (_event: IpcRendererEvent, name: string, payload: unknown) => listener(name, payload)
    ipcRenderer.on(eventChannel, wrapped)
    return () => {
      ipcRenderer.removeListener(eventChannel, wrapped)
    }
  },
})
