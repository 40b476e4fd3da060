import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import type { AppError, JobInfo } from '../../electron/contract'
import { openDatabase } from '../../electron/db/open'
import { EnginePool } from '../../electron/pool/pool'
import { nodeWorkerSpawner } from '../../electron/pool/worker-handle'
import { workerEntry } from '../../electron/host/worker-entry'
import type { AppJobs } from '../../electron/host/jobs'
import { seedInstrument } from './helpers/bars'
import { tempDir, waitFor } from './helpers/temp'

// Real worker processes loading the real addon and reading a real SQLite file.
const dir = tempDir('pool')
const dbPath = join(dir.path, 'alphadesk.sqlite')
let pool: EnginePool<AppJobs>
let instrumentId: number
const closes = Array.from({ length: 300 }, (_, i) => (i === 50 ? null : 100 + Math.sin(i / 7) * 10 + i * 0.1))

beforeAll(() => {
  const db = openDatabase(dbPath)
  instrumentId = seedInstrument(db, 'TEST', closes)
  db.close()
  pool = new EnginePool<AppJobs>(nodeWorkerSpawner({ entry: workerEntry(), dbPath, env: { ALPHADESK_ALLOW_SELFTEST: '1' } }), 2)
})

afterAll(async () => {
  await pool.close()
  dir.remove()
})

const rejection = async (p: Promise<unknown>): Promise<AppError> => {
  try {
    await p
  } catch (err) {
    return err as AppError
  }
  throw new Error('expected the job to fail')
}

describe('engine pool', () => {
  it('starts the workers, each a separate process', async () => {
    const workers = await waitFor(() => {
      const w = pool.status().workers
      return w.every((x) => x.state === 'idle') && w
    })
    expect(workers).toHaveLength(2)
    expect(new Set(workers.map((w) => w.pid)).size).toBe(2)
    expect(workers.every((w) => w.pid !== process.pid)).toBe(true)
  })

  it('computes an SMA overlay in a worker that reads the database itself', async () => {
    const result = await pool.run('market.indicator', { instrumentId, kind: 'sma', window: 20 })
    expect(result.time).toHaveLength(closes.length)
    const mid = result.lines.mid
    // Naive reference: a full window of non-missing values, else no value.
    for (let i = 0; i < closes.length; i++) {
      const window = closes.slice(Math.max(0, i - 19), i + 1)
      const expected = i < 19 || window.some((v) => v === null) ? null : window.reduce((a, b) => a! + b!, 0)! / 20
      if (expected === null) expect(mid[i]).toBeNull()
      else expect(mid[i]).toBeCloseTo(expected, 9)
    }
  })

  it('computes Bollinger bands around the SMA', async () => {
    const result = await pool.run('market.indicator', { instrumentId, kind: 'bollinger', window: 10 })
    const i = 120
    const w = closes.slice(i - 9, i + 1) as number[]
    const mean = w.reduce((a, b) => a + b) / 10
    const sd = Math.sqrt(w.reduce((a, b) => a + (b - mean) ** 2, 0) / 9)
    expect(result.lines.upper[i]).toBeCloseTo(mean + 2 * sd, 9)
    expect(result.lines.lower[i]).toBeCloseTo(mean - 2 * sd, 9)
  })

  it('streams progress with an ETA', async () => {
    const seen: JobInfo[] = []
    await pool.run('selftest.sleep', { steps: 5, stepMs: 120 }, { onProgress: (j) => seen.push(j) })
    const running = seen.filter((j) => j.state === 'running')
    expect(running.length).toBeGreaterThanOrEqual(3)
    expect(running.some((j) => j.etaMs !== null && j.etaMs > 0)).toBe(true)
    expect(seen.at(-1)?.state).toBe('done')
  })

  it('cancels a running job and replaces its worker', async () => {
    // ~17 minutes of work: only the cancel can end it within the test's timeout.
    const job = pool.run('selftest.sleep', { steps: 10_000, stepMs: 100 }, { jobId: 'long-one' })
    await waitFor(() => pool.status().jobs.find((j) => j.id === 'long-one' && j.state === 'running'))
    const pidBefore = pool.status().workers.find((w) => w.jobId === 'long-one')!.pid
    expect(pool.cancel('long-one')).toBe(true)
    const err = await rejection(job)
    expect(err.code).toBe('JOB_CANCELLED')
    await waitFor(() => pool.status().workers.every((w) => w.state === 'idle'))
    expect(pool.status().workers.map((w) => w.pid)).not.toContain(pidBefore)
    expect(pool.cancel('long-one')).toBe(false)
  })

  it('cancels a queued job without touching the workers', async () => {
    const a = pool.run('selftest.sleep', { steps: 3, stepMs: 100 })
    const b = pool.run('selftest.sleep', { steps: 3, stepMs: 100 })
    const queued = pool.run('selftest.sleep', { steps: 3, stepMs: 100 }, { jobId: 'queued-one' })
    expect(pool.status().jobs.find((j) => j.id === 'queued-one')?.state).toBe('queued')
    expect(pool.cancel('queued-one')).toBe(true)
    expect((await rejection(queued)).code).toBe('JOB_CANCELLED')
    await Promise.all([a, b])
  })

  it('isolates a worker that aborts in native code: the job fails clearly, the pool goes on', async () => {
    const err = await rejection(pool.run('selftest.abort', {}, { label: 'crash test' }))
    expect(err.code).toBe('ENGINE_CRASHED')
    expect(err.message).toMatch(/crashed \(signal SIGABRT\) while running crash test/)
    await waitFor(() => pool.status().workers.every((w) => w.state === 'idle'))
    expect(pool.status().workers.reduce((n, w) => n + w.restarts, 0)).toBeGreaterThanOrEqual(1)
    const after = await pool.run('market.indicator', { instrumentId, kind: 'ema', window: 5 })
    expect(after.lines.mid.filter((v) => v !== null).length).toBeGreaterThan(200)
  })

  it('reports engine errors for bad jobs as data', async () => {
    const err = await rejection(pool.run('market.summary', { instrumentId: 999_999 }))
    expect(err.code).toBe('NOT_FOUND')
  })
})
