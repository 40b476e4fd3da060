import { createRequire } from 'node:module'
import { join } from 'node:path'
import { appRoot } from '../shared/app-root'

/** The napi addon's own generated typings are the one declaration of its API. */
export type NativeAddon = typeof import('../../native/node/index.js')

let addon: NativeAddon | null = null

/**
 * Loads the Rust engine's addon once per process. Workers run it; the main process uses only
 * its pure, fast calls (the formula parser, the engine version).
 */
export function loadNative(): NativeAddon {
  addon ??= createRequire(import.meta.url)(join(appRoot(), 'native', 'node', 'index.js')) as NativeAddon
  return addon
}
