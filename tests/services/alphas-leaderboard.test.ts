import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { computeAlphas } from '../../electron/cli/commands/alphas'
import type {
  AlphaRun,
  AlphaRunColumn,
  AlphaRunSummary,
  CrossSection,
  Leaderboard,
  PortfolioBacktest,
  TearSheet,
} from '../../electron/contract'
import { type Backend, createBackend } from '../../electron/host/backend'
import { randomWalk, rng, seedPanel } from './helpers/alpha-data'
import { tempDir } from './helpers/temp'
import { callBackend } from './helpers/calls'

// The leaderboard, run history and ad-hoc columns through the real backend (router, worker
// processes, addon, run files) on a constructed dataset.
const dir = tempDir('alphas-leaderboard')
let backend: Backend
let datasetId: number
const days = 90
const n = 30
const close = randomWalk(days, n, 5)
const r = rng(9)
const volume = close.map((row) => row.map(() => Math.round(1e5 * (1 + r()))))

const call = <T>(channel: string, input: unknown) => callBackend<T>(backend, channel, input)

function start() {
  backend = createBackend({
    dataDir: dir.path,
    mode: 'browser',
    importSample: false,
    workers: 2,
  })
}

beforeAll(() => {
  start()
  datasetId = seedPanel(backend.db, {
    key: 'lb-test',
    symbols: Array.from({ length: n }, (_, i) => `S${String(i).padStart(2, '0')}`),
    days,
    close: (t, i) => close[t][i],
    // Two thirds of the instruments trade a constant volume: correlations with volume are undefined there.
    volume: (t, i) => (i % 3 !== 2 ? 5000 : volume[t][i]),
    sector: (i) => ['Tech', 'Energy', 'Health'][i % 3],
  }).datasetId
})

afterAll(async () => {
  await backend?.close()
  dir.remove()
})

const keys = ['alpha001', 'alpha006', 'alpha012', 'alpha033', 'alpha101']

describe('leaderboard', () => {
  let run: AlphaRun
  let board: Leaderboard

  it('screens every alpha of a run in one job; each value equals the tear sheet and the portfolio backtest', async () => {
    run = await call<AlphaRun>('alphas.compute', { datasetId, keys })
    board = await call<Leaderboard>('alphas.leaderboard', { runId: run.runId })
    expect(board.rows.map((x) => x.key)).toEqual(keys)
    for (const row of board.rows) {
      const sheet = await call<TearSheet>('alphas.tearSheet', {
        runId: run.runId,
        key: row.key,
      })
      expect(row.meanIc).toBe(sheet.icStats.mean)
      expect(row.icStd).toBe(sheet.icStats.std)
      expect(row.ir).toBe(sheet.icStats.ir)
      expect(row.tStat).toBe(sheet.icStats.tStat)
      expect([row.ic1, row.ic5, row.ic10, row.ic20]).toEqual(sheet.icDecay.map((d) => d.mean))
      expect(row.spread).toBe(sheet.spread.meanDaily)
      expect(row.turnover).toBe(sheet.turnover)
      expect(row.emptyQuantiles).toEqual(sheet.quantileMeans.filter((q) => q.count === 0).map((q) => q.quantile))
      expect(row.rankAutocorrelation).toBe(sheet.rankAutocorrelation)
      expect(row.coverage).toBe(sheet.coverage)
      const bt = await call<PortfolioBacktest>('alphas.portfolioBacktest', {
        runId: run.runId,
        key: row.key,
      })
      expect(row.sharpe).toBe(bt.stats.sharpe)
      expect(row.maxDrawdown).toBe(bt.stats.maxDrawdown)
      expect(row.maxCorrelationWith).not.toBe(row.key)
    }
    // alpha006 = -correlation(open, volume, 10): undefined for the constant-volume third.
    const a6 = board.rows.find((x) => x.key === 'alpha006')!
    expect(a6.coverage).toBeLessThan(0.5)
    const columns = await call<AlphaRunColumn[]>('alphas.diagnose', { runId: run.runId })
    expect(columns.find((c) => c.key === 'alpha006')?.diagnosis?.culprits[0].operator).toBe('correlation')
  })

  it('names the quantiles a few-valued alpha leaves empty, and leaves its spread undefined', async () => {
    // A 0/1 condition true for exactly half of the 30 instruments each day: the 15 tied zeros have the average
    // rank 8 of 30 and the 15 ones 23 of 30, so with 5 quantiles they fill Q2 and Q4 and nothing else.
    const tied = await call<AlphaRun>('alphas.compute', { datasetId, adhoc: { name: 'upper half', text: 'rank(close) > 0.5' } })
    const row = (await call<Leaderboard>('alphas.leaderboard', { runId: tied.runId })).rows[0]
    expect(row.emptyQuantiles).toEqual([1, 3, 5])
    expect(row.spread).toBeNull()
    const sheet = await call<TearSheet>('alphas.tearSheet', { runId: tied.runId, key: row.key })
    expect(sheet.quantileMeans.filter((q) => q.count === 0).map((q) => q.quantile)).toEqual(row.emptyQuantiles)
    expect(row.meanIc).not.toBeNull()
  })

  it('the CLI writes the same rows to --summary FILE.csv', async () => {
    const file = join(dir.path, 'summary.csv')
    const code = await computeAlphas({
      dataDir: dir.path,
      dataset: 'lb-test',
      alphas: keys.map((k) => Number(k.slice(5))).join(','),
      formulas: [],
      summary: file,
    })
    expect(code).toBe(0)
    const [header, ...lines] = readFileSync(file, 'utf8').trim().split('\n')
    expect(header.split(',').slice(0, 6)).toEqual(['alpha', 'name', 'mean IC', 'IC std', 'IR', 't-stat'])
    expect(lines).toHaveLength(keys.length)
    const cols = header.split(',')
    const num = (cell: string) => (cell === '' ? null : Number(cell))
    for (const line of lines) {
      const cells = line.split(',')
      const row = board.rows.find((x) => x.key === cells[0])!
      expect(num(cells[cols.indexOf('IR')])).toBe(row.ir)
      expect(num(cells[cols.indexOf('net Sharpe')])).toBe(row.sharpe)
      expect(num(cells[cols.indexOf('coverage')])).toBe(row.coverage)
    }
  })
})

