import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AlphaFormula, AlphaRun, CrossSection, FormulaLibrary, JobInfo, ParseResult, TearSheet } from '../../electron/contract'
import { openDatabase } from '../../electron/db/open'
import { loadNative } from '../../electron/native/addon'
import { createBackend, type Backend } from '../../electron/host/backend'
import { importSampleData } from '../../electron/services/market'
import { pandasPctRank } from './helpers/alpha-data'
import { tempDir, waitFor } from './helpers/temp'
import { callBackend, failure } from './helpers/calls'
import { resourcesData } from './fixtures/market-helpers'

// The real sample (505 S&P 500 stocks × 1,259 days) through the real backend and workers.
const dir = tempDir('alphas-sample')
let backend: Backend
let datasetId: number

const call = <T>(channel: string, input: unknown) => callBackend<T>(backend, channel, input)

beforeAll(async () => {
  const db = openDatabase(join(dir.path, 'alphadesk.sqlite'))
  await importSampleData(db, resourcesData)
  db.close()
  backend = createBackend({ dataDir: dir.path, mode: 'browser', importSample: false, workers: 2 })
  datasetId = backend.db.prepare("SELECT id FROM datasets WHERE key = 'sp500'").pluck().get() as number
})

afterAll(async () => {
  await backend?.close()
  dir.remove()
})

