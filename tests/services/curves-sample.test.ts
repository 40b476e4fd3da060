import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  isoDate,
  isoDateToUnix,
  type ContinuousSeries,
  type CurveFit,
  type CurvePanelView,
  type CurveRoot,
  type CurveSeriesSet,
  type CurveTable,
  type CurvePca,
} from '../../electron/contract'
import { openDatabase } from '../../electron/db/open'
import { createBackend, type Backend } from '../../electron/host/backend'
import { callBackend as call } from './helpers/calls'
import { importFuturesSamples } from './helpers/curves-data'
import { tempDir } from './helpers/temp'

// The real VX and CL/NG samples through the real backend, workers and engine.
const dir = tempDir('curves-sample')
let backend: Backend
let vx: CurveRoot
let cl: CurveRoot
let clPanel: CurvePanelView
let vxPanel: CurvePanelView

const day = (iso: string) => isoDateToUnix(iso) as number

/** Price of tenor j (0-based) on `iso`, with the contract symbol. */
function tenorOn(p: CurvePanelView, iso: string, j: number): { symbol: string; price: number | null } {
  const d = p.dates.indexOf(day(iso))
  expect(d, `${iso} is a trading date of ${p.root}`).toBeGreaterThanOrEqual(0)
  const c = p.contract[d * p.tenors + j]
  return { symbol: c >= 0 ? p.contracts[c].symbol : '', price: p.price[d * p.tenors + j] }
}

beforeAll(async () => {
  const db = openDatabase(join(dir.path, 'alphadesk.sqlite'))
  await importFuturesSamples(db)
  db.close()
  backend = createBackend({ dataDir: dir.path, mode: 'browser', importSample: false, workers: 1 })
  const roots = await call<CurveRoot[]>(backend, 'curves.roots', {})
  vx = roots.find((r) => r.root === 'VX') as CurveRoot
  cl = roots.find((r) => r.root === 'CL') as CurveRoot
  clPanel = await call<CurvePanelView>(backend, 'curves.panel', { datasetId: cl.datasetId, root: 'CL' })
  vxPanel = await call<CurvePanelView>(backend, 'curves.panel', { datasetId: vx.datasetId, root: 'VX' })
})

afterAll(async () => {
  await backend?.close()
  dir.remove()
})

