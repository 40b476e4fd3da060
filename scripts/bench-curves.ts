/**
 * Curves benchmark: Nelson–Siegel on every date of the CL and NG sample (1,361 dates × 36
 * contracts each, both roots), in the engine:
 *   - λ fixed (0.0058/day): closed-form 3 × 3 least squares per date, loadings tabulated by τ;
 *   - λ fitted per date: coarse log-λ grid + Brent, the inner betas in closed form;
 *   - baseline, same run: a straightforward per-date generic Levenberg–Marquardt on all four
 *     parameters (finite-difference Jacobian), as a generic curve fitter would do it.
 * Engine time is measured inside the addon (the fits alone, best of N); wall and CPU time of
 * the whole call from JS as well. Then the app's path: the same fit as a job in an engine
 * worker (first call reads the panel from SQLite, later calls reuse it).
 *
 *   npx tsx scripts/bench-curves.ts [--repeat N]      (npm run bench:curves)
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '../electron/db/open'
import type { AppJobs } from '../electron/host/jobs'
import { workerEntry } from '../electron/host/worker-entry'
import { loadNative } from '../electron/native/addon'
import { EnginePool } from '../electron/pool/pool'
import { nodeWorkerSpawner } from '../electron/pool/worker-handle'
import { curveSource } from '../electron/services/curves/panel-source'
import { importSampleData } from '../electron/services/market'

const args = process.argv.slice(2)
const repeat = Number(args[args.indexOf('--repeat') + 1]) || 7
const root = join(import.meta.dirname, '..')
const ms = (v: number) => `${v.toFixed(2)} ms`
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')

interface Timing {
  engine: number
  wall: number
  cpu: number
}

/** Best of `n` (the least disturbed by the other processes on the machine), with the median engine time too. */
function measure(n: number, run: () => { computeMs: number }): Timing & { median: number } {
  const runs: Timing[] = []
  for (let i = 0; i < n; i++) {
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    const r = run()
    const wall = performance.now() - t0
    const cpu = process.cpuUsage(cpu0)
    runs.push({ engine: r.computeMs, wall, cpu: (cpu.user + cpu.system) / 1000 })
  }
  runs.sort((a, b) => a.engine - b.engine)
  return { ...runs[0], median: runs[runs.length >> 1].engine }
}

