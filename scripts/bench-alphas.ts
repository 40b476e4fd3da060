/**
 * Alpha benchmark: all 101 Formulaic Alphas through the app's own compute job (engine
 * worker processes, the cached panel file, the run file), optimised against the engine's
 * straightforward single-threaded evaluation (`naive: true`: no shared subexpressions,
 * windows recomputed from scratch) of the same formulas, measured in the same run.
 *
 *   npx tsx scripts/bench-alphas.ts [--skip-naive] [--repeat N]     (npm run bench:alphas)
 *
 * 1. the bundled sample (505 S&P 500 stocks × 1,259 days), imported into a temp data dir;
 * 2. a seeded generated panel of 4,000 stocks × 261 days, written into the same database.
 * For each: the panel build (once, then cached), the best of N optimised computes, one naive
 * compute; engine time (inside the job: evaluation, coverage counts and writing the run's
 * values file all happen in the engine call) and job wall time (what the user waits for:
 * panel cache check + engine + run metadata + the worker round trip), their ratios. Then two computes at once on the two
 * workers, sampling each worker's memory: the panel file is mapped by both (shared pages
 * of one file in the page cache), not copied into each.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import type { AlphaRun } from '../electron/contract'
import { openDatabase, type Db } from '../electron/db/open'
import { EnginePool } from '../electron/pool/pool'
import { nodeWorkerSpawner } from '../electron/pool/worker-handle'
import { workerEntry } from '../electron/host/worker-entry'
import type { AppJobs } from '../electron/host/jobs'
import { paperFormulas, readRunMeta } from '../electron/services/alphas'
import { removeRuns, runsLocation, runsToEvict } from '../electron/services/alphas/run-file'
import { importSampleData } from '../electron/services/market'
import { seededRandom } from '../electron/shared/seeded-random'

const args = process.argv.slice(2)
const skipNaive = args.includes('--skip-naive')
const repeat = Number(args[args.indexOf('--repeat') + 1]) || 3
const root = join(import.meta.dirname, '..')
const formulas = paperFormulas(join(root, 'resources'))
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`

const rng = seededRandom

/**
 * Writes a seeded random-walk stocks dataset (n × days, weekdays from 2023-01-02) with
 * sectors (11), industries (4 per sector) and subindustries (3 per industry), and a
 * sprinkle of missing closes (0.2 %).
 */
function generate(db: Db, key: string, n: number, days: number, seed: number): number {
  const r = rng(seed)
  const normal = () => (r() + r() + r() + r() - 2) * Math.sqrt(3)
  const dates: number[] = []
  for (let d = Date.UTC(2023, 0, 2) / 1000; dates.length < days; d += 86_400) {
    const wd = new Date(d * 1000).getUTCDay()
    if (wd !== 0 && wd !== 6) dates.push(d)
  }
  const datasetId = Number(db.prepare("INSERT INTO datasets (key, name, kind, source) VALUES (?, ?, 'stocks', 'generated (bench)')").run(key, key).lastInsertRowid)
  const insInstrument = db.prepare('INSERT INTO instruments (dataset_id, symbol, sector, industry, subindustry) VALUES (?, ?, ?, ?, ?)')
  const rowsPerStmt = 100
  const tuple = '(?, ?, ?, ?, ?, ?, ?)'
  const insBars = db.prepare(`INSERT INTO bars (instrument_id, ts, open, high, low, close, volume) VALUES ${new Array(rowsPerStmt).fill(tuple).join(',')}`)
  const insBar = db.prepare(`INSERT INTO bars (instrument_id, ts, open, high, low, close, volume) VALUES ${tuple}`)
  const insStats = db.prepare('INSERT INTO instrument_stats (instrument_id, bar_count, first_ts, last_ts) VALUES (?, ?, ?, ?)')
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const sector = i % 11
      const industry = sector * 4 + Math.floor(r() * 4)
      const sub = industry * 3 + Math.floor(r() * 3)
      const id = Number(insInstrument.run(datasetId, `G${String(i).padStart(4, '0')}`, `S${sector}`, `I${industry}`, `U${sub}`).lastInsertRowid)
      let close = 20 + 180 * r()
      const vol = 0.01 + 0.02 * r()
      const baseVolume = 1e5 + 5e6 * r()
      let batch: (number | null)[] = []
      for (let t = 0; t < days; t++) {
        const open = close * (1 + vol * 0.3 * normal())
        close = Math.max(1, close * (1 + vol * normal()))
        const high = Math.max(open, close) * (1 + vol * 0.5 * r())
        const low = Math.min(open, close) * (1 - vol * 0.5 * r())
        const missing = r() < 0.002
        batch.push(id, dates[t], open, high, low, missing ? null : close, Math.round(baseVolume * Math.exp(0.4 * normal())))
        if (batch.length === rowsPerStmt * 7) {
          insBars.run(batch)
          batch = []
        }
      }
      for (let k = 0; k < batch.length; k += 7) insBar.run(batch.slice(k, k + 7))
      insStats.run(id, days, dates[0], dates[days - 1])
    }
  })()
  return datasetId
}

