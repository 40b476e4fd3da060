// Builds the native addon and the app (electron-vite) when their sources are newer than the output.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { newestMtime, root, run } from './lib.mjs'

export function ensureBuilt({ quiet = false } = {}) {
  run(process.execPath, [join(root, 'scripts', 'build-native.mjs')])
  const out = join(root, 'out', 'main', 'cli.js')
  const sources = newestMtime(['electron', 'renderer', 'electron.vite.config.ts', 'package.json'])
  if (!existsSync(out) || newestMtime(['out']) < sources) {
    if (!quiet) console.log('alphadesk: building the app (electron-vite build)…')
    run(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'])
  }
}

if (import.meta.url === `file://${process.argv[1]}`) ensureBuilt({ quiet: true })
