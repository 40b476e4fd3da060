/**
 * Alpha benchmark: all 101 Formulaic Alphas through the app's own compute job (engine
 * worker processes, the cached panel file, the run file), optimised against the engine's
 * straightforward single-threaded evaluation (`naive: true`: no shared subexpressions,
 * windows recomputed from scratch) of the same formulas, measured in the same run.
 *
 *   npx tsx scripts/bench-alphas.ts [--peers] [--skip-naive] [--repeat N]     (npm run bench:alphas)
 *
 * 1. the bundled sample (505 S&P 500 stocks × 1,259 days), imported into a temp data dir;
 * 2. a seeded generated panel of 4,000 stocks × 261 days, written into the same database;
 * 3. a realistic random walk of 3,000 stocks × 500 days (tick grid, fat tails, suspensions:
 *    see bench-alphas-panels.ts).
 * With --peers, the published engines run on the same panel files right after ours (see
 * bench-alphas-peers.ts: py-alpha-lib and KunQuant from PyPI in a local virtualenv).
 * For each: the panel build (once, then cached), the best of N optimised computes, one naive
 * compute; engine time (inside the job: evaluation, coverage counts and writing the run's
 * values file all happen in the engine call) and job wall time (what the user waits for:
 * panel cache check + engine + run metadata + the worker round trip), their ratios. Then two computes at once on the two
 * workers, sampling each worker's memory: the panel file is mapped by both (shared pages
 * of one file in the page cache), not copied into each.
 */

import { randomUUID } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AlphaRun } from '../electron/contract'
import { openDatabase } from '../electron/db/open'
import type { AppJobs } from '../electron/host/jobs'
import { workerEntry } from '../electron/host/worker-entry'
import { EnginePool } from '../electron/pool/pool'
import { nodeWorkerSpawner } from '../electron/pool/worker-handle'
import { paperFormulas, readRunMeta } from '../electron/services/alphas'
import { removeRuns, runsLocation, runsToEvict } from '../electron/services/alphas/run-file'
import { importSampleData } from '../electron/services/market'
import { generateRealistic, generateWalk } from './bench-alphas-panels'
import { type PeerResult, peersAvailable, runPeer } from './bench-alphas-peers'