interface MemorySample {
  rss: number
  anon: number
  panelRss: number
  panelShared: number
}

/** The worker's resident memory, and how much of the panel file mapping is resident / shared with another process. */
function sampleMemory(pid: number, panelFile: string): MemorySample | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024
    let panelRss = 0
    let panelShared = 0
    let inPanel = false
    for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
      if (/^[0-9a-f]+-[0-9a-f]+ /.test(line)) inPanel = line.endsWith(panelFile)
      else if (inPanel) {
        const m = /^(Rss|Shared_Clean|Shared_Dirty):\s+(\d+) kB/.exec(line)
        if (m?.[1] === 'Rss') panelRss += Number(m[2]) * 1024
        else if (m) panelShared += Number(m[2]) * 1024
      }
    }
    return { rss: kb('VmRSS'), anon: kb('RssAnon'), panelRss, panelShared }
  } catch {
    return null
  }
}

async function bench(pool: EnginePool<AppJobs>, cacheDir: string, runsDir: string, label: string, datasetId: number) {
  console.log(`\n== ${label}`)
  const all = formulas.map((f) => ({ key: f.key, name: f.name, text: f.text }))
  const compute = async (extra: { naive?: boolean } = {}, keys = all) => {
    const cpu0 = workersCpu(pool)
    const t0 = performance.now()
    const runId = `bench-${randomUUID()}`
    const run: AlphaRun = await pool.run('alphas.compute', { runId, cacheDir, runsDir, datasetId, sectors: null, formulas: keys, ...extra })
    const wall = performance.now() - t0
    const cpu1 = workersCpu(pool)
    const cpu = { user: cpu1.user - cpu0.user, sys: cpu1.sys - cpu0.sys }
    const { timings } = readRunMeta(runsDir, runId)
    // Run files are big (every value of every alpha): drop each one once measured.
    for (const path of runsToEvict(runsDir, 0, 0)) rmSync(path, { force: true })
    return { run, wall, cpu, timings: timings! }
  }
  const first = await compute()
  const { run } = first
  const bad = run.alphas.filter((a) => !a.ok)
  const thin = run.alphas.filter((a) => a.ok && a.coverage < 0.1)
  console.log(`panel: ${run.instruments.length} instruments × ${run.dates.length} dates, file ${mb(run.panel!.bytes)}, built from SQLite in ${s(run.panel!.buildMs)} (first compute only; cached after)`)
  console.log(`first compute (with the panel build): ${s(first.wall)}`)
  console.log(`alphas that cannot run: ${bad.map((a) => `${a.key} (${a.error!.code}: ${a.error!.message})`).join('; ') || 'none'}`)
  console.log(`alphas with < 10% coverage: ${thin.map((a) => `${a.key} ${(100 * a.coverage).toFixed(1)}%`).join(', ') || 'none'}`)
  const warned = run.alphas.filter((a) => a.warnings.some((w) => w.startsWith('IndClass')))
  console.log(
    `alphas with group fallback warnings: ${warned.length}${warned.length ? ` (e.g. ${warned[0].key}: ${warned[0].warnings.find((w) => w.startsWith('IndClass'))})` : ''}`,
  )

  let best = { wall: Infinity, evalMs: Infinity, computeMs: Infinity }
  for (let i = 0; i < repeat; i++) {
    const { run: r, wall, cpu, timings } = await compute()
    console.log(
      `  optimised #${i + 1}: engine ${s(r.evalMs!)} (evaluation + writing the run file; ${s(timings.outputMs)} thread-time in transposing/writing values), job ${s(r.computeMs)}, wall ${s(wall)}; worker CPU ${s(1000 * (cpu.user + cpu.sys))} (system ${s(1000 * cpu.sys)})`,
    )
    if (wall < best.wall) best = { wall, evalMs: r.evalMs!, computeMs: r.computeMs }
  }
  console.log(`optimised (best of ${repeat}): engine ${s(best.evalMs)}, job wall ${s(best.wall)}`)
  if (!skipNaive) {
    const { run: r, wall, cpu } = await compute({ naive: true })
    console.log(`naive (single thread, no shared subexpressions, from-scratch windows): engine ${s(r.evalMs!)}, job wall ${s(wall)}; worker CPU ${s(1000 * (cpu.user + cpu.sys))} (system ${s(1000 * cpu.sys)})`)
    console.log(`ratio naive / optimised: engine ${(r.evalMs! / best.evalMs).toFixed(1)}x, job wall ${(wall / best.wall).toFixed(1)}x`)
  }

  // Two computes at once, one per worker, each mapping the same panel file.
  const panelFile = newestPanel(cacheDir)
  const pids = pool.status().workers.map((w) => w.pid!).filter(Boolean)
  const peaks = new Map<number, MemorySample>()
  const timer = setInterval(() => {
    for (const pid of pids) {
      const m = sampleMemory(pid, panelFile)
      if (!m) continue
      const p = peaks.get(pid) ?? { rss: 0, anon: 0, panelRss: 0, panelShared: 0 }
      peaks.set(pid, {
        rss: Math.max(p.rss, m.rss),
        anon: Math.max(p.anon, m.anon),
        panelRss: Math.max(p.panelRss, m.panelRss),
        panelShared: Math.max(p.panelShared, m.panelShared),
      })
    }
  }, 10)
  const half = Math.ceil(all.length / 2)
  const t0 = performance.now()
  await Promise.all([compute({}, all.slice(0, half)), compute({}, all.slice(half))])
  clearInterval(timer)
  console.log(`two computes at once (alphas 1-${half} and ${half + 1}-101, one per worker): wall ${s(performance.now() - t0)}`)
  console.log(`  panel file ${mb(statSync(panelFile).size)}; peak memory per worker while evaluating:`)
  for (const pid of pids) {
    const p = peaks.get(pid)
    if (p) {
      console.log(
        `  worker pid ${pid}: RSS ${mb(p.rss)} (private/anonymous ${mb(p.anon)}); panel mapping resident ${mb(p.panelRss)}, shared with the other worker ${mb(p.panelShared)}`,
      )
    }
  }
}

