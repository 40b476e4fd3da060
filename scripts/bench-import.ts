/**
 * Import benchmark: the full bundled sample into a fresh temp database, against a naive
 * baseline measured in the same run.
 *
 *   npx tsx scripts/bench-import.ts          (npm run bench:import)
 *
 * Baseline: the stocks file inserted row by row in autocommit mode (one implicit transaction
 * per INSERT, same WAL/synchronous=NORMAL settings as the app), for a 50,000-row slice, then
 * extrapolated linearly to the whole file. Said so in the output.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { openDatabase } from '../electron/db/open'
import { importSampleData } from '../electron/services/market'

const resourcesData = join(import.meta.dirname, '..', 'resources', 'data')
const STOCKS = join(resourcesData, 'stocks', 'sp500_daily_2013-02-08_2018-02-07.csv.gz')
const SLICE = 50_000

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })

async function ours(dir: string) {
  const db = openDatabase(join(dir, 'bench.sqlite'))
  try {
    const t0 = performance.now()
    const summary = await importSampleData(db, resourcesData)
    return { seconds: (performance.now() - t0) / 1000, summary }
  } finally {
    db.close()
  }
}

function naive(dir: string) {
  const db = openDatabase(join(dir, 'naive.sqlite'))
  try {
    const t0 = performance.now()
    const lines = gunzipSync(readFileSync(STOCKS)).toString('utf8').split('\n')
    const total = lines.length - 1 - (lines.at(-1) === '' ? 1 : 0)
    const datasetId = db.prepare("INSERT INTO datasets (key, name, kind) VALUES ('naive', 'naive', 'stocks')").run().lastInsertRowid
    const findInstrument = db.prepare('SELECT id FROM instruments WHERE dataset_id = ? AND symbol = ?').pluck()
    const addInstrument = db.prepare('INSERT INTO instruments (dataset_id, symbol) VALUES (?, ?)')
    const addBar = db.prepare('INSERT INTO bars (instrument_id, ts, open, high, low, close, volume) VALUES (?, ?, ?, ?, ?, ?, ?)')
    const num = (s: string) => (s === '' ? null : Number(s))
    for (let i = 1; i <= SLICE; i++) {
      const [date, open, high, low, close, volume, name] = lines[i].split(',')
      const id = (findInstrument.get(datasetId, name) as number | undefined) ?? Number(addInstrument.run(datasetId, name).lastInsertRowid)
      addBar.run(id, Date.parse(`${date}T00:00:00Z`) / 1000, num(open), num(high), num(low), num(close), num(volume))
    }
    const seconds = (performance.now() - t0) / 1000
    return { rows: SLICE, seconds, total, extrapolated: (seconds / SLICE) * total }
  } finally {
    db.close()
  }
}

const dir = mkdtempSync(join(tmpdir(), 'alphadesk-bench-'))
try {
  const a = await ours(dir)
  const b = naive(dir)
  const rows = a.summary.rows
  const rate = rows / a.seconds
  const stocks = a.summary.datasets.find((d) => d.key === 'sp500')!
  const naiveRate = b.rows / b.seconds
  console.log('alphadesk sample import (fresh temp database, one transaction per dataset)')
  for (const d of a.summary.datasets) {
    console.log(
      `  ${d.key.padEnd(9)} ${fmt(d.rows).padStart(8)} rows  ${fmt(d.instruments).padStart(4)} instruments  ${(d.ms / 1000).toFixed(2)} s  ${fmt(d.warnings)} warnings`,
    )
  }
  console.log(`  total     ${fmt(rows).padStart(8)} rows in ${a.seconds.toFixed(2)} s = ${fmt(rate)} rows/s`)
  console.log('')
  console.log(`naive baseline: stocks file, row-by-row INSERT in autocommit mode (WAL, synchronous=NORMAL)`)
  console.log(`  ${fmt(b.rows)}-row slice in ${b.seconds.toFixed(2)} s = ${fmt(naiveRate)} rows/s`)
  console.log(`  extrapolated to all ${fmt(b.total)} stock rows: ${b.extrapolated.toFixed(1)} s (linear extrapolation, not measured)`)
  console.log('')
  console.log(`ratio (rows/s, whole sample vs naive): ${(rate / naiveRate).toFixed(1)}x`)
  console.log(
    `ratio (stocks file: naive extrapolated ${b.extrapolated.toFixed(1)} s vs ours ${(stocks.ms / 1000).toFixed(2)} s): ${(b.extrapolated / (stocks.ms / 1000)).toFixed(1)}x`,
  )
} finally {
  rmSync(dir, { recursive: true, force: true })
}