async function main() {
  console.log(`alphadesk curves benchmark — ${cpus().length} cores, load average ${load()}`)
  const dataDir = mkdtempSync(join(tmpdir(), 'alphadesk-bench-curves-'))
  try {
    const dbPath = join(dataDir, 'alphadesk.sqlite')
    const db = openDatabase(dbPath)
    // Only the futures samples: placeholders make the importer skip the stock and intraday sets.
    for (const key of ['sp500', 'spx_1min']) db.prepare(`INSERT INTO datasets (key, name, kind) VALUES (?, ?, 'stocks')`).run(key, key)
    await importSampleData(db, join(root, 'resources', 'data'))
    db.prepare(`DELETE FROM datasets WHERE key IN ('sp500', 'spx_1min')`).run()
    const datasetId = db.prepare(`SELECT id FROM datasets WHERE key = 'cl_ng'`).pluck().get() as number
    const native = loadNative()
    const panels = ['CL', 'NG'].map((r) => curveSource(db, native, { datasetId, root: r }).panel)
    const info = panels.map((p) => p.info())
    const dates = info.reduce((s, i) => s + i.nDates, 0)
    console.log(
      `sample: CL and NG, ${info.map((i) => `${i.nDates} dates × up to ${i.maxTenors} contracts`).join(' and ')} (${dates} fits per pass)`,
    )

    const both = (fn: (p: (typeof panels)[number]) => { computeMs: number; rmse: Float64Array }) => () => {
      const rs = panels.map(fn)
      return { computeMs: rs.reduce((s, r) => s + r.computeMs, 0), rmse: rs.flatMap((r) => Array.from(r.rmse)) }
    }
    const meanRmse = (fn: () => { rmse: number[] }) => {
      const v = fn().rmse.filter(Number.isFinite)
      return v.reduce((a, b) => a + b, 0) / v.length
    }
    const fixedRun = both((p) => p.fitNs({ lambda: 0.0058 }))
    const fittedRun = both((p) => p.fitNs({ fitLambda: true }))
    const lmRun = both((p) => p.fitNsLm(0.0058))

    const fixed = measure(repeat, fixedRun)
    const fitted = measure(repeat, fittedRun)
    const lm = measure(Math.max(3, Math.ceil(repeat / 2)), lmRun)
    const lmNotConverged = panels.reduce((s, p) => s + Array.from(p.fitNsLm(0.0058).status).filter((x) => x === 4).length, 0)

    console.log('\nNelson–Siegel, every date of CL and NG (engine time: best / median of the runs; wall and CPU of the best run)')
    const row = (name: string, t: Timing & { median: number }, rmse: number) =>
      console.log(
        `  ${name.padEnd(34)} engine ${ms(t.engine).padStart(10)} / ${ms(t.median).padStart(10)}   wall ${ms(t.wall).padStart(10)}   cpu ${ms(t.cpu).padStart(10)}   mean RMSE ${rmse.toFixed(4)}`,
      )
    row('λ fixed (closed form, tabulated)', fixed, meanRmse(fixedRun))
    row('λ fitted (grid + Brent, closed form)', fitted, meanRmse(fittedRun))
    row('baseline: generic LM, 4 parameters', lm, meanRmse(lmRun))
    const ratio = lm.engine / fitted.engine
    // On a shared machine a run's engine (wall-clock) time can include waiting for a core; CPU time cannot.
    const cpuRatio = lm.cpu / fitted.cpu
    console.log(
      `  λ fitted vs generic LM: ${ratio.toFixed(1)}× faster in engine time, ${cpuRatio.toFixed(1)}× in CPU time (LM stopped at its iteration limit on ${lmNotConverged} of ${dates} dates)`,
    )
    console.log(
      `  per date: λ fixed ${((fixed.engine / dates) * 1000).toFixed(2)} µs, λ fitted ${((fitted.engine / dates) * 1000).toFixed(1)} µs, LM ${((lm.engine / dates) * 1000).toFixed(1)} µs`,
    )
    console.log(
      `  targets: λ fitted ≤ 100 ms ${fitted.engine <= 100 ? 'met' : 'MISSED'}, λ fixed ≤ 10 ms ${fixed.engine <= 10 ? 'met' : 'MISSED'}`,
    )
    db.close()

    // The app's path: a job in an engine worker (payload = dataset + root; the worker reads the panel once).
    const pool = new EnginePool<AppJobs>(nodeWorkerSpawner({ entry: workerEntry(), dbPath, env: {} }), 1, () => {})
    try {
      const job = async () => {
        const t0 = performance.now()
        const r = await pool.run('curves.fit', { datasetId, root: 'CL', model: 'ns', fitLambda: true, maxTenors: 0, minTau: 0 })
        return { wall: performance.now() - t0, engine: r.computeMs }
      }
      const first = await job()
      const later: { wall: number; engine: number }[] = []
      for (let i = 0; i < 5; i++) later.push(await job())
      later.sort((a, b) => a.wall - b.wall)
      console.log(
        `\nas an app job (CL, λ fitted, one worker): first ${ms(first.wall)} (reads the panel from SQLite), then ${ms(later[0].wall)} wall of which ${ms(later[0].engine)} engine`,
      )
    } finally {
      await pool.close()
    }
    console.log(`load average after: ${load()}`)
    console.log(
      `RESULT curves_ns_fitted_ms=${fitted.engine.toFixed(2)} ns_fixed_ms=${fixed.engine.toFixed(3)} lm_ratio=${ratio.toFixed(1)} lm_cpu_ratio=${cpuRatio.toFixed(1)}`,
    )
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

await main()
