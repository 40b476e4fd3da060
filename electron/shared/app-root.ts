import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

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
