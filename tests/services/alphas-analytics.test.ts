import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AlphaRun } from '../../electron/contract'
import { createBackend, type Backend } from '../../electron/host/backend'
import { readStoredRun } from '../../electron/services/alphas'
import { RankScratch, pctRanks, rankRows, spearmanRanked, spearmanRows } from '../../electron/services/alphas/rank'
import { rng } from './helpers/alpha-data'
import { pandasPctRank, randomWalk, seedPanel } from './helpers/alpha-data'
import { tempDir } from './helpers/temp'
import { callBackend } from './helpers/calls'

// Constructed datasets written straight into SQLite, run through the real backend: router
// validation, the engine pool's real worker processes, the real addon, real run files.
const dir = tempDir('alphas-analytics')
let backend: Backend

const call = <T>(channel: string, input: unknown) => callBackend<T>(backend, channel, input)

// IC dataset: the "alpha" (volume) on day t is exactly the next day's return (+ a constant).
const icDays = 80
const icN = 40
const icClose = randomWalk(icDays, icN, 7)
let icData: ReturnType<typeof seedPanel>

// Backtest dataset: 6 stocks × 12 days, alpha = volume, hand-picked numbers.
const btDays = 12
const btN = 6
const btClose = randomWalk(btDays, btN, 11)
const btAlpha = randomWalk(btDays, btN, 99).map((row, t) => row.map((v, i) => ((t * 7 + i * 13) % 11) + v / 1000))
let btData: ReturnType<typeof seedPanel>

beforeAll(() => {
  backend = createBackend({ dataDir: dir.path, mode: 'browser', importSample: false, workers: 2 })
  icData = seedPanel(backend.db, {
    key: 'ic-test',
    symbols: Array.from({ length: icN }, (_, i) => `S${String(i).padStart(2, '0')}`),
    days: icDays,
    close: (t, i) => icClose[t][i],
    volume: (t, i) => (t + 1 < icDays ? 1000 + 1000 * (icClose[t + 1][i] / icClose[t][i] - 1) : 1000),
    sector: (i) => (i % 2 ? 'Odd' : 'Even'),
  })
  btData = seedPanel(backend.db, {
    key: 'bt-test',
    symbols: ['A', 'B', 'C', 'D', 'E', 'F'],
    days: btDays,
    close: (t, i) => btClose[t][i],
    volume: (t, i) => btAlpha[t][i],
  })
})

afterAll(async () => {
  await backend?.close()
  dir.remove()
})

const compute = (datasetId: number, text: string, extra: object = {}) =>
  call<AlphaRun>('alphas.compute', { datasetId, adhoc: { name: 'test', text }, ...extra })

