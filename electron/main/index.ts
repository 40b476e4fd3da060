/** Electron entry: lifecycle only. Everything else is the host-agnostic backend. */
import { app, BrowserWindow } from 'electron'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createBackend, type Backend } from '../host/backend'
import { PickedPaths, pickedPaths } from '../shared/path-policy'
import { wireIpc } from './ipc'
import { wirePickDialog } from './dialog'
import { appEntry } from './policy'
import { denyPermissions, hardenAllContents } from './security'
import { utilityWorkerSpawner } from './utility-worker'
import { createMainWindow } from './window'

const mainDir = dirname(fileURLToPath(import.meta.url))
const appRoot = join(mainDir, '..', '..')

// better-sqlite3 inside Electron needs an Electron-ABI build (scripts/electron-sqlite.mjs);
// Node (tests, CLI, serve) keeps the default build, so neither breaks the other.
const electronSqlite = join(appRoot, 'native-electron', 'better_sqlite3.node')
if (existsSync(electronSqlite)) process.env.ALPHADESK_SQLITE_BINDING = electronSqlite

let backend: Backend | null = null
// The one page this app shows: the built index.html, or the dev server in development.
const entry = appEntry(join(mainDir, '..', 'renderer', 'index.html'), process.env.ELECTRON_RENDERER_URL)
hardenAllContents(entry)

app.whenReady().then(() => {
  denyPermissions()
  // CSV paths are read only when picked in our own dialog this session.
  const picked = new PickedPaths()
  backend = createBackend({
    dataDir: app.getPath('userData'),
    mode: 'electron',
    spawnWorker: (dbPath) => utilityWorkerSpawner(dbPath, mainDir),
    importPaths: pickedPaths(picked),
  })
  wireIpc(backend, entry)
  wirePickDialog(picked, entry)
  createMainWindow(mainDir, entry)
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(mainDir, entry)
  })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

app.on('will-quit', () => {
  void backend?.close()
})