describe('coverage diagnosis and the missing-value policy', () => {
  it('a low-coverage alpha carries the operator and the reason; lenient covers it and says so in the run', async () => {
    const text = 'rank(correlation(close, volume, 10))'
    const strict = await call<AlphaRun>('alphas.compute', {
      datasetId,
      adhoc: { name: 'corr', text },
    })
    expect(strict.alphas[0].diagnosis).toBeUndefined() // the reason is a separate, short job
    const col = (await call<AlphaRunColumn[]>('alphas.diagnose', { runId: strict.runId }))[0]
    expect((await call<AlphaRun>('alphas.openRun', { runId: strict.runId })).alphas[0].diagnosis).toEqual(col.diagnosis)
    expect(col.coverage).toBeLessThan(0.5)
    expect(col.diagnosis?.culprits[0].operator).toBe('correlation')
    expect(col.diagnosis?.culprits[0].reason).toMatch(/^correlation over a constant window in 6\d %/)
    expect(strict.policy).toEqual({ mode: 'strict', minShare: 0.5 })
    const lenient = await call<AlphaRun>('alphas.compute', {
      datasetId,
      adhoc: { name: 'corr', text },
      policy: 'lenient',
    })
    expect(lenient.runId).not.toBe(strict.runId)
    expect(lenient.policy?.mode).toBe('lenient')
    expect(lenient.alphas[0].coverage).toBeGreaterThan(0.85)
    expect((await call<AlphaRunColumn[]>('alphas.diagnose', { runId: lenient.runId }))[0].diagnosis).toBeUndefined()

    const short = await call<AlphaRun>('alphas.compute', {
      datasetId,
      adhoc: { name: 'long', text: 'ts_rank(close, 250)' },
    })
    expect(short.alphas[0].coverage).toBe(0)
    const [diagnosed] = await call<AlphaRunColumn[]>('alphas.diagnose', { runId: short.runId })
    expect(diagnosed.diagnosis?.culprits[0].reason).toBe(`needs 250 days of history; the range has ${days}`)
  })
})

