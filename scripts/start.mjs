// `npm start`: the desktop app where Electron's binary is available, else browser mode (and says so).
// `npm run serve` (--browser): browser mode directly. Extra arguments go to `alphadesk serve`.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { ensureBuilt } from './ensure-built.mjs'
import { electronBinary, root, run } from './lib.mjs'

const args = process.argv.slice(2)
const browserOnly = args.includes('--browser')
const passThrough = args.filter((a) => a !== '--browser')

ensureBuilt()

function serve(reason) {
  if (reason) console.log(`alphadesk: ${reason}\nalphadesk: starting in browser mode instead — open the URL below in any browser.`)
  const child = spawn(process.execPath, [join(root, 'out', 'main', 'cli.js'), 'serve', ...passThrough], { stdio: 'inherit' })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code) => process.exit(code ?? 0))
}

/** Fetches Electron's binary once (it is not downloaded at install); fails fast offline. */
function tryInstallElectron() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return 'ELECTRON_SKIP_BINARY_DOWNLOAD is set'
  console.log('alphadesk: fetching the Electron binary (first start only)…')
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], {
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
    timeout: 180_000,
  })
  if (result.status === 0) return null
  const firstError = (result.stderr ?? '').split('\n').find((line) => /error|failed/i.test(line))
  return `the download failed${firstError ? `: ${firstError.trim()}` : ''}`
}

if (browserOnly) serve()
else {
  let exe = electronBinary()
  const why = exe ? null : tryInstallElectron()
  exe = exe ?? electronBinary()
  if (!exe) serve(`the Electron binary is not available (${why ?? 'not installed'}).`)
  else {
    // better-sqlite3 needs an Electron-ABI build inside Electron; build it once beside the Node one.
    if (!existsSync(join(root, 'native-electron', 'better_sqlite3.node'))) {
      try {
        run(process.execPath, [join(root, 'scripts', 'electron-sqlite.mjs')])
      } catch (err) {
        serve(`could not build better-sqlite3 for Electron (${err.message}).`)
        process.exitCode = 0
      }
    }
    if (existsSync(join(root, 'native-electron', 'better_sqlite3.node'))) {
      const child = spawn(exe, [root], { stdio: 'inherit' })
      child.on('exit', (code) => process.exit(code ?? 0))
    }
  }
}