describe('alpha screens on the sample data', () => {
  it('the library holds the 101 alphas, every one parses, with the citation', async () => {
    const lib = await call<FormulaLibrary>('alphas.library', {})
    const paper = lib.formulas.filter((f) => f.source === 'paper')
    expect(paper).toHaveLength(101)
    expect(paper.map((f) => f.key)).toEqual(Array.from({ length: 101 }, (_, i) => `alpha${String(i + 1).padStart(3, '0')}`))
    expect(paper[0].name).toBe('Alpha#1')
    for (const f of paper) {
      const parsed = await call<ParseResult>('alphas.parse', { text: f.text })
      expect(parsed.ok, `${f.key}: ${JSON.stringify(parsed)}`).toBe(true)
      expect(f.fields.length).toBeGreaterThan(0)
    }
    expect(paper[55].fields).toContain('cap')
    expect(paper[47].fields).toContain('indclass.subindustry')
    expect(lib.citation).toMatch(/Kakushadze.*101 Formulaic Alphas.*1601\.00991/)
  })

  it('saveFormula refuses a broken formula with its position and a suggestion; saves and deletes a good one', async () => {
    const typo = await failure(call('alphas.saveFormula', { name: 'typo', text: 'rank(ts_rnak(close, 5))' }))
    expect(typo.code).toBe('VALIDATION')
    expect(typo.message).toMatch(/ts_rnak.*column 6.*ts_rank/)
    expect(typo.details).toMatchObject({ parse: { offset: 5, line: 1, column: 6, suggestion: 'ts_rank' } })
    const open = await failure(call('alphas.saveFormula', { name: 'open paren', text: 'rank(close' }))
    expect(open.details).toMatchObject({ parse: { column: 11, expected: expect.arrayContaining(["')'"]) } })

    const saved = await call<AlphaFormula>('alphas.saveFormula', { name: 'Reversal', text: '-1 * delta(close, 5)' })
    expect(saved).toMatchObject({ source: 'user', name: 'Reversal', fields: ['close'] })
    expect(saved.key).toMatch(/^user:\d+$/)
    expect((await call<FormulaLibrary>('alphas.library', {})).formulas.at(-1)).toEqual(saved)
    expect(await call('alphas.deleteFormula', { key: saved.key })).toEqual({ deleted: true })
    expect((await call<FormulaLibrary>('alphas.library', {})).formulas.some((f) => f.key === saved.key)).toBe(false)
  })

  let run: AlphaRun
  it('computes alphas 1, 12, 101 and a formula of our own with sane coverage; 56 cannot run; fallbacks warn', async () => {
    const progress: JobInfo[] = []
    const unsubscribe = backend.bus.subscribe((name, payload) => {
      if (name === 'job.progress' && (payload as JobInfo).id === 'compute-6') progress.push(payload as JobInfo)
    })
    run = await call<AlphaRun>('alphas.compute', {
      datasetId,
      keys: ['alpha001', 'alpha012', 'alpha101', 'alpha056', 'alpha048', 'alpha059'],
      adhoc: { name: 'momentum', text: 'rank(delta(close, 20))' },
      from: '2014-01-01',
      to: '2017-12-31',
      jobId: 'compute-6',
    })
    unsubscribe()
    expect(run.instruments).toHaveLength(505)
    expect(run.dates.length).toBeGreaterThan(1000)
    expect(new Date(run.dates[0] * 1000).toISOString().slice(0, 10)).toBe('2014-01-02')
    expect(new Date(run.dates.at(-1)! * 1000).toISOString().slice(0, 10)).toBe('2017-12-29')
    const col = (k: string) => run.alphas.find((a) => a.key === k)!
    for (const k of ['alpha001', 'alpha012', 'alpha101', 'adhoc']) {
      expect(col(k).ok, k).toBe(true)
      expect(col(k).coverage, k).toBeGreaterThan(0.9)
      expect(col(k).coverage, k).toBeLessThanOrEqual(1)
    }
    expect(col('adhoc').name).toBe('momentum')
    expect(col('alpha056')).toMatchObject({ ok: false, coverage: 0, error: { code: 'MISSING_FIELD' } })
    expect(col('alpha056').error!.message).toMatch(/cap/)
    expect(col('alpha048').warnings.join('\n')).toMatch(/IndClass\.subindustry: 105 of 505 instruments have no subindustry.*by sector/)
    expect(col('alpha059').warnings.join('\n')).toMatch(/IndClass\.industry.*no industry.*sector/)
    expect(col('alpha001').warnings).toEqual([])
    expect(run.panel?.bytes).toBeGreaterThan(505 * 1259 * 8 * 5)
    expect(progress.some((j) => j.state === 'running' && j.done > 0 && j.done < j.total)).toBe(true)
    expect(progress.at(-1)).toMatchObject({ state: 'done', kind: 'alphas.compute' })
  })

  it('cross-section values match a direct evaluation, and ranks are pandas pct ranks', async () => {
    const date = run.dates[500]
    const cs = await call<CrossSection>('alphas.crossSection', {
      runId: run.runId,
      date,
      keys: ['alpha001', 'alpha012', 'alpha101', 'alpha056'],
    })
    expect(cs.date).toBe(date)
    expect(cs.rows).toHaveLength(505)

    // The engine straight on the cached panel file, in this process.
    const panels = join(dir.path, 'cache', 'panels')
    const panelPath = join(panels, readdirSync(panels).find((f) => f.endsWith('.panel'))!)
    const lib = await call<FormulaLibrary>('alphas.library', {})
    const text = (k: string) => lib.formulas.find((f) => f.key === k)!.text
    const direct = loadNative().evaluateFormulas(
      panelPath,
      ['alpha001', 'alpha012', 'alpha101'].map((k) => ({ name: k, text: text(k) })),
      { from: date, to: date },
    )
    expect(direct.symbols).toEqual(cs.rows.map((r) => r.symbol))
    direct.results.forEach((r, k) => {
      cs.rows.forEach((row, i) => {
        const v = r.values![i]
        if (Number.isNaN(v)) expect(row.values[k]).toBeNull()
        else expect(row.values[k]).toBe(v)
      })
    })

    // Alpha#12 by hand from the bars in SQLite: sign(delta(volume, 1)) * (-1 * delta(close, 1)).
    const prev = run.dates[499]
    const bar = backend.db.prepare('SELECT close, volume FROM bars WHERE instrument_id = ? AND ts = ?')
    let checked = 0
    cs.rows.forEach((row) => {
      const a = bar.get(row.instrumentId, prev) as { close: number; volume: number } | undefined
      const b = bar.get(row.instrumentId, date) as { close: number; volume: number } | undefined
      if (!a || !b) return expect(row.values[1]).toBeNull()
      expect(row.values[1]).toBeCloseTo(Math.sign(b.volume - a.volume) * -(b.close - a.close), 10)
      checked++
    })
    expect(checked).toBeGreaterThan(480)

    for (let k = 0; k < 3; k++) {
      const expected = pandasPctRank(cs.rows.map((r) => r.values[k]))
      cs.rows.forEach((row, i) =>
        expected[i] === null ? expect(row.ranks[k]).toBeNull() : expect(row.ranks[k]).toBeCloseTo(expected[i]!, 12),
      )
    }
    expect(cs.rows.every((r) => r.values[3] === null && r.ranks[3] === null)).toBe(true)

    // As of: a weekend date gives the Friday before.
    const saturday = run.dates.find((d) => new Date(d * 1000).getUTCDay() === 5)! + 86_400
    expect((await call<CrossSection>('alphas.crossSection', { runId: run.runId, date: saturday })).date).toBe(saturday - 86_400)
  })

  it("series: one stock's alpha over the run", async () => {
    const aapl = run.instruments.find((x) => x.symbol === 'AAPL')!
    const s = await call<{ time: number[]; values: (number | null)[] }>('alphas.series', {
      runId: run.runId,
      key: 'alpha101',
      instrumentId: aapl.id,
    })
    expect(s.time).toEqual(run.dates)
    const cs = await call<CrossSection>('alphas.crossSection', { runId: run.runId, date: run.dates[321], keys: ['alpha101'] })
    expect(s.values[321]).toBe(cs.rows.find((r) => r.symbol === 'AAPL')!.values[0])
  })

  it('tear sheet of alpha 101 on real data', async () => {
    const sheet = await call<TearSheet>('alphas.tearSheet', { runId: run.runId, key: 'alpha101' })
    expect(sheet.icStats.days).toBeGreaterThan(950)
    expect(Math.abs(sheet.icStats.mean!)).toBeLessThan(0.2)
    expect(sheet.icStats.tStat).toBeCloseTo((sheet.icStats.mean! / sheet.icStats.std!) * Math.sqrt(sheet.icStats.days), 9)
    expect(sheet.quantileMeans.map((q) => q.quantile)).toEqual([1, 2, 3, 4, 5])
    expect(sheet.rankAutocorrelation!).toBeGreaterThan(-1)
    expect(sheet.turnover!).toBeGreaterThan(0)
    expect(sheet.turnover!).toBeLessThanOrEqual(1)
    expect(sheet.coverage).toBe(run.alphas.find((a) => a.key === 'alpha101')!.coverage)
    await expect(call('alphas.tearSheet', { runId: run.runId, key: 'alpha056' })).rejects.toThrow(/did not compute.*cap/)
  })

  it('correlation matrix of chosen alphas, and a backtest of one', async () => {
    const c = await call<import('../../electron/contract').AlphaCorrelation>('alphas.correlation', {
      runId: run.runId,
      keys: ['alpha001', 'alpha101', 'adhoc'],
    })
    expect(c.keys).toEqual(['alpha001', 'alpha101', 'adhoc'])
    expect(c.days).toBe(run.dates.length)
    for (let i = 0; i < 3; i++) {
      expect(c.matrix[i][i]).toBe(1)
      for (let j = 0; j < 3; j++) {
        expect(c.matrix[i][j]).toBe(c.matrix[j][i])
        expect(Math.abs(c.matrix[i][j]!)).toBeLessThanOrEqual(1)
      }
    }
    await expect(call('alphas.correlation', { runId: run.runId, keys: ['alpha056'] })).rejects.toThrow(/did not compute/)
    const bt = await call<import('../../electron/contract').PortfolioBacktest>('alphas.portfolioBacktest', {
      runId: run.runId,
      key: 'alpha101',
    })
    expect(bt.stats.days).toBeGreaterThan(950)
    expect(bt.stats.meanTurnover!).toBeGreaterThan(0)
    expect(bt.stats.maxDrawdown!).toBeGreaterThan(0)
    expect(bt.equity.at(-1)).toBeCloseTo(1 + bt.stats.totalReturn!, 12)
  })

  it('a compute job can be cancelled; the engine keeps working', async () => {
    const jobId = 'alphas-cancel-test'
    const keys = Array.from({ length: 101 }, (_, i) => `alpha${String(i + 1).padStart(3, '0')}`)
    const pending = failure(call('alphas.compute', { datasetId, keys, jobId }))
    await waitFor(() => backend.pool.status().jobs.some((j) => j.id === jobId && j.state === 'running'))
    expect(await call('jobs.cancel', { jobId })).toEqual({ cancelled: true })
    const err = await pending
    expect(err.code).toBe('JOB_CANCELLED')
    const again = await call<AlphaRun>('alphas.compute', { datasetId, keys: ['alpha012'], from: '2017-06-01' })
    expect(again.alphas[0].ok).toBe(true)
  })
})
