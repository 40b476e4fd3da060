/**
 * Trade book benchmark (npm run bench:book):
 *  1. a million seeded trades: insert, pages of filters in sort orders (first page and the
 *     pages after it), the summary of a filter, exports to CSV, XLSX, Parquet (+ JSON/NDJSON);
 *  2. all 101 alphas of the sample (57M values) in long format to CSV and Parquet, against
 *     the writers before the export service, measured in the same run;
 *  3. the live API on loopback under autocannon: trade events a second, p99, none lost or doubled.
 * Wall and CPU time, the event loop's worst stall during exports, the load average.
 *
 *   npx tsx scripts/bench-book.ts [--trades N] [--api-seconds S] [--skip-alphas] [--skip-api]
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TradeFilter, TradeSort } from '../electron/contract'
import { openDatabase } from '../electron/db/open'
import { exportTrades, insertTrades, pageTrades, summarise } from '../electron/services/book'
import { pickTradeColumns, tradeBatches } from '../electron/services/book/export-source'
import { whereOf } from '../electron/services/book/filter'
import { sortSql, tradeColumnsSql } from '../electron/services/book/rows'
import { countTrades, sortIndexes, tradeRowBatches } from '../electron/services/book/store'
import { makeTrades } from '../tests/services/helpers/trades'
import { computeAllAlphas } from './bench-book/alpha-run'
import { apiLoad } from './bench-book/api-load'
import { load, measure, median, s } from './bench-book/measure'

const args = process.argv.slice(2)
const flag = (name: string) => args.includes(name)
const value = (name: string, dflt: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt)
const nTrades = value('--trades', 1_000_000)
const apiSeconds = value('--api-seconds', 10)
const root = join(import.meta.dirname, '..')
const dir = mkdtempSync(join(tmpdir(), 'alphadesk-bench-book-'))
const result: Record<string, string | number> = {}
const mib = (path: string) => `${(statSync(path).size / 2 ** 20).toFixed(1)} MiB`

console.log(`bench:book — ${cpus().length} cores, load ${load()}, data in ${dir}`)
try {
  const db = openDatabase(join(dir, 'alphadesk.sqlite'))

  // ---- 1. a million trades ------------------------------------------------------------------
  let trades: ReturnType<typeof makeTrades> | null = makeTrades(nTrades, 11)
  const rangeFrom = trades[Math.floor(nTrades / 10)].entryTs!
  const rangeTo = trades[Math.floor(nTrades * 0.4)].entryTs!
  const ins = await measure(() => insertTrades(db, trades!))
  // A million trade objects kept alive would make every later garbage collection (and so every figure below) slower.
  trades = null
  console.log(`insert ${nTrades.toLocaleString('en-US')} trades: ${s(ins.wallMs)} wall, ${s(ins.cpuMs)} CPU (target ≤ 3 s)`)
  result.insert_s = +(ins.wallMs / 1000).toFixed(2)
  result.insert_cpu_s = +(ins.cpuMs / 1000).toFixed(2)
  // The step inside the insert that dominates: the sort indexes built once the rows are in (same transaction there).
  const idx = await measure(() =>
    db.transaction(() => {
      for (const name of Object.keys(sortIndexes)) db.exec(`DROP INDEX ${name}`)
      for (const sql of Object.values(sortIndexes)) db.exec(sql)
    })(),
  )
  console.log(
    `  of which building the ${Object.keys(sortIndexes).length} sort indexes (measured again): ${s(idx.wallMs)} wall, ${s(idx.cpuMs)} CPU`,
  )
  result.insert_indexes_s = +(idx.wallMs / 1000).toFixed(2)

  const queries: [string, TradeFilter, TradeSort][] = [
    ['all, by entry time', {}, { column: 'entryTs', dir: 'desc' }],
    ['one instrument, by entry time', { instruments: ['ES'] }, { column: 'entryTs', dir: 'asc' }],
    ['longs in a date range, by exit time', { direction: 'long', from: rangeFrom, to: rangeTo }, { column: 'exitTs', dir: 'asc' }],
    ['one instrument, by P&L', { instruments: ['ES'] }, { column: 'pnlNet', dir: 'desc' }],
    ['winners, by instrument', { pnlMin: 0 }, { column: 'instrument', dir: 'asc' }],
    ['exit reason + P&L range, by P&L', { exitReasons: ['tp'], pnlMin: -1, pnlMax: 1 }, { column: 'pnlNet', dir: 'asc' }],
  ]
  const firsts: number[] = []
  const plannerFirsts: number[] = []
  const nexts: number[] = []
  for (const [name, filter, sort] of queries) {
    const first = pageTrades(db, { filter, sort, offset: 0, limit: 200 })
    const later: number[] = []
    for (const at of [0.25, 0.5, 0.9]) {
      const offset = Math.floor((first.total * at) / 200) * 200
      later.push(pageTrades(db, { filter, sort, offset, limit: 200 }).queryMs)
    }
    firsts.push(first.queryMs)
    // Same-run baseline: the count and first page as before (SQLite's own plan, ties by id).
    const where = whereOf(filter)
    const planner = performance.now()
    db.prepare(`SELECT count(*) FROM trades ${where.sql}`).pluck().get(where.params)
    const dir = sort.dir === 'asc' ? 'ASC' : 'DESC'
    const orderBefore = `ORDER BY ${sortSql[sort.column]} ${dir}, id ${dir}` // the order before: ties by id for every column
    db.prepare(`SELECT ${tradeColumnsSql} FROM trades ${where.sql} ${orderBefore} LIMIT 200`).all(where.params)
    plannerFirsts.push(performance.now() - planner)
    nexts.push(median(later))
    console.log(
      `  page of 200, ${name}: ${first.total.toLocaleString('en-US')} rows, first ${first.queryMs.toFixed(1)} ms (before ${plannerFirsts.at(-1)!.toFixed(1)} ms), deep pages (25/50/90 %) ${later.map((x) => x.toFixed(1)).join(' / ')} ms`,
    )
  }
  result.page_first_median_ms = +median(firsts).toFixed(1)
  result.page_first_max_ms = +Math.max(...firsts).toFixed(1)
  result.page_deep_median_ms = +median(nexts).toFixed(1)
  result.page_first_planner_max_ms = +Math.max(...plannerFirsts).toFixed(1)
  console.log(
    `page: first pages median ${result.page_first_median_ms} ms (max ${result.page_first_max_ms}), later pages median ${result.page_deep_median_ms} ms (target ≤ 50 ms)`,
  )

  const sum = await measure(() => summarise(db, {}))
  console.log(`summary of all trades (a worker job in the app): ${s(sum.wallMs)}`)
  result.summary_s = +(sum.wallMs / 1000).toFixed(2)

  // The read under every export, against the read before (all 25 columns, 8192-row batches, no dictionaries) in the same run.
  const sortByEntry: TradeSort = { column: 'entryTs', dir: 'asc' }
  const readBefore = await measure(() => {
    // As the export read before: every column of the table, then a plain array per export column (its position = its index).
    const columns = pickTradeColumns()
    let n = 0
    for (const rows of tradeRowBatches(db, {}, sortByEntry)) {
      const batch = columns.map((c, at) => rows.map((r) => (c.get ? c.get(r[at]) : r[at])))
      n += batch[0].length
    }
    return n
  })
  const readNow = await measure(() => {
    let n = 0
    for (const b of tradeBatches(db, pickTradeColumns(), {}, sortByEntry)) n += b.length
    return n
  })
  console.log(
    `reading ${countTrades(db, {}).toLocaleString('en-US')} trades for an export (no formatting): before ${s(readBefore.cpuMs)} CPU, now ${s(readNow.cpuMs)} CPU (${s(readNow.wallMs)} wall) — ${(readBefore.cpuMs / readNow.cpuMs).toFixed(2)}×`,
  )
  result.export_read_before_cpu_s = +(readBefore.cpuMs / 1000).toFixed(2)
  result.export_read_cpu_s = +(readNow.cpuMs / 1000).toFixed(2)

  const targets: Record<string, number> = { csv: 3, xlsx: 20, parquet: 3, json: Number.NaN, ndjson: Number.NaN }
  for (const format of ['csv', 'parquet', 'ndjson', 'json', 'xlsx'] as const) {
    const out = join(dir, `trades.${format}`)
    const m = await measure(() => exportTrades(db, { format, out }))
    const target = Number.isNaN(targets[format]) ? '' : ` (target ≤ ${targets[format]} s)`
    console.log(
      `export ${nTrades.toLocaleString('en-US')} trades to ${format.toUpperCase()}: ${s(m.wallMs)} wall, ${s(m.cpuMs)} CPU, ${mib(out)}, event loop stalled at most ${m.maxLagMs.toFixed(0)} ms${target}`,
    )
    result[`export_${format}_s`] = +(m.wallMs / 1000).toFixed(2)
    result[`export_${format}_cpu_s`] = +(m.cpuMs / 1000).toFixed(2)
    result[`export_${format}_lag_ms`] = Math.round(m.maxLagMs)
    rmSync(out, { force: true })
  }

  // ---- 2. all 101 alphas in long format -------------------------------------------------------
  if (!flag('--skip-alphas')) {
    const runsDir = join(dir, 'runs')
    const { runId, ms } = await computeAllAlphas(db, root, dir, runsDir)
    console.log(`computed all 101 alphas of the sample in ${s(ms)} (input of the export)`)
    // The exports themselves in a fresh process, as the CLI runs them (see bench-book/alpha-exports.ts).
    const child = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/bench-book/alpha-exports.ts'), runsDir, runId, dir], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    })
    if (child.status !== 0) throw new Error(`alpha exports failed: ${child.stderr}`)
    const a = JSON.parse(child.stdout.trim().split('\n').at(-1)!)
    const mibOf = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`
    console.log(
      `101 alphas long CSV, ${a.values.toLocaleString('en-US')} values: before ${s(a.before.wallMs)} wall / ${s(a.before.cpuMs)} CPU; ` +
        `now ${s(a.csv.wallMs)} wall / ${s(a.csv.cpuMs)} CPU, ${mibOf(a.csv.bytes)}, stall ≤ ${a.csv.maxLagMs.toFixed(0)} ms — ${(a.before.wallMs / a.csv.wallMs).toFixed(2)}× (target ≤ 20 s)`,
    )
    const parquetBefore = typeof a.parquetBefore === 'number' ? s(a.parquetBefore) : a.parquetBefore
    console.log(
      `101 alphas long Parquet: before ${parquetBefore}; now ${s(a.parquet.wallMs)} wall / ${s(a.parquet.cpuMs)} CPU, ${mibOf(a.parquet.bytes)}, stall ≤ ${a.parquet.maxLagMs.toFixed(0)} ms (target ≤ 15 s)`,
    )
    const csv = { value: { rows: a.values }, wallMs: a.csv.wallMs }
    const base = { wallMs: a.before.wallMs }
    const pq = { wallMs: a.parquet.wallMs }
    result.alphas_values = csv.value.rows
    result.alphas_csv_before_s = +(base.wallMs / 1000).toFixed(2)
    result.alphas_csv_s = +(csv.wallMs / 1000).toFixed(2)
    result.alphas_csv_speedup = +(base.wallMs / csv.wallMs).toFixed(2)
    result.alphas_parquet_s = +(pq.wallMs / 1000).toFixed(2)
    result.alphas_parquet_before = typeof a.parquetBefore === 'number' ? +(a.parquetBefore / 1000).toFixed(2) : 'refused'
  }
  db.close()

  // ---- 3. the live API ----------------------------------------------------------------------
  if (!flag('--skip-api')) {
    const r = await apiLoad(root, dir, apiSeconds, 32)
    const lost = r.lost
    const doubled = r.rows - r.distinct
    console.log(
      `live API, ${apiSeconds} s of POST /v1/trades on loopback (32 connections): ${r.perSecond.toFixed(0)} trades/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ` +
        `${r.ok} acknowledged, every one in the book (lost ${lost}, doubled ${doubled}; ${r.unacknowledged} more written while in flight at the stop), non-2xx ${r.non2xx}, errors ${r.errors}, server CPU ${s(r.serverCpuMs)} (target ≥ 5,000/s)`,
    )
    result.api_per_s = Math.round(r.perSecond)
    result.api_p99_ms = r.p99
    result.api_lost = lost
    result.api_doubled = doubled
  }
  console.log(`load average at the end: ${load()}`)
  result.load = load().split(' ')[0]
  console.log(
    `RESULT ${Object.entries(result)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}`,
  )
} finally {
  rmSync(dir, { recursive: true, force: true })
}
