/**
 * Backtest benchmark (npm run bench:backtest): an SL×TP sweep of 200,000 generated one-minute
 * bars, 2,000 signals and a 100×100 grid with full per-set statistics, through the addon's sweep
 * (first-passage tables + per-pair lookups, both cores). Overlap is on so every signal trades in
 * every set: 2,000 × 10,000 = 20M trades. Baselines measured in the same run, normalised per
 * trade: the naive per-trade scan in Rust (the engine's reference loop) on a subset of sets, and
 * a plain Python loop on a subset of signals and sets. The default rule (no overlap: signals
 * while a trade is open are skipped) is timed too, and so is the same sweep through the app
 * (SQLite bars, the backtests service, two worker processes, the stored run).
 *
 *   npx tsx scripts/bench-backtest.ts [--repeat N]
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BacktestRun, Reply } from '../electron/contract'
import { openDatabase } from '../electron/db/open'
import { createBackend } from '../electron/host/backend'
import { loadNative } from '../electron/native/addon'
import { refreshInstrumentStats } from '../electron/services/market'
import { seededRandom } from '../electron/shared/seeded-random'

const args = process.argv.slice(2)
const repeat = Number(args[args.indexOf('--repeat') + 1]) || 5
const native = loadNative()
const BARS = 200_000
const SIGNALS = 2_000
const LEVELS = 100
const costs = { tickSize: 0.25, tickValue: 12.5, commission: 2, slippageTicks: 1 }

/** ES-like one-minute bars: 390 a day, a gap at each day's open, prices on the 0.25 tick. */
function generateBars() {
  const rnd = seededRandom(20261129)
  const normal = () => {
    let s = 0
    for (let k = 0; k < 4; k++) s += rnd()
    return (s - 2) * Math.sqrt(3)
  }
  const snap = (x: number) => Math.round(x / 0.25) * 0.25
  const b = {
    time: new Float64Array(BARS),
    open: new Float64Array(BARS),
    high: new Float64Array(BARS),
    low: new Float64Array(BARS),
    close: new Float64Array(BARS),
  }
  let px = 4000
  for (let k = 0; k < BARS; k++) {
    const day = Math.floor(k / 390)
    const open = snap(px + (k % 390 === 0 ? 4 * normal() : 0))
    const close = snap(open + 1.2 * normal())
    b.time[k] = 1_600_000_000 + day * 86_400 + (k % 390) * 60
    b.open[k] = open
    b.high[k] = snap(Math.max(open, close) + 0.6 * rnd())
    b.low[k] = snap(Math.min(open, close) - 0.6 * rnd())
    b.close[k] = close
    px = close
  }
  return b
}

function generateSignals(time: Float64Array) {
  const rnd = seededRandom(7)
  const bars = new Set<number>()
  while (bars.size < SIGNALS) bars.add(Math.floor(rnd() * (BARS - 1)))
  const sorted = [...bars].sort((a, b) => a - b)
  return {
    bars: sorted,
    time: Float64Array.from(sorted, (k) => time[k]),
    direction: Float64Array.from(sorted, () => (rnd() < 0.5 ? 1 : -1)),
  }
}

