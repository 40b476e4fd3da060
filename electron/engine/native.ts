import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The napi addon's own generated typings are the one declaration of its API. */
export type NativeEngine = typeof import('../../native/node/index.js')

let root: string | null = null

/**
 * The app root: the nearest folder above this module whose package.json is alphadesk's.
 * Searched rather than fixed because the bundler may place this module in a chunk folder.
 */
export function appRoot(): string {
  if (process.env.ALPHADESK_ROOT) return process.env.ALPHADESK_ROOT
  if (root) return root
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const manifest = join(dir, 'package.json')
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'alphadesk') return (root = dir)
    const parent = dirname(dir)
    if (parent === dir) throw new Error('cannot find the alphadesk app root (set ALPHADESK_ROOT)')
    dir = parent
  }
}

let engine: NativeEngine | null = null

/** Loads the Rust addon once per process. Only worker processes (and app.info) call this. */
export function loadNativeEngine(): NativeEngine {
  engine ??= createRequire(import.meta.url)(join(appRoot(), 'native', 'node', 'index.js')) as NativeEngine
  return engine
}
