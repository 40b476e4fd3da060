import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ContinuousSeries, CurveFit, CurvePanelView, CurveSeriesSet } from '../../electron/contract'
import { openDatabase, type Db } from '../../electron/db/open'
import { createBackend, type Backend } from '../../electron/host/backend'
import { callBackend as call, failure } from './helpers/calls'
import { tempDir } from './helpers/temp'

// Small hand-made futures datasets with the awkward cases, through the real backend and worker.
const dir = tempDir('curves-degenerate')
let backend: Backend
let datasetId: number
const day = 86_400
const t0 = Date.UTC(2020, 2, 2) / 1000 // Monday 2020-03-02

function seed(db: Db): number {
  const id = Number(db.prepare(`INSERT INTO datasets (key, name, kind) VALUES ('odd', 'odd futures', 'futures')`).run().lastInsertRowid)
  const ins = db.prepare('INSERT INTO instruments (dataset_id, symbol, root, expiry) VALUES (?, ?, ?, ?)')
  const bar = db.prepare('INSERT INTO bars (instrument_id, ts, open, high, low, close, settle, volume) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
  const stats = db.prepare('INSERT INTO instrument_stats (instrument_id, bar_count, first_ts, last_ts) VALUES (?, ?, ?, ?)')
  // CL: CLJ20 with its (test) expiry 2020-03-06, traded until then; CLK20 and CLM20 without an
  // expiry (placed by the CL rule); a stray symbol.
  const contracts: [string, string | null, number][] = [
    ['CLJ20', '2020-03-06', 30],
    ['CLK20', null, 31],
    ['CLM20', null, 32],
    ['CL_WEIRD', null, 99],
  ]
  for (const [symbol, expiry, base] of contracts) {
    const iid = Number(ins.run(id, symbol, 'CL', expiry).lastInsertRowid)
    const days = symbol === 'CLJ20' ? 5 : 10
    for (let d = 0; d < days; d++) {
      // settle missing on day 3 of CLK20: the close stands in
      const settle = symbol === 'CLK20' && d === 3 ? null : base + d * 0.1
      bar.run(iid, t0 + d * day, base, base, base, base + d * 0.1, settle, 100)
    }
    stats.run(iid, days, t0, t0 + (days - 1) * day)
  }
  // GC: one contract only
  const gc = Number(ins.run(id, 'GCJ20', 'GC', '2020-04-28').lastInsertRowid)
  for (let d = 0; d < 5; d++) bar.run(gc, t0 + d * day, null, null, null, null, 1600 + d, null)
  stats.run(gc, 5, t0, t0 + 4 * day)
  return id
}

beforeAll(() => {
  const db = openDatabase(join(dir.path, 'alphadesk.sqlite'))
  datasetId = seed(db)
  db.close()
  backend = createBackend({ dataDir: dir.path, mode: 'browser', importSample: false, workers: 1 })
})
afterAll(async () => {
  await backend?.close()
  dir.remove()
})

describe('curves on degenerate input', () => {
  it('places contracts without an expiry by the root rule, leaves out what it cannot place, uses the close for a missing settle — and says so', async () => {
    const p = await call<CurvePanelView>(backend, 'curves.panel', { datasetId, root: 'CL' })
    expect(p.contracts.map((c) => [c.symbol, c.expiry, c.expiryFromRule])).toEqual([
      ['CLJ20', '2020-03-06', false],
      ['CLK20', '2020-04-21', true],
      ['CLM20', '2020-05-19', true],
    ])
    const codes = Object.fromEntries(p.warnings.map((w) => [w.code, w.count]))
    expect(codes).toEqual({ CLOSE_FALLBACK: 1, NO_EXPIRY: 1, EXPIRY_FROM_RULE: 2 })
    expect(p.tenors).toBe(3)
    expect(p.contract.slice(5 * 3, 5 * 3 + 3)).toEqual([1, 2, -1]) // CLJ20 gone after its expiry
  })

  it('a root with one contract: spreads are empty, fits say too few points, no exception', async () => {
    const p = await call<CurvePanelView>(backend, 'curves.panel', { datasetId, root: 'GC' })
    expect(p.warnings.map((w) => w.code)).toEqual(['SINGLE_CONTRACT'])
    const s = await call<CurveSeriesSet>(backend, 'curves.spreads', { datasetId, root: 'GC', pairs: [{ kind: 'spread', a: 1, b: 2 }] })
    expect(s.series[0].values.every((v) => v === null)).toBe(true)
    const f = await call<CurveFit>(backend, 'curves.fit', { datasetId, root: 'GC', model: 'ns' })
    expect(f.status.every((x) => x === 2)).toBe(true)
    expect(f.warnings[0].code).toBe('TOO_FEW_POINTS')
    // Without flat ends there is no complete pair of maturities: an error that says why.
    const e = await failure(call(backend, 'curves.pca', { datasetId, root: 'GC', maturities: [10, 20], flat: false }))
    expect(e.message).toMatch(/PCA needs more complete daily changes/)
    const v = await failure(call(backend, 'curves.continuous', { datasetId, root: 'GC', rule: 'volume', adjust: 'none' }))
    expect(v.message).toMatch(/no volume data/)
  })

  it('a continuous contract is stored as an instrument of the dataset (and replaced, not duplicated, on a second save)', async () => {
    const c = await call<ContinuousSeries>(backend, 'curves.continuous', {
      datasetId,
      root: 'CL',
      rule: 'days',
      days: 1,
      adjust: 'difference',
    })
    expect(c.rolls.map((r) => [r.from, r.to])).toEqual([['CLJ20', 'CLK20']])
    const saved = await call<{ instrumentId: number; symbol: string; bars: number }>(backend, 'curves.saveContinuous', {
      datasetId,
      root: 'CL',
      rule: 'days',
      days: 1,
      adjust: 'difference',
    })
    expect(saved).toMatchObject({ symbol: 'CL-CONT-1D-DIFF', bars: 10 })
    const again = await call<{ instrumentId: number }>(backend, 'curves.saveContinuous', {
      datasetId,
      root: 'CL',
      rule: 'days',
      days: 1,
      adjust: 'difference',
    })
    expect(again.instrumentId).toBe(saved.instrumentId)
    const bars = await call<{ close: (number | null)[] }>(backend, 'market.getBars', { instrumentId: saved.instrumentId })
    expect(bars.close).toEqual(c.adjusted.filter((v) => v !== null))
    // The saved series is not a contract of the curve.
    const p = await call<CurvePanelView>(backend, 'curves.panel', { datasetId, root: 'CL' })
    expect(p.contracts).toHaveLength(3)
  })
})