/** User and system CPU seconds of the pool's worker processes so far (Linux /proc; 0 elsewhere). */
function workersCpu(pool: EnginePool<AppJobs>): { user: number; sys: number } {
  const total = { user: 0, sys: 0 }
  for (const w of pool.status().workers) {
    try {
      const fields = readFileSync(`/proc/${w.pid}/stat`, 'utf8').split(') ')[1].split(' ')
      total.user += Number(fields[11]) / 100
      total.sys += Number(fields[12]) / 100
    } catch {
      // not Linux, or the worker is gone
    }
  }
  return total
}

function newestPanel(cacheDir: string): string {
  const dir = join(cacheDir, 'panels')
  return readdirSync(dir)
    .filter((f) => f.endsWith('.panel'))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]
}

const dir = mkdtempSync(join(tmpdir(), 'alphadesk-bench-alphas-'))
const dbPath = join(dir, 'alphadesk.sqlite')
const cacheDir = join(dir, 'cache')
const runs = runsLocation(dir)
let pool: EnginePool<AppJobs> | null = null
try {
  console.log(`alphadesk alpha benchmark — ${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`)
  const db = openDatabase(dbPath)
  let t0 = performance.now()
  await importSampleData(db, join(root, 'resources', 'data'))
  console.log(`sample data imported into a temp database in ${s(performance.now() - t0)}`)
  t0 = performance.now()
  const synthId = generate(db, 'synth4000', 4000, 261, 42)
  console.log(`generated panel (seed 42, 4,000 × 261) written to SQLite in ${s(performance.now() - t0)}`)
  const sp500 = db.prepare("SELECT id FROM datasets WHERE key = 'sp500'").pluck().get() as number
  db.close()
  console.log(`run files in ${runs.dir} (${runs.memory ? 'memory-backed tmpfs' : 'on disk'}); panels in ${join(cacheDir, 'panels')}`)
  pool = new EnginePool<AppJobs>(nodeWorkerSpawner({ entry: workerEntry(), dbPath }), 2)
  await bench(pool, cacheDir, runs.dir, 'sample: 505 S&P 500 stocks × 1,259 days, all 101 alphas', sp500)
  await bench(pool, cacheDir, runs.dir, 'generated: 4,000 stocks × 261 days, all 101 alphas', synthId)
} finally {
  await pool?.close()
  rmSync(dir, { recursive: true, force: true })
  removeRuns(runs)
}
