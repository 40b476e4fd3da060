import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The napi addon's own generated typings are the one declaration of its API. */
export type NativeEngine = typeof import('../../native/node/index.js')

/** The app root: two levels above this module both in source (electron/engine) and built (out/main). */
export function appRoot(): string {
  return process.env.ALPHADESK_ROOT ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..')
}

let engine: NativeEngine | null = null

/** Loads the Rust addon once per process. Only worker processes call this. */
export function loadNativeEngine(): NativeEngine {
  engine ??= createRequire(import.meta.url)(join(appRoot(), 'native', 'node', 'index.js')) as NativeEngine
  return engine
}
