import { app, session, shell, type WebContents } from 'electron'
import { type AppEntry, externalLinkAllowed, navigationAllowed, permissionAllowed } from './policy'

/**
 * Locks one web contents down: navigation and redirects only within the app, no webviews, no
 * new windows (https links go to the user's browser). Decisions live in policy.ts.
 */
export function harden(contents: WebContents, entry: AppEntry): void {
  contents.on('will-navigate', (event) => {
    if (!navigationAllowed(event.url, entry)) event.preventDefault()
  })
  contents.on('will-frame-navigate', (event) => {
    if (!navigationAllowed(event.url, entry)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => {
    if (!navigationAllowed(event.url, entry)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (externalLinkAllowed(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
}

/** Every web contents the app creates, not only the main window, gets the same locks. */
export function hardenAllContents(entry: AppEntry): void {
  app.on('web-contents-created', (_event, contents) => harden(contents, entry))
}

/** No permission is ever granted, whether requested or merely checked. */
export function denyPermissions(): void {
  const s = session.defaultSession
  s.setPermissionRequestHandler((_contents, permission, callback) => callback(permissionAllowed(permission)))
  s.setPermissionCheckHandler((_contents, permission) => permissionAllowed(permission))
}
