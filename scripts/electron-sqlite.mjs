// Builds better-sqlite3 against Electron's ABI into native-electron/, leaving node_modules'
// Node build untouched (tests, CLI and serve keep using it). Electron loads this copy through
// better-sqlite3's `nativeBinding` option (see electron/main/index.ts).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { root, run } from './lib.mjs'

const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version
const work = mkdtempSync(join(tmpdir(), 'alphadesk-sqlite-'))
try {
  cpSync(join(root, 'node_modules', 'better-sqlite3'), work, { recursive: true })
  rmSync(join(work, 'build'), { recursive: true, force: true })
  const nodeGyp = join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')
  console.log(`alphadesk: building better-sqlite3 for Electron ${electronVersion}…`)
  run(process.execPath, [nodeGyp, 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'], {
    cwd: work,
    // A configured nodedir would point node-gyp at Node's headers instead of Electron's.
    env: { ...process.env, npm_config_nodedir: '', npm_config_runtime: 'electron' },
  })
  mkdirSync(join(root, 'native-electron'), { recursive: true })
  cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), join(root, 'native-electron', 'better_sqlite3.node'))
} finally {
  rmSync(work, { recursive: true, force: true })
}