describe('run history', () => {
  it('an identical spec on the same data reopens the run without a job', async () => {
    const first = await call<AlphaRun>('alphas.compute', {
      datasetId,
      keys: ['alpha012', 'alpha101'],
    })
    const spy = vi.spyOn(backend.pool, 'run')
    const again = await call<AlphaRun>('alphas.compute', {
      datasetId,
      keys: ['alpha012', 'alpha101'],
    })
    expect(again.runId).toBe(first.runId)
    expect(again.reused).toBe(true)
    expect(spy.mock.calls.filter((c) => c[0] === 'alphas.compute')).toHaveLength(0)
    // Another policy is another spec.
    const other = await call<AlphaRun>('alphas.compute', {
      datasetId,
      keys: ['alpha012', 'alpha101'],
      policy: 'lenient',
    })
    expect(other.runId).not.toBe(first.runId)
    expect(spy.mock.calls.filter((c) => c[0] === 'alphas.compute')).toHaveLength(1)
    spy.mockRestore()
  })

  it('lists every compute with its spec; reopens one with the same cross-section; deletes', async () => {
    const run = await call<AlphaRun>('alphas.compute', {
      datasetId,
      keys: ['alpha003'],
      from: '2021-02-01',
    })
    const list = await call<AlphaRunSummary[]>('alphas.runs', {})
    const item = list.find((x) => x.runId === run.runId)!
    expect(item.alphas.map((a) => a.key)).toEqual(['alpha003'])
    expect(item.datasetKey).toBe('lb-test')
    expect(item.from).toBe(run.dates[0])
    expect(item.bytes).toBeGreaterThan(0)
    expect(item.pinned).toBe(false)
    const date = run.dates[20]
    const before = await call<CrossSection>('alphas.crossSection', {
      runId: run.runId,
      date,
    })
    const reopened = await call<AlphaRun>('alphas.openRun', {
      runId: run.runId,
    })
    expect(reopened.alphas).toEqual(run.alphas)
    expect(
      await call<CrossSection>('alphas.crossSection', {
        runId: run.runId,
        date,
      }),
    ).toEqual(before)
    expect(
      await call<{ deleted: boolean }>('alphas.deleteRun', {
        runId: run.runId,
      }),
    ).toEqual({ deleted: true })
    expect((await call<AlphaRunSummary[]>('alphas.runs', {})).some((x) => x.runId === run.runId)).toBe(false)
    await expect(call('alphas.openRun', { runId: run.runId })).rejects.toThrow(/not available/)
  })

  it('an ad-hoc formula joins the open run as a new column, or opens its own run', async () => {
    const run = await call<AlphaRun>('alphas.compute', {
      datasetId,
      keys: ['alpha012'],
    })
    const text = 'rank(delta(close, 3))'
    const extended = await call<AlphaRun>('alphas.compute', {
      datasetId,
      adhoc: { name: 'mine', text },
      addTo: run.runId,
    })
    expect(extended.runId).toBe(run.runId)
    expect(extended.alphas.map((a) => a.key)).toEqual(['alpha012', 'adhoc-1'])
    const own = await call<AlphaRun>('alphas.compute', {
      datasetId,
      adhoc: { name: 'mine', text },
    })
    expect(own.runId).not.toBe(run.runId)
    const date = run.dates[40]
    const a = await call<CrossSection>('alphas.crossSection', {
      runId: run.runId,
      date,
      keys: ['alpha012', 'adhoc-1'],
    })
    const b = await call<CrossSection>('alphas.crossSection', {
      runId: own.runId,
      date,
      keys: ['adhoc'],
    })
    expect(a.rows.map((x) => x.values[1])).toEqual(b.rows.map((x) => x.values[0]))
    expect(a.rows.some((x) => x.values[1] !== null)).toBe(true)
  })

  it('a pinned run survives a restart; unpinned ones are this session cache', async () => {
    const pinned = await call<AlphaRun>('alphas.compute', {
      datasetId,
      keys: ['alpha004'],
    })
    const loose = await call<AlphaRun>('alphas.compute', {
      datasetId,
      keys: ['alpha005'],
    })
    expect(await call('alphas.pinRun', { runId: pinned.runId, pinned: true })).toEqual({ pinned: true })
    const date = pinned.dates[30]
    const before = await call<CrossSection>('alphas.crossSection', {
      runId: pinned.runId,
      date,
    })
    await backend.close()
    start()
    const list = await call<AlphaRunSummary[]>('alphas.runs', {})
    expect(list.find((x) => x.runId === pinned.runId)?.pinned).toBe(true)
    expect(list.some((x) => x.runId === loose.runId)).toBe(false)
    expect(
      await call<CrossSection>('alphas.crossSection', {
        runId: pinned.runId,
        date,
      }),
    ).toEqual(before)
    await call('alphas.pinRun', { runId: pinned.runId, pinned: false })
    expect((await call<AlphaRunSummary[]>('alphas.runs', {})).find((x) => x.runId === pinned.runId)?.pinned).toBe(false)
  })
})
