// The Rust core crate (native/engine) knows nothing of Node: no napi dependency, direct or
// transitive, and no napi in its code. The binding crate (native/node) is the only place for it.
// Usage: node scripts/check-engine-napi-free.mjs   (exit 1 and a list of findings when violated)
import { spawnSync } from 'node:child_process'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { root } from './lib.mjs'

const crate = join(root, 'native', 'engine')
const findings = []

// 1. Cargo.toml: a dependency key naming napi in any [*dependencies] table (also target-specific ones).
let table = ''
readFileSync(join(crate, 'Cargo.toml'), 'utf8')
  .split('\n')
  .forEach((line, i) => {
    const header = line.match(/^\s*\[([^\]]+)\]/)
    if (header) table = header[1]
    const key = line.match(/^\s*([A-Za-z0-9_.-]+)\s*=/)?.[1] ?? ''
    const inDeps = /dependencies/.test(table)
    if ((inDeps && /napi/i.test(key)) || (header && /dependencies\.[^.]*napi/i.test(table))) {
      findings.push(`native/engine/Cargo.toml:${i + 1}: ${line.trim()}`)
    }
  })

// 2. Sources (src, tests, examples, benches, build.rs): `napi` in code; comments may say "no napi".
const withoutComments = (text) => text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/\/\/.*$/gm, '')
const rustFiles = (p) => {
  let s
  try {
    s = statSync(p)
  } catch {
    return []
  }
  if (s.isDirectory()) return readdirSync(p).flatMap((name) => rustFiles(join(p, name)))
  return p.endsWith('.rs') ? [p] : []
}
for (const file of ['src', 'tests', 'examples', 'benches', 'build.rs'].flatMap((sub) => rustFiles(join(crate, sub)))) {
  withoutComments(readFileSync(file, 'utf8'))
    .split('\n')
    .forEach((line, i) => {
      if (/napi/i.test(line)) findings.push(`${relative(root, file)}:${i + 1}: ${line.trim().slice(0, 120)}`)
    })
}

// 3. The resolved dependency graph (catches a crate that pulls napi in transitively). --locked: never rewrite Cargo.lock.
const tree = spawnSync(
  'cargo',
  [
    'tree',
    '--manifest-path',
    join(root, 'native', 'Cargo.toml'),
    '-p',
    'alphadesk-engine',
    '-e',
    'normal,build,dev',
    '--prefix',
    'none',
    '--locked',
  ],
  { cwd: root, encoding: 'utf8' },
)
if (tree.error || tree.status !== 0) {
  findings.push(`cargo tree failed: ${tree.error?.message ?? tree.stderr.trim().split('\n').pop()}`)
} else {
  for (const dep of new Set(tree.stdout.split('\n').filter((l) => /^napi/i.test(l)))) findings.push(`dependency graph: ${dep}`)
}

if (findings.length) {
  console.error('native/engine must not depend on napi (the binding belongs in native/node):')
  for (const f of findings) console.error(`  ${f}`)
  process.exit(1)
}
console.log('native/engine is napi-free (Cargo.toml, sources, dependency graph)')
