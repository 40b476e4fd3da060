import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BacktestRun, BacktestSet, BacktestSpecInput, JobInfo } from '../../electron/contract'
import { openDatabase } from '../../electron/db/open'
import { type Backend, createBackend } from '../../electron/host/backend'
import { importSampleData } from '../../electron/services/market'
import { resourcesData } from './fixtures/market-helpers'
import { tempDir, waitFor } from './helpers/temp'
import { callBackend, failure } from './helpers/calls'

// Sweeps through the real backend: the real workers, the real database, the sample bars.
const dir = tempDir('backtests-sample')
let backend: Backend
let spx: number

const call = <T>(channel: string, input: unknown) => callBackend<T>(backend, channel, input)

const runCount = () => backend.db.prepare("SELECT COUNT(*) FROM runs WHERE kind = 'sltp-backtest'").pluck().get() as number

function spec(over: Partial<BacktestSpecInput> = {}): BacktestSpecInput {
  return {
    instrumentId: spx,
    signals: { kind: 'generator', generator: 'breakout', length: 15, edge: true },
    unit: 'price',
    sl: { from: 0.25, to: 5, step: 0.25 },
    tp: { from: 0.25, to: 8, step: 0.25 },
    ...over,
  }
}

beforeAll(async () => {
  const db = openDatabase(join(dir.path, 'alphadesk.sqlite'))
  await importSampleData(db, resourcesData)
  db.close()
  backend = createBackend({ dataDir: dir.path, mode: 'browser', importSample: false, workers: 2 })
  spx = backend.db
    .prepare("SELECT i.id FROM instruments i JOIN datasets d ON d.id = i.dataset_id WHERE d.key = 'spx_1min'")
    .pluck()
    .get() as number
}, 120_000)

afterAll(async () => {
  await backend?.close()
  dir.remove()
})