describe('curves on the real samples', () => {
  it('lists the futures roots with their contracts', () => {
    expect(vx.contracts).toBe(158)
    expect(cl.contracts).toBe(101)
    expect(clPanel.dates).toHaveLength(1361)
    expect(clPanel.tenors).toBe(36)
  })

  it('CLK20 settled at −37.63 on 2020-04-20 and the CL curve was in steep contango', () => {
    const front = tenorOn(clPanel, '2020-04-20', 0)
    expect(front).toEqual({ symbol: 'CLK20', price: -37.63 })
    const curve = Array.from({ length: 12 }, (_, j) => tenorOn(clPanel, '2020-04-20', j).price as number)
    // Every one of the first 12 contracts above the one before it, M2 almost $60 over M1.
    for (let j = 1; j < 12; j++) expect(curve[j]).toBeGreaterThan(curve[j - 1])
    expect(curve[1] - curve[0]).toBeGreaterThan(55)
  })

  it('VX is in backwardation on 2015-08-24, 2018-02-05, 2020-03-16 and in contango on most days of 2017', async () => {
    const s = await call<CurveSeriesSet>(backend, 'curves.spreads', {
      datasetId: vx.datasetId,
      root: 'VX',
      pairs: [{ kind: 'contango', a: 1, b: 2 }],
    })
    const contango = s.series[0].values
    for (const iso of ['2015-08-24', '2018-02-05', '2020-03-16']) {
      const d = s.dates.indexOf(day(iso))
      expect(contango[d], iso).toBeLessThan(0)
      expect((tenorOn(vxPanel, iso, 0).price as number) > (tenorOn(vxPanel, iso, 1).price as number)).toBe(true)
    }
    const in2017 = s.dates.map((t, d) => [isoDate(t), contango[d]] as const).filter(([iso]) => iso.startsWith('2017'))
    const share = in2017.filter(([, v]) => v !== null && v > 0).length / in2017.length
    expect(in2017.length).toBeGreaterThan(240)
    expect(share).toBeGreaterThan(0.9)
  })

  it('VX 2013 rows without a settle fall back to the close, and say so', () => {
    const w = vxPanel.warnings.find((x) => x.code === 'CLOSE_FALLBACK')
    expect(w?.count).toBeGreaterThan(800)
    expect(tenorOn(vxPanel, '2013-01-02', 0)).toEqual({ symbol: 'VXF13', price: 15.6 })
  })

  it('fits Nelson–Siegel on every CL date; fitted λ has a lower RMSE than the fixed λ', async () => {
    const ref = { datasetId: cl.datasetId, root: 'CL' }
    const fixed = await call<CurveFit>(backend, 'curves.fit', { ...ref, model: 'ns', jobId: 'ns-fixed' })
    const fitted = await call<CurveFit>(backend, 'curves.fit', { ...ref, model: 'ns', fitLambda: true })
    expect(fixed.status.every((s) => s === 0)).toBe(true)
    expect(fixed.lambda.every((l) => l === 0.0058)).toBe(true)
    const mean = (v: (number | null)[]) => (v as number[]).reduce((a, b) => a + b, 0) / v.length
    expect(mean(fitted.rmse)).toBeLessThan(mean(fixed.rmse))
    // The level beta sits within the curve's range on an ordinary day.
    const d = fixed.dates.indexOf(day('2019-06-03'))
    const b0 = fixed.beta[d * 3] as number
    expect(b0).toBeGreaterThan(40)
    expect(b0).toBeLessThan(70)
  })

  it('PCA of CL daily changes: the first component is a level shift explaining most of the variance', async () => {
    const p = await call<CurvePca>(backend, 'curves.pca', { datasetId: cl.datasetId, root: 'CL', maturities: [30, 90, 180, 365, 730] })
    expect(p.explained[0]).toBeGreaterThan(0.8)
    expect(p.loadings.slice(0, 5).every((v) => v > 0)).toBe(true)
    expect(p.nObs).toBeGreaterThan(1300)
  })

  it('builds a continuous CL contract; the CLK20 roll happens before the negative settle', async () => {
    const c = await call<ContinuousSeries>(backend, 'curves.continuous', {
      datasetId: cl.datasetId,
      root: 'CL',
      rule: 'days',
      days: 5,
      adjust: 'ratio',
    })
    const roll = c.rolls.find((r) => r.from === 'CLK20')
    expect(roll?.to).toBe('CLM20')
    expect((roll?.date as number) < day('2020-04-20')).toBe(true)
    expect(c.held[c.dates.indexOf(day('2020-04-20'))]).toBe('CLM20')
    // Difference adjustment: the adjusted series has no jump at a roll that the raw one has.
    const diff = await call<ContinuousSeries>(backend, 'curves.continuous', {
      datasetId: cl.datasetId,
      root: 'CL',
      rule: 'days',
      days: 5,
      adjust: 'difference',
    })
    const r = diff.rolls[3]
    const d = diff.dates.indexOf(r.date)
    expect((diff.adjusted[d] as number) - (diff.adjusted[d - 1] as number)).toBeCloseTo(
      (diff.raw[d] as number) - (diff.raw[d - 1] as number) - ((r.newPrice as number) - (r.oldPrice as number)),
      9,
    )
  })

  it('the CLI table of a date is the screen panel of that date', async () => {
    const t = await call<CurveTable>(backend, 'curves.table', {
      datasetId: cl.datasetId,
      root: 'CL',
      what: 'curve',
      from: day('2020-04-20'),
      to: day('2020-04-20'),
    })
    expect(t.rows).toHaveLength(36)
    expect(t.rows[0]).toEqual(['2020-04-20', 1, 'CLK20', '2020-04-21', 1, -37.63])
  })
})
