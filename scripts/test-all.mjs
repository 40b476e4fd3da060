// `npm test`: every check, in the order a failure is cheapest to find. Prints a timing table.
import { join } from 'node:path'
import { root, run } from './lib.mjs'

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const steps = [
  ['lint (Biome, layer rules, napi-free core, rustfmt, clippy)', npm, ['run', '--silent', 'lint']],
  ['native addon build', process.execPath, [join(root, 'scripts', 'build-native.mjs')]],
  ['type-check (main, preload, renderer, tests)', npm, ['run', '--silent', 'typecheck']],
  [
    'Electronegativity (Electron security scan, README Security section)',
    process.execPath,
    [join(root, 'scripts', 'electronegativity.mjs')],
  ],
  ['electron-vite build (main, preload, worker, cli, renderer)', npm, ['run', '--silent', 'build']],
  ['Rust unit tests', npm, ['run', '--silent', 'test:rust']],
  ['service tests (vitest, real SQLite + addon + workers)', npm, ['run', '--silent', 'test:unit']],
  ['end-to-end (Playwright, Debian Chromium, browser mode)', npm, ['run', '--silent', 'test:e2e']],
]
const only = process.argv.slice(2)
const timings = []
let failed = null
for (const [name, cmd, args] of steps) {
  if (only.length && !only.some((o) => name.includes(o))) continue
  console.log(`\n=== ${name} ===`)
  const started = Date.now()
  try {
    run(cmd, args)
    timings.push([name, Date.now() - started, 'ok'])
  } catch (err) {
    timings.push([name, Date.now() - started, 'FAILED'])
    failed = err
    break
  }
}
console.log('\n=== summary ===')
for (const [name, ms, state] of timings) console.log(`${state.padEnd(6)} ${(ms / 1000).toFixed(1).padStart(7)} s  ${name}`)
if (failed) {
  console.error(`\nnpm test failed: ${failed.message}`)
  process.exit(1)
}
