import { BrowserWindow } from 'electron'
import { join } from 'node:path'
import type { AppEntry } from './policy'
import { secureWebPreferences } from './policy'

export function createMainWindow(mainDir: string, entry: AppEntry): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1000,
    minHeight: 640,
    show: false,
    title: 'alphadesk',
    backgroundColor: '#0f1115',
    webPreferences: secureWebPreferences(join(mainDir, '..', 'preload', 'index.cjs')),
  })
  // Navigation, window-open and webview locks come from app.on('web-contents-created') (security.ts).
  window.once('ready-to-show', () => window.show())
  if (entry.kind === 'dev') void window.loadURL(process.env.ELECTRON_RENDERER_URL ?? entry.origin)
  else void window.loadURL(entry.url)
  return window
}
