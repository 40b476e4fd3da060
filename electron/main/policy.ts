/**
 * The Electron shell's security decisions as pure functions (no `electron` import, so they
 * are unit-tested in plain Node): which URLs are the app, which IPC senders are trusted,
 * which links may open outside, and the window's webPreferences. security.ts wires them.
 */
import { pathToFileURL } from 'node:url'

/** Where the renderer is loaded from: the built index.html, or electron-vite's dev server. */
export type AppEntry = { kind: 'file'; url: string } | { kind: 'dev'; origin: string }

/** The app's entry: the dev server when ELECTRON_RENDERER_URL is set (development), else the built file. */
export function appEntry(indexHtml: string, devUrl: string | undefined): AppEntry {
  if (devUrl) {
    const origin = originOf(devUrl)
    if (origin && /^https?:$/.test(new URL(devUrl).protocol)) return { kind: 'dev', origin }
  }
  return { kind: 'file', url: pathToFileURL(indexHtml).href }
}

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

function originOf(url: string): string | null {
  const u = parse(url)
  return u && u.origin !== 'null' ? u.origin : null
}

/**
 * Is this URL the app itself? For the built app: exactly its index.html (any query or
 * fragment), not any other file:// URL — a downloaded page or a file under /tmp is not the
 * app. In development: the dev server's origin.
 */
export function isAppUrl(url: string, entry: AppEntry): boolean {
  const u = parse(url)
  if (!u) return false
  if (entry.kind === 'dev') return u.origin === entry.origin
  if (u.protocol !== 'file:' || u.host !== '') return false
  u.search = ''
  u.hash = ''
  return u.href === entry.url
}

/** IPC is answered only for the app's own top-level frame (no iframes, no other pages). */
export function isTrustedSender(frame: { url: string; isTopLevel: boolean } | null | undefined, entry: AppEntry): boolean {
  return Boolean(frame?.isTopLevel && isAppUrl(frame.url, entry))
}

/** Navigation (will-navigate, will-redirect, will-frame-navigate) stays on the app. */
export function navigationAllowed(url: string, entry: AppEntry): boolean {
  return isAppUrl(url, entry)
}

/** Links the app may hand to the user's browser: https only (never file:, smb:, custom schemes). */
export function externalLinkAllowed(url: string): boolean {
  return parse(url)?.protocol === 'https:'
}

/** Permissions (camera, notifications, clipboard read, …): the app needs none. */
export function permissionAllowed(_permission: string): boolean {
  return false
}

/** The main window's webPreferences: isolated, sandboxed, no Node, no webviews, no insecure content, no middle-click windows. */
export function secureWebPreferences(preload: string) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    // Middle-click would try to open a link in a new window (refused anyway by the window-open handler).
    disableBlinkFeatures: 'Auxclick',
  } as const
}