const args = process.argv.slice(2)
const skipNaive = args.includes('--skip-naive')
const withPeers = args.includes('--peers')
const skipConcurrent = args.includes('--skip-concurrent') || withPeers
const repeat = Number(args[args.indexOf('--repeat') + 1]) || 3
const root = join(import.meta.dirname, '..')
const formulas = paperFormulas(join(root, 'resources'))
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`

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

interface PanelFigures {
  label: string
  cells: string
  /** Best optimised job wall (s), its engine time and worker CPU (s). */
  wall: number
  engine: number
  cpu: number
  naive: number | null
  peers: PeerResult[]
}

async function bench(
  pool: EnginePool<AppJobs>,
  cacheDir: string,
  runsDir: string,
  label: string,
  cells: string,
  datasetId: number,
): Promise<PanelFigures> {
  console.log(`\n== ${label}`)
  const all = formulas.map((f) => ({ key: f.key, name: f.name, text: f.text }))
  const compute = async (extra: { naive?: boolean } = {}, keys = all, keep = false) => {
    const cpu0 = workersCpu(pool)
    const t0 = performance.now()
    const runId = `bench-${randomUUID()}`
    const run: AlphaRun = await pool.run('alphas.compute', {
      runId,
      cacheDir,
      runsDir,
      datasetId,
      sectors: null,
      formulas: keys,
      ...extra,
    })
    const wall = performance.now() - t0
    const cpu1 = workersCpu(pool)
    const cpu = { user: cpu1.user - cpu0.user, sys: cpu1.sys - cpu0.sys }
    const { timings } = readRunMeta(runsDir, runId)
    // Run files are big (every value of every alpha): drop each one once measured.
    if (!keep) for (const path of runsToEvict(runsDir, 0, 0)) rmSync(path, { force: true })
    return { run, runId, wall, cpu, timings: timings! }
  }
  const first = await compute()
  const { run } = first
  const bad = run.alphas.filter((a) => !a.ok)
  const thin = run.alphas.filter((a) => a.ok && a.coverage < 0.1)
  console.log(
    `panel: ${run.instruments.length} instruments × ${run.dates.length} dates, file ${mb(run.panel!.bytes)}, built from SQLite in ${s(run.panel!.buildMs)} (first compute only; cached after)`,
  )
  console.log(`first compute (with the panel build): ${s(first.wall)}`)
  console.log(`alphas that cannot run: ${bad.map((a) => `${a.key} (${a.error!.code}: ${a.error!.message})`).join('; ') || 'none'}`)
  console.log(`alphas with < 10% coverage: ${thin.map((a) => `${a.key} ${(100 * a.coverage).toFixed(1)}%`).join(', ') || 'none'}`)
  const warned = run.alphas.filter((a) => a.warnings.some((w) => w.startsWith('IndClass')))
  console.log(
    `alphas with group fallback warnings: ${warned.length}${warned.length ? ` (e.g. ${warned[0].key}: ${warned[0].warnings.find((w) => w.startsWith('IndClass'))})` : ''}`,
  )

  let best = {
    wall: Infinity,
    evalMs: Infinity,
    computeMs: Infinity,
    cpu: Infinity,
  }
  for (let i = 0; i < repeat; i++) {
    const { run: r, wall, cpu, timings } = await compute()
    console.log(
      `  optimised #${i + 1}: engine ${s(r.evalMs!)} (evaluation + writing the run file; ${s(timings.outputMs)} thread-time in transposing/writing values), job ${s(r.computeMs)}, wall ${s(wall)}; worker CPU ${s(1000 * (cpu.user + cpu.sys))} (system ${s(1000 * cpu.sys)}); load ${loadavg()[0].toFixed(2)}`,
    )
    if (wall < best.wall)
      best = {
        wall,
        evalMs: r.evalMs!,
        computeMs: r.computeMs,
        cpu: cpu.user + cpu.sys,
      }
  }
  console.log(`optimised (best of ${repeat}): engine ${s(best.evalMs)}, job wall ${s(best.wall)}, worker CPU ${best.cpu.toFixed(2)} s`)
  let naive: number | null = null
  if (!skipNaive) {
    const { run: r, wall, cpu } = await compute({ naive: true })
    naive = wall / 1000
    console.log(
      `naive (single thread, no shared subexpressions, from-scratch windows): engine ${s(r.evalMs!)}, job wall ${s(wall)}; worker CPU ${s(1000 * (cpu.user + cpu.sys))} (system ${s(1000 * cpu.sys)})`,
    )
    console.log(`ratio naive / optimised: engine ${(r.evalMs! / best.evalMs).toFixed(1)}x, job wall ${(wall / best.wall).toFixed(1)}x`)
  }
  const figures: PanelFigures = {
    label,
    cells,
    wall: best.wall / 1000,
    engine: best.evalMs / 1000,
    cpu: best.cpu,
    naive,
    peers: [],
  }

  if (withPeers) {
    // Peers on the same panel file, one process each, right after ours; our values from a kept run.
    const kept = await compute({}, all, true)
    const panelFile = newestPanel(cacheDir)
    for (const engine of ['kunquant', 'alpha-lib'] as const) {
      const res = runPeer(engine, panelFile, join(runsDir, `${kept.runId}.bin`), join(runsDir, `${kept.runId}.json`))
      figures.peers.push(res)
      printPeer(res, best.wall / 1000)
    }
    for (const path of runsToEvict(runsDir, 0, 0)) rmSync(path, { force: true })
  }
  if (skipConcurrent) return figures

  // Two computes at once, one per worker, each mapping the same panel file.
  const panelFile = newestPanel(cacheDir)
  const pids = pool
    .status()
    .workers.map((w) => w.pid!)
    .filter(Boolean)
  const peaks = new Map<number, MemorySample>()
  const timer = setInterval(() => {
    for (const pid of pids) {
      const m = sampleMemory(pid, panelFile)
      if (!m) continue
      const p = peaks.get(pid) ?? {
        rss: 0,
        anon: 0,
        panelRss: 0,
        panelShared: 0,
      }
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
  return figures
}

function printPeer(res: PeerResult, ours: number) {
  if (res.error) {
    console.log(`  ${res.engine}: failed — ${res.error}`)
    return
  }
  const agreed = Object.values(res.agreement)
  const close = agreed.filter((a) => a.equal !== null && a.equal >= 0.99).length
  const corrs = agreed
    .map((a) => a.corr)
    .filter((c): c is number => c !== null)
    .sort((a, b) => a - b)
  const median = corrs.length ? corrs[Math.floor(corrs.length / 2)] : Number.NaN
  const coverage = agreed.reduce((acc, a) => acc + (a.ours_finite ? a.both / a.ours_finite : 0), 0) / Math.max(1, agreed.length)
  console.log(
    `  ${res.engine} ${res.version}: ${res.computed.length} alphas in ${res.wall_s.toFixed(2)} s wall, ${res.cpu_s.toFixed(2)} s CPU` +
      `${res.compile_s ? ` (+ compile ${res.compile_s.toFixed(1)} s${res.compile_cached ? ', a cached library' : ''}, not counted)` : ''}` +
      `; ours / theirs: ${(res.wall_s / ours).toFixed(1)}x faster`,
  )
  console.log(
    `    values vs ours on the ${agreed.length} alphas both compute: ${close} agree on ≥ 99 % of common cells` +
      ` (${res.engine === 'KunQuant' ? 'float32, 1e-4' : '1e-6'} relative); median correlation ${median.toFixed(4)}; they have a value on ${(100 * coverage).toFixed(0)} % of our finite cells`,
  )
  const off = Object.entries(res.agreement)
    .filter(([, a]) => a.equal !== null && a.equal < 0.99)
    .map(([k, a]) => `${k.replace('alpha', '#')} ${(100 * (a.equal ?? 0)).toFixed(0)}%`)
  if (off.length) console.log(`    differing (share of common cells equal): ${off.join(', ')}`)
  if (res.failed.length) console.log(`    not computed: ${res.failed.map((f) => f.name.replace('alpha', '#')).join(' ')}`)
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
  console.log(
    `alphadesk alpha benchmark — ${cpus().length} cores, load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  )
  if (withPeers) {
    const why = peersAvailable()
    if (why) throw new Error(`--peers: ${why}`)
  }
  const db = openDatabase(dbPath)
  let t0 = performance.now()
  await importSampleData(db, join(root, 'resources', 'data'))
  console.log(`sample data imported into a temp database in ${s(performance.now() - t0)}`)
  t0 = performance.now()
  const synthId = generateWalk(db, 'synth4000', 4000, 261, 42)
  console.log(`generated panel (seed 42, 4,000 × 261) written to SQLite in ${s(performance.now() - t0)}`)
  t0 = performance.now()
  const realId = generateRealistic(db, 'real3000', 3000, 500, 7)
  console.log(`realistic random-walk panel (seed 7, 3,000 × 500) written to SQLite in ${s(performance.now() - t0)}`)
  const sp500 = db.prepare("SELECT id FROM datasets WHERE key = 'sp500'").pluck().get() as number
  db.close()
  console.log(`run files in ${runs.dir} (${runs.memory ? 'memory-backed tmpfs' : 'on disk'}); panels in ${join(cacheDir, 'panels')}`)
  pool = new EnginePool<AppJobs>(nodeWorkerSpawner({ entry: workerEntry(), dbPath }), 2)
  const panels = [
    await bench(pool, cacheDir, runs.dir, 'sample: 505 S&P 500 stocks × 1,259 days, all 101 alphas', '505x1259', sp500),
    await bench(pool, cacheDir, runs.dir, 'generated: 4,000 stocks × 261 days, all 101 alphas', '4000x261', synthId),
    await bench(pool, cacheDir, runs.dir, 'realistic random walk: 3,000 stocks × 500 days, all 101 alphas', '3000x500', realId),
  ]
  console.log('\n== summary (job wall = what the user waits for; CPU = worker user + system)')
  for (const p of panels) {
    const peers = p.peers
      .filter((r) => !r.error)
      .map(
        (r) =>
          `${r.engine} ${r.computed.length} alphas ${r.wall_s.toFixed(2)} s (CPU ${r.cpu_s.toFixed(2)} s) → ${(r.wall_s / p.wall).toFixed(1)}x wall, ${(r.cpu_s / p.cpu).toFixed(1)}x CPU`,
      )
    console.log(
      `${p.cells}: ours ${p.wall.toFixed(2)} s wall, ${p.cpu.toFixed(2)} s CPU${p.naive ? `; naive ${p.naive.toFixed(2)} s (${(p.naive / p.wall).toFixed(1)}x)` : ''}${peers.length ? `; ${peers.join('; ')}` : ''}`,
    )
  }
  console.log(
    `load average at the end: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  )
  const g = panels[1]
  const fastestPeer = Math.min(...g.peers.filter((r) => !r.error).map((r) => r.wall_s))
  // CPU seconds are the steadier comparison on a shared machine (wall time includes waiting for a core).
  const leanestPeer = Math.min(...g.peers.filter((r) => !r.error).map((r) => r.cpu_s))
  const fmt = (x: number | null) => (x === null || !Number.isFinite(x) ? 'NA' : x.toFixed(3))
  console.log(
    `RESULT alphas_4000x261_s=${fmt(g.wall)} cpu_s=${fmt(g.cpu)} naive_ratio=${fmt(g.naive === null ? null : g.naive / g.wall)} peer_ratio=${fmt(Number.isFinite(fastestPeer) ? fastestPeer / g.wall : null)} peer_cpu_ratio=${fmt(Number.isFinite(leanestPeer) ? leanestPeer / g.cpu : null)}`,
  )
} finally {
  await pool?.close()
  rmSync(dir, { recursive: true, force: true })
  removeRuns(runs)
}
