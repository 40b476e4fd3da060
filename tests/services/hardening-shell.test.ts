import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  appEntry,
  externalLinkAllowed,
  isAppUrl,
  isTrustedSender,
  navigationAllowed,
  permissionAllowed,
  secureWebPreferences,
} from '../../electron/main/policy'

// The Electron shell's decisions, tested without Electron (policy.ts must not import it).
const index = join('/opt', 'alphadesk', 'resources', 'app', 'out', 'renderer', 'index.html')
const built = appEntry(index, undefined)
const dev = appEntry(index, 'http://localhost:5173/')
const appUrl = pathToFileURL(index).href

describe('which URLs are the app', () => {
  it('the built app: exactly its own index.html, not every file:// URL (today any file:// passes)', () => {
    expect(built).toEqual({ kind: 'file', url: appUrl })
    expect(isAppUrl(appUrl, built)).toBe(true)
    expect(isAppUrl(`${appUrl}#/alphas`, built)).toBe(true)
    expect(isAppUrl(`${appUrl}?x=1`, built)).toBe(true)
    for (const url of [
      'file:///tmp/evil.html',
      'file:///home/user/Downloads/index.html',
      pathToFileURL(join('/opt', 'alphadesk', 'resources', 'app', 'out', 'renderer', 'other.html')).href,
      `${appUrl}/../../x.html`,
      'file://attacker-host/opt/alphadesk/resources/app/out/renderer/index.html',
      'http://localhost:5173/',
      'https://example.com/',
      'javascript:alert(1)',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(url, built), url).toBe(false)
    }
  })

  it('development: the dev server origin only', () => {
    expect(dev).toEqual({ kind: 'dev', origin: 'http://localhost:5173' })
    expect(isAppUrl('http://localhost:5173/', dev)).toBe(true)
    expect(isAppUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true)
    // The old prefix check let these through.
    expect(isAppUrl('http://localhost:51730/', dev)).toBe(false)
    expect(isAppUrl('http://localhost:5173.evil.example/', dev)).toBe(false)
    expect(isAppUrl(appUrl, dev)).toBe(false)
    expect(isAppUrl('file:///tmp/evil.html', dev)).toBe(false)
    // A dev URL that is not http(s) is not trusted as an origin.
    expect(appEntry(index, 'file:///tmp/x.html')).toEqual(built)
  })

  it('navigation follows the same rule', () => {
    expect(navigationAllowed(appUrl, built)).toBe(true)
    expect(navigationAllowed('https://example.com/', built)).toBe(false)
    expect(navigationAllowed('file:///etc/passwd', built)).toBe(false)
  })
})

describe('which IPC senders are trusted', () => {
  it('the app top frame only', () => {
    expect(isTrustedSender({ url: appUrl, isTopLevel: true }, built)).toBe(true)
    expect(isTrustedSender({ url: appUrl, isTopLevel: false }, built)).toBe(false)
    expect(isTrustedSender({ url: 'file:///tmp/evil.html', isTopLevel: true }, built)).toBe(false)
    expect(isTrustedSender({ url: 'https://example.com/', isTopLevel: true }, built)).toBe(false)
    expect(isTrustedSender(null, built)).toBe(false)
    expect(isTrustedSender(undefined, built)).toBe(false)
  })
})

describe('links, permissions, webPreferences', () => {
  it('only https links leave for the browser', () => {
    expect(externalLinkAllowed('https://github.com/')).toBe(true)
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'smb://host/share', 'javascript:alert(1)', 'ms-msdt:foo', 'x']) {
      expect(externalLinkAllowed(url), url).toBe(false)
    }
  })

  it('no permission is granted', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'serial']) {
      expect(permissionAllowed(p), p).toBe(false)
    }
  })

  it('the window is isolated, sandboxed and without Node', () => {
    expect(secureWebPreferences('/x/preload.cjs')).toMatchObject({
      preload: '/x/preload.cjs',
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
      disableBlinkFeatures: 'Auxclick',
    })
  })

  it('the wiring uses these decisions (policy.ts itself imports no electron)', () => {
    const src = (f: string) => readFileSync(join(__dirname, '..', '..', 'electron', 'main', f), 'utf8')
    expect(src('policy.ts')).not.toMatch(/from 'electron'/)
    expect(src('window.ts')).toMatch(/webPreferences: secureWebPreferences\(/)
    const security = src('security.ts')
    for (const hook of [
      "'web-contents-created'",
      "'will-navigate'",
      "'will-redirect'",
      "'will-attach-webview'",
      'setPermissionCheckHandler',
      'setPermissionRequestHandler',
    ]) {
      expect(security).toContain(hook)
    }
    expect(src('ipc.ts')).toMatch(/isTrustedSender\(/)
    expect(src('index.ts')).toMatch(/hardenAllContents\(entry\)/)
  })
})