describe('alpha analytics on constructed panels', () => {
  it('pct ranks are pandas rank(pct=True): ties averaged, NaN kept', () => {
    const row = [3, 1, Number.NaN, 3, 2, 3, -1]
    const out = new Float64Array(row.length)
    pctRanks(Float64Array.from(row), out)
    const expected = pandasPctRank(row.map((v) => (Number.isNaN(v) ? null : v)))
    expected.forEach((e, i) => (e === null ? expect(out[i]).toBeNaN() : expect(out[i]).toBeCloseTo(e, 12)))
    expect(out[0]).toBeCloseTo(5 / 6, 12) // three 3s share ranks 4, 5, 6 of 6
  })

  it('the fast rank paths agree with plain Spearman, ties and gaps included', () => {
    const r = rng(3)
    const n = 57
    const rows = 30
    // Coarse values (many ties) with scattered NaN; half the rows share the NaN pattern.
    const x = Float64Array.from({ length: rows * n }, () => (r() < 0.05 ? Number.NaN : Math.floor(r() * 12)))
    const y = Float64Array.from(x, (v, k) =>
      Math.floor(k / n) % 2 ? (r() < 0.05 ? Number.NaN : r()) : Number.isNaN(v) ? Number.NaN : r() + v / 10,
    )
    const s = new RankScratch(n)
    const xr = rankRows(x, rows, n, s)
    const yr = rankRows(y, rows, n, s)
    for (let d = 0; d < rows; d++) {
      const fast = spearmanRanked(x, xr, d, y, yr, d, n, s)
      const plain = spearmanRows(x, d * n, y, d * n, n, s)
      expect(fast).toBeCloseTo(plain, 12)
      // Row ranks are pandas' average ranks (not divided by the count).
      const expected = pandasPctRank(Array.from(x.subarray(d * n, (d + 1) * n), (v) => (Number.isNaN(v) ? null : v)))
      expected.forEach((e, i) =>
        e === null ? expect(xr.ranks[d * n + i]).toBeNaN() : expect(xr.ranks[d * n + i] / xr.counts[d]).toBeCloseTo(e, 12),
      )
    }
  })

  it('tear sheet: an alpha that IS the next-day return has IC 1 and monotone quantiles', async () => {
    const run = await compute(icData.datasetId, 'volume')
    expect(run.alphas[0].ok).toBe(true)
    expect(run.dates).toHaveLength(icDays)
    const sheet = await call<import('../../electron/contract').TearSheet>('alphas.tearSheet', { runId: run.runId, key: 'adhoc' })
    expect(sheet.icStats.days).toBe(icDays - 1) // the last day has no next-day return
    expect(sheet.icStats.mean).toBeCloseTo(1, 9)
    expect(sheet.ic.values.slice(0, -1).every((v) => v !== null && Math.abs(v - 1) < 1e-9)).toBe(true)
    expect(sheet.ic.values.at(-1)).toBeNull()
    expect(sheet.icDecay.map((d) => d.horizon)).toEqual([1, 5, 10, 20])
    expect(sheet.icDecay[0].mean).toBeCloseTo(1, 9)
    expect(Math.abs(sheet.icDecay[3].mean!)).toBeLessThan(0.9)
    const means = sheet.quantileMeans.map((q) => q.meanReturn!)
    expect(means).toHaveLength(5)
    for (let q = 1; q < 5; q++) expect(means[q]).toBeGreaterThan(means[q - 1])
    expect(sheet.quantileMeans.reduce((s, q) => s + q.count, 0)).toBe((icDays - 1) * icN)
    expect(sheet.spread.meanDaily).toBeCloseTo(means[4] - means[0], 12)
    expect(sheet.spread.cumulative.at(-1)!).toBeGreaterThan(0)
    expect(sheet.quantileCumulative.series).toHaveLength(5)
    expect(sheet.coverage).toBe(1)
    expect(sheet.turnover).toBeGreaterThan(0)
  })

  it('universe: a sector filter evaluates on that sector only, so ranks are over it', async () => {
    const run = await compute(icData.datasetId, 'rank(close)', { sectors: ['Odd'] })
    expect(run.sectors).toEqual(['Odd'])
    expect(run.instruments).toHaveLength(icN / 2)
    expect(run.instruments.every((x) => x.sector === 'Odd')).toBe(true)
    const cs = await call<import('../../electron/contract').CrossSection>('alphas.crossSection', {
      runId: run.runId,
      date: icData.dates[10],
    })
    const values = cs.rows.map((r) => r.values[0]!)
    expect(Math.max(...values)).toBe(1)
    expect(Math.min(...values)).toBeCloseTo(1 / (icN / 2), 12)
    const odd = icClose[10].filter((_, i) => i % 2 === 1)
    const expected = pandasPctRank(odd)
    cs.rows.forEach((r, k) => expect(r.values[0]).toBeCloseTo(expected[k]!, 12))
  })

  it('backtest with zero cost matches a hand computation (quantile and rank weighting), and is stored', async () => {
    const run = await compute(btData.datasetId, 'volume')
    for (const weighting of ['quantile', 'rank'] as const) {
      const bt = await call<import('../../electron/contract').PortfolioBacktest>('alphas.portfolioBacktest', {
        runId: run.runId,
        key: 'adhoc',
        weighting,
        quantile: 1 / 3,
        costBps: 0,
      })
      // Hand computation: decide on day t, hold from close t+1 to close t+2.
      const expected: number[] = []
      for (let t = 0; t + 2 < btDays; t++) {
        const a = btAlpha[t]
        let w: number[]
        if (weighting === 'quantile') {
          const order = [0, 1, 2, 3, 4, 5].sort((x, y) => a[x] - a[y])
          w = new Array(6).fill(0)
          w[order[0]] = w[order[1]] = -0.25
          w[order[4]] = w[order[5]] = 0.25
        } else {
          const r = pandasPctRank(a) as number[]
          const mean = r.reduce((s, x) => s + x, 0) / 6
          const c = r.map((x) => x - mean)
          const g = c.reduce((s, x) => s + Math.abs(x), 0)
          w = c.map((x) => x / g)
        }
        expected.push(w.reduce((s, wi, i) => s + wi * (btClose[t + 2][i] / btClose[t + 1][i] - 1), 0))
      }
      expect(bt.returns).toHaveLength(btDays - 2)
      bt.returns.forEach((r, k) => expect(r).toBeCloseTo(expected[k], 12))
      expect(bt.time[0]).toBe(btData.dates[2])
      let equity = 1
      expected.forEach((r, k) => {
        equity *= 1 + r
        expect(bt.equity[k]).toBeCloseTo(equity, 12)
      })
      expect(bt.stats.totalReturn).toBeCloseTo(equity - 1, 12)
      expect(bt.stats.days).toBe(btDays - 2)
      expect(bt.turnover[0]).toBeCloseTo(1, 12) // opening a gross-1 book
      expect(bt.drawdown.every((d) => d <= 0)).toBe(true)

      const stored = readStoredRun(backend.db, bt.backtestId)!
      expect(stored.kind).toBe('alpha-backtest')
      expect(stored.datasetId).toBe(btData.datasetId)
      expect(stored.spec).toMatchObject({ key: 'adhoc', weighting, costBps: 0, formula: 'volume' })
      expect(stored.stats).toEqual(bt.stats)
      expect(stored.returns.map((r) => r.ret)).toEqual(bt.returns)
      expect(stored.returns.map((r) => r.ts)).toEqual(bt.time)
    }
  })

  it("backtest cost is costBps × turnover, taken from that day's return", async () => {
    const run = await compute(btData.datasetId, 'volume')
    const args = { runId: run.runId, key: 'adhoc', weighting: 'quantile', quantile: 1 / 3 }
    const free = await call<import('../../electron/contract').PortfolioBacktest>('alphas.portfolioBacktest', { ...args, costBps: 0 })
    const paid = await call<import('../../electron/contract').PortfolioBacktest>('alphas.portfolioBacktest', { ...args, costBps: 25 })
    paid.returns.forEach((r, k) => expect(r).toBeCloseTo(free.returns[k] - 0.0025 * free.turnover[k], 14))
    expect(paid.gross).toEqual(free.returns)
  })

  it('correlation: an alpha against itself and its negative', async () => {
    const saved = await call<import('../../electron/contract').AlphaFormula>('alphas.saveFormula', {
      name: 'momentum',
      text: 'rank(delta(close, 5))',
    })
    const run = await call<AlphaRun>('alphas.compute', {
      datasetId: icData.datasetId,
      keys: [saved.key],
      adhoc: { text: '-1 * delta(close, 5)' },
    })
    const c = await call<import('../../electron/contract').AlphaCorrelation>('alphas.correlation', { runId: run.runId })
    expect(c.keys).toEqual([saved.key, 'adhoc'])
    expect(c.days).toBe(icDays)
    expect(c.matrix[0][0]).toBe(1)
    expect(c.matrix[0][1]).toBeCloseTo(-1, 9)
    expect(c.matrix[1][0]).toBe(c.matrix[0][1])
  })

  it('rejects unknown runs and keys with clear errors', async () => {
    await expect(call('alphas.crossSection', { runId: '../../etc/passwd', date: 0 })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(call('alphas.crossSection', { runId: 'no-such-run', date: 0 })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(call('alphas.compute', { datasetId: icData.datasetId, keys: ['alpha102'] })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(call('alphas.compute', { datasetId: icData.datasetId })).rejects.toMatchObject({ code: 'VALIDATION' })
    await expect(call('alphas.compute', { datasetId: icData.datasetId, adhoc: { text: 'close' }, from: '2030-01-01' })).rejects.toThrow(
      /no trading dates/,
    )
  })
})