function timed<T>(f: () => T): { value: T; wall: number; cpu: number } {
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  const value = f()
  const wall = (performance.now() - t0) / 1000
  const c = process.cpuUsage(c0)
  return { value, wall, cpu: (c.user + c.system) / 1e6 }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const f3 = (x: number) => x.toFixed(3)

const bars = generateBars()
const signals = generateSignals(bars.time)
const levels = Float64Array.from({ length: LEVELS }, (_, k) => 2 * (k + 1)) // 2..200 ticks
const threads = Math.max(1, Math.min(2, cpus().length))
console.log(
  `backtest bench: ${BARS.toLocaleString()} one-minute bars, ${SIGNALS.toLocaleString()} signals, ${LEVELS}×${LEVELS} SL×TP grid (ticks 2..200), ${threads} threads`,
)
console.log(
  `load average before: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')} (${cpus().length} cores)`,
)

function sweep(overlap: boolean) {
  const s = new native.SimSweep(bars, signals, costs, { unit: 'ticks', tie: 'stop', overlap }, levels, levels, threads)
  return s.runRows(0, LEVELS, threads)
}

const runs = Array.from({ length: repeat }, () => timed(() => sweep(true)))
const trades = runs[0].value.trades.reduce((a, x) => a + x, 0)
const wall = median(runs.map((r) => r.wall))
const cpu = median(runs.map((r) => r.cpu))
console.log(
  `sweep (overlap, ${trades.toLocaleString()} trades, full per-set stats): median wall ${f3(wall)} s, CPU ${f3(cpu)} s over ${repeat} runs (min ${f3(Math.min(...runs.map((r) => r.wall)))} s)`,
)
const strict = Array.from({ length: repeat }, () => timed(() => sweep(false)))
const strictTrades = strict[0].value.trades.reduce((a, x) => a + x, 0)
console.log(
  `sweep (no overlap: ${strictTrades.toLocaleString()} trades): median wall ${f3(median(strict.map((r) => r.wall)))} s, CPU ${f3(median(strict.map((r) => r.cpu)))} s`,
)

// Naive Rust loop on a spread of sets; checked against the sweep's cells.
const picks = Array.from({ length: 12 }, (_, x) => [(x * 37) % LEVELS, (x * 53 + 11) % LEVELS])
const naive = timed(() =>
  picks.map(
    ([k, m]) => native.simTradesNaive(bars, signals, costs, { unit: 'ticks', tie: 'stop', overlap: true }, levels[k], levels[m]).stats,
  ),
)
let naiveTrades = 0
picks.forEach(([k, m], i) => {
  const cell = runs[0].value
  if (naive.value[i].trades !== cell.trades[k * LEVELS + m] || Math.abs(naive.value[i].netPnl - cell.netPnl[k * LEVELS + m]) > 1e-6) {
    throw new Error(`naive and sweep disagree at SL ${levels[k]} TP ${levels[m]}`)
  }
  naiveTrades += naive.value[i].trades
})
const naivePerTrade = naive.wall / naiveTrades
const naiveRatio = (naivePerTrade * trades) / wall
console.log(
  `naive Rust per-trade scan: ${picks.length} sets, ${naiveTrades.toLocaleString()} trades in ${f3(naive.wall)} s = ${(naivePerTrade * 1e9).toFixed(0)} ns/trade → 20M trades ≈ ${(naivePerTrade * trades).toFixed(1)} s; ratio ${naiveRatio.toFixed(0)}×`,
)

// Plain Python on a subset (the first 200 signals, the same sets as the Rust loop), normalised per trade.
const sub = 200
const pySets = picks.map(([k, m]) => [levels[k], levels[m]])
const job = {
  open: Array.from(bars.open),
  high: Array.from(bars.high),
  low: Array.from(bars.low),
  close: Array.from(bars.close),
  signals: signals.bars.slice(0, sub).map((b, i) => [b, signals.direction[i]]),
  sets: pySets,
  tick: costs.tickSize,
  tickValue: costs.tickValue,
  commission: costs.commission,
  slippage: costs.slippageTicks,
}
const py = spawnSync('python3', [join(import.meta.dirname, 'bench-backtest-naive.py')], {
  input: JSON.stringify(job),
  encoding: 'utf8',
  maxBuffer: 1 << 26,
})
let pythonRatio = Number.NaN
if (py.status === 0) {
  const r = JSON.parse(py.stdout) as { trades: number; wall: number; cpu: number; nets: number[] }
  const pyPerTrade = r.cpu / r.trades
  pythonRatio = (pyPerTrade * trades) / wall
  // Same rules: the Python loop's net P&L of each set equals the engine's on the same signals.
  const subset = { time: signals.time.slice(0, sub), direction: signals.direction.slice(0, sub) }
  const mismatches = pySets.filter(([sl, tp], i) => {
    const check = native.simTrades(bars, subset, costs, { unit: 'ticks', tie: 'stop', overlap: true }, sl, tp)
    return Math.abs(check.stats.netPnl - r.nets[i]) > 1e-6
  }).length
  const agree = mismatches === 0 ? 'net P&L of every set agrees with the engine' : `DISAGREES with the engine on ${mismatches} sets`
  console.log(
    `plain Python loop: ${r.trades.toLocaleString()} trades in ${f3(r.cpu)} s CPU = ${(pyPerTrade * 1e6).toFixed(1)} µs/trade (${agree}) → 20M trades ≈ ${((pyPerTrade * trades) / 3600).toFixed(1)} h; ratio ${pythonRatio.toFixed(0)}×`,
  )
} else {
  console.log(`plain Python loop: python3 failed (${py.error?.message ?? py.stderr.slice(0, 200)})`)
}
// The same sweep through the app: the bars in SQLite, the backtests service splitting the grid
// across two worker processes (each reads the bars itself, builds its rows' tables, one thread),
// merging and storing the 10,000 sets' statistics in one transaction.
const dataDir = mkdtempSync(join(tmpdir(), 'alphadesk-bench-backtest-'))
try {
  const db = openDatabase(join(dataDir, 'alphadesk.sqlite'))
  const datasetId = Number(
    db.prepare("INSERT INTO datasets (key, name, kind) VALUES ('bench', 'generated one-minute bars', 'intraday')").run().lastInsertRowid,
  )
  const instrumentId = Number(db.prepare("INSERT INTO instruments (dataset_id, symbol) VALUES (?, 'ESX')").run(datasetId).lastInsertRowid)
  const insert = db.prepare('INSERT INTO bars (instrument_id, ts, open, high, low, close) VALUES (?, ?, ?, ?, ?, ?)')
  db.transaction(() => {
    for (let k = 0; k < BARS; k++) insert.run(instrumentId, bars.time[k], bars.open[k], bars.high[k], bars.low[k], bars.close[k])
  })()
  refreshInstrumentStats(db, datasetId)
  db.close()
  const backend = createBackend({ dataDir, mode: 'browser', importSample: false, workers: 2 })
  const csv = ['time,direction', ...Array.from(signals.time, (t, i) => `${t},${signals.direction[i]}`)].join('\n')
  const spec = {
    instrumentId,
    signals: { kind: 'csv', text: csv },
    unit: 'ticks',
    sl: { from: 2, to: 200, step: 2 },
    tp: { from: 2, to: 200, step: 2 },
    costs,
    overlap: true,
  }
  // The first run also waits for the two workers to start and load the addon.
  for (const which of ['first (workers starting)', 'second (warm workers)']) {
    const t0 = performance.now()
    const reply = (await backend.dispatch('backtests.run', { spec })) as Reply<BacktestRun>
    const appWall = (performance.now() - t0) / 1000
    if (!reply.ok) throw new Error(reply.error.message)
    const appTrades = reply.value.stats.trades.reduce((a, x) => a + x, 0)
    if (appTrades !== trades) throw new Error(`the app's sweep has ${appTrades} trades, the addon's ${trades}`)
    console.log(
      `through the app, ${which}: ${f3(appWall)} s wall — bars read from SQLite in each worker, CSV signals checked, 2 worker jobs, 10,000 sets merged and stored`,
    )
  }
  await backend.close()
} finally {
  rmSync(dataDir, { recursive: true, force: true })
}
console.log(
  `load average after: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
)
console.log(
  `RESULT backtest_20M_s=${f3(wall)} naive_ratio=${naiveRatio.toFixed(0)} python_ratio=${pythonRatio.toFixed(0)} cpu_s=${f3(cpu)}`,
)
