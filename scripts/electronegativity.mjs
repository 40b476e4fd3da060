#!/usr/bin/env node
// Electronegativity (Doyensec's Electron security scanner) over the app's own sources: the
// main process, preload, and the renderer (for its CSP), assuming the installed Electron
// version. Fails on any finding above LOW unless the README's Security section accepts it
// (check id + file) with a written reason. Usage: node scripts/electronegativity.mjs [--json]
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version
const scannerVersion = JSON.parse(readFileSync(require.resolve('@doyensec/electronegativity/package.json'), 'utf8')).version
const severityRank = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3 }

/** Accepted findings: rows `| CHECK_ID | path | reason |` of the README's "Electronegativity" table. */
export function acceptedFindings(readme) {
  const start = readme.indexOf('### Electronegativity')
  if (start < 0) return []
  const next = readme.indexOf('\n#', start + 1)
  const section = readme.slice(start, next < 0 ? undefined : next)
  const rows = []
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim())
    if (cells.length < 5 || !/^`?[A-Z_]+_CHECK`?$/.test(cells[1])) continue
    rows.push({ id: cells[1].replaceAll('`', ''), file: cells[2].replaceAll('`', ''), reason: cells[3] })
  }
  return rows
}

async function scan() {
  // One input holding main, preload and renderer, so the global checks (CSP, navigation
  // limits, permission handler) see the whole app, and nothing else (no node_modules).
  const stage = mkdtempSync(join(tmpdir(), 'alphadesk-electronegativity-'))
  try {
    cpSync(join(root, 'electron'), join(stage, 'electron'), { recursive: true })
    cpSync(join(root, 'renderer'), join(stage, 'renderer'), { recursive: true, filter: (src) => !src.includes('node_modules') })
    const run = require('@doyensec/electronegativity')
    const quiet = console.log
    console.log = () => {} // the scanner chats about translations and release lists (offline is fine)
    try {
      return await run(
        {
          input: stage,
          isRelative: true,
          electronVersionOverride: electronVersion,
          customScan: [],
          excludeFromScan: [],
          parserPlugins: [],
        },
        false,
      )
    } finally {
      console.log = quiet
    }
  } finally {
    rmSync(stage, { recursive: true, force: true })
  }
}

async function main() {
  const result = await scan()
  const accepted = acceptedFindings(readFileSync(join(root, 'README.md'), 'utf8'))
  const findings = result.issues.map((i) => ({
    id: i.id,
    severity: i.severity.name,
    confidence: i.confidence.name,
    file: i.file,
    line: i.location.line,
    column: i.location.column,
    description: i.description,
  }))
  const isAccepted = (f) => accepted.some((a) => a.id === f.id && a.file === f.file && a.reason.length >= 20)
  const blocking = findings.filter((f) => severityRank[f.severity] > severityRank.LOW && !isAccepted(f))
  const parseErrors = result.errors.filter((e) => !e.tolerable)
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ electronVersion, scannerVersion, findings, blocking, parseErrors }, null, 2))
  } else {
    console.log(
      `electronegativity ${scannerVersion}, Electron ${electronVersion}: ${result.atomicChecks} atomic and ${result.globalChecks} global checks`,
    )
    for (const f of findings) {
      const mark = severityRank[f.severity] <= severityRank.LOW ? 'ok (low)' : isAccepted(f) ? 'accepted (README)' : 'FAIL'
      console.log(
        `  ${f.severity.padEnd(6)} ${f.confidence.padEnd(9)} ${f.id.padEnd(34)} ${`${f.file}:${f.line}:${f.column}`.padEnd(36)} ${mark}`,
      )
    }
    for (const a of accepted) {
      if (!findings.some((f) => f.id === a.id && f.file === a.file))
        console.log(`  note: README accepts ${a.id} in ${a.file}, which no longer occurs; remove the row`)
    }
    for (const e of parseErrors) console.log(`  FAIL could not parse ${e.file}: ${e.message}`)
  }
  if (blocking.length || parseErrors.length) {
    console.error(
      `electronegativity: ${blocking.length} finding(s) above LOW without a reason in the README's Security section` +
        (parseErrors.length ? `, ${parseErrors.length} file(s) not parsed` : ''),
    )
    process.exit(1)
  }
  console.log('electronegativity: no finding above LOW without a written reason')
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main()
