import { BrowserWindow } from 'electron'
import { join } from 'node:path'
import { harden } from './security'

export function createMainWindow(mainDir: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1000,
    minHeight: 640,
    show: false,
    title: 'alphadesk',
    backgroundColor: '#0f1115',
    webPreferences: {
      preload: join(mainDir, '..', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  })
  harden(window.webContents)
  window.once('ready-to-show', () => window.show())
  const devUrl = process.env.ELECTRON_RENDERER_URL
  if (devUrl) void window.loadURL(devUrl)
  else void window.loadFile(join(mainDir, '..', 'renderer', 'index.html'))
  return window
}