describe('backtests on the sample', () => {
  it('a sweep split across the workers is stored, and every set re-simulates to its stored statistics', async () => {
    const events: JobInfo[] = []
    const off = backend.bus.subscribe((name, payload) => {
      if (name === 'job.progress') events.push(payload as JobInfo)
    })
    const run = await call<BacktestRun>('backtests.run', { spec: spec(), jobId: 'sweep-1' })
    off()
    expect(run.sl).toHaveLength(20)
    expect(run.tp).toHaveLength(32)
    expect(run.stats.trades).toHaveLength(640)
    expect(run.signals.total).toBeGreaterThan(10)
    // Default costs: the index has no root, so the default spec applies.
    expect(run.spec.costs.tickSize).toBe(0.01)
    // Progress of the parent job, and the work was split into two worker jobs.
    expect(events.some((e) => e.id === 'sweep-1' && e.state === 'done')).toBe(true)
    expect(new Set(events.filter((e) => e.id.startsWith('sweep-1:rows-')).map((e) => e.id)).size).toBe(2)
    const again = await call<BacktestRun>('backtests.get', { runId: run.runId })
    expect(again.stats).toEqual(run.stats)
    for (const [k, m] of [
      [0, 0],
      [3, 7],
      [19, 31],
    ]) {
      const set = await call<BacktestSet>('backtests.set', { runId: run.runId, slIndex: k, tpIndex: m })
      const i = k * run.tp.length + m
      expect(set.source).toBe('simulated')
      expect(set.stats.trades).toBe(run.stats.trades[i])
      expect(set.stats.netPnl).toBeCloseTo(run.stats.netPnl[i], 9)
      expect(set.equity.equity.at(-1) ?? 0).toBeCloseTo(run.stats.netPnl[i], 9)
      for (const t of set.trades) {
        expect(t.entryTime).toBeGreaterThan(t.signalTime)
        expect(t.exitTime).toBeGreaterThanOrEqual(t.entryTime)
      }
    }
    const list = await call<{ runId: number }[]>('backtests.list', {})
    expect(list[0].runId).toBe(run.runId)
  })

  it('kept trades are stored and come back identical to a fresh simulation', async () => {
    const run = await call<BacktestRun>('backtests.run', {
      spec: spec({ sl: { from: 1, to: 2, step: 1 }, tp: { from: 2, to: 3, step: 1 }, tie: 'nearest' }),
    })
    const fresh = await call<BacktestSet>('backtests.set', { runId: run.runId, slIndex: 1, tpIndex: 0 })
    const kept = await call<{ kept: boolean; trades: number }>('backtests.keep', { runId: run.runId, slIndex: 1, tpIndex: 0 })
    expect(kept).toEqual({ kept: true, trades: fresh.trades.length })
    const stored = await call<BacktestSet>('backtests.set', { runId: run.runId, slIndex: 1, tpIndex: 0 })
    expect(stored.source).toBe('stored')
    expect(stored.trades).toEqual(fresh.trades)
    expect((await call<BacktestRun>('backtests.get', { runId: run.runId })).kept).toEqual([{ slIndex: 1, tpIndex: 0 }])
    expect(await call('backtests.remove', { runId: run.runId })).toEqual({ removed: true })
    expect(backend.db.prepare('SELECT COUNT(*) FROM backtest_trades WHERE run_id = ?').pluck().get(run.runId)).toBe(0)
  })

  it('a cancelled sweep stores nothing', async () => {
    const before = runCount()
    const big = spec({
      signals: { kind: 'generator', generator: 'breakout', length: 5, edge: false },
      overlap: true,
      sl: { from: 0.01, to: 20, step: 0.01 },
      tp: { from: 0.05, to: 25, step: 0.05 },
    })
    const pending = call<BacktestRun>('backtests.run', { spec: big, jobId: 'sweep-big' })
    await waitFor(() => backend.pool.status().jobs.some((j) => j.id.startsWith('sweep-big:rows-') && j.state === 'running'), 60_000)
    expect(await call('jobs.cancel', { jobId: 'sweep-big' })).toEqual({ cancelled: true })
    const err = await failure(pending)
    expect(err.code).toBe('JOB_CANCELLED')
    expect(runCount()).toBe(before)
  })

  it('bad specs fail before any sweep, naming the field', async () => {
    const cases: [Partial<BacktestSpecInput>, RegExp][] = [
      [{ sl: { from: -1, to: 5, step: 1 } }, /sl\.from/],
      [{ tp: { from: 1, to: 5, step: 0 } }, /tp\.step/],
      [{ sl: { from: 5, to: 1, step: 1 } }, /sl\.to/],
      [{ costs: { tickSize: 0, tickValue: 1, commission: 0, slippageTicks: 0 } }, /costs\.tickSize/],
      [{ instrumentId: 999_999 }, /instrumentId/],
      [{ instrumentId: undefined, dataset: 'spx_1min', symbol: 'NOPE' }, /symbol/],
      [{ from: '2030-01-01' }, /bars/],
      [{ signals: { kind: 'csv', text: 'time,direction\n2019-11-05T09:30:30,1\n' } }, /line 2.*not a bar time/],
      [{ signals: { kind: 'csv', text: 'time,direction\n2019-11-05T09:31:00,up\n' } }, /line 2, column direction/],
      [{ signals: { kind: 'formula', long: 'close > ts_mxa(high, 5)' } }, /long condition: unknown function 'ts_mxa'/],
      [{ signals: { kind: 'formula' } }, /long condition, a short condition or both/],
      [{ unit: 'atr', atrPeriod: 0 }, /atrPeriod/],
    ]
    const before = runCount()
    for (const [over, message] of cases) {
      const err = await failure(call('backtests.run', { spec: spec(over) }))
      expect(err.message, JSON.stringify(over)).toMatch(message)
    }
    expect(runCount()).toBe(before)
  })

  it('contract specs come from resources/specs/contracts.json (GC at its exchange tick)', async () => {
    const specs = await call<{ roots: { root: string; tickSize: number; tickValue: number }[] }>('backtests.specs', {})
    expect(specs.roots.find((r) => r.root === 'GC')).toMatchObject({ tickSize: 0.1, tickValue: 10 })
    const cl = backend.db
      .prepare("SELECT i.id FROM instruments i JOIN datasets d ON d.id = i.dataset_id WHERE d.key = 'cl_ng' AND i.root = 'CL' LIMIT 1")
      .pluck()
      .get() as number
    expect(await call('backtests.costsFor', { instrumentId: cl })).toMatchObject({ root: 'CL', tickSize: 0.01, tickValue: 10 })
  })
})
