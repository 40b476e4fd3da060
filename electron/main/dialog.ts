import { BrowserWindow, dialog, ipcMain } from 'electron'
import type { PickedPaths } from '../shared/path-policy'
import type { AppEntry } from './policy'
import { isTrustedSender } from './policy'
import { senderOf } from './ipc'

export const pickChannel = 'alphadesk:pick-csv'

/**
 * The only way a backend-side path reaches a CSV import in Electron: the user picks it in a
 * dialog this process opens, and the pick is remembered for the session (PickedPaths).
 */
export function wirePickDialog(picked: PickedPaths, entry: AppEntry): void {
  ipcMain.handle(pickChannel, async (event, kind: unknown) => {
    if (!isTrustedSender(senderOf(event), entry)) return null
    const window = BrowserWindow.fromWebContents(event.sender)
    const options: Electron.OpenDialogOptions =
      kind === 'folder'
        ? { title: 'Choose a folder of CSV files', properties: ['openDirectory'] }
        : { title: 'Choose a CSV file', properties: ['openFile'], filters: [{ name: 'CSV', extensions: ['csv', 'gz', 'txt', 'tsv'] }] }
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
    if (result.canceled || result.filePaths.length === 0) return null
    for (const path of result.filePaths) picked.add(path)
    return result.filePaths[0]
  })
}
