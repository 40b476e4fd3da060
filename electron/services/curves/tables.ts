/**
 * Each view as a flat table: what the CLI writes (CSV/Parquet) and the screen's "Export CSV"
 * downloads, built from the same engine results the screen draws.
 */
import { isoDate, type CurveTable, type CurveWhat } from '../../contract'
import type { CurveSource } from './panel-source'
import {
  continuous,
  deviation,
  fitCurves,
  pca,
  spreads,
  type ContinuousOptions,
  type FitOptions,
  type PcaOptions,
  type SpreadOptions,
} from './views'

export interface TableQuery extends FitOptions, PcaOptions, ContinuousOptions, SpreadOptions {
  what: CurveWhat
  from?: number
  to?: number
  maxTenors: number
}

const DAY = 86_400

/** Date indices inside [from, to]. */
function dateRange(dates: number[], from?: number, to?: number): number[] {
  const out: number[] = []
  for (let d = 0; d < dates.length; d++) if ((from === undefined || dates[d] >= from) && (to === undefined || dates[d] <= to)) out.push(d)
  return out
}

function expiryDay(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 1000 / DAY
}

function curveRows(source: CurveSource, q: TableQuery, withDeviation: boolean): CurveTable {
  const m = source.panel.tenorMatrix(q.maxTenors)
  const dev = withDeviation ? deviation(source, q.maxTenors) : null
  const k = m.tenors
  const columns = ['date', 'tenor', 'contract', 'expiry', 'days_to_expiry', 'price', ...(dev ? ['deviation', 'deviation_pct'] : [])]
  const rows: CurveTable['rows'] = []
  for (const d of dateRange(source.dates, q.from, q.to)) {
    for (let j = 0; j < k; j++) {
      const c = m.contract[d * k + j]
      if (c < 0) continue
      const contract = source.contracts[c]
      const row: (string | number | null)[] = [
        isoDate(source.dates[d]),
        j + 1,
        contract.symbol,
        contract.expiry,
        expiryDay(contract.expiry) - source.dates[d] / DAY,
        m.price[d * k + j],
      ]
      if (dev) row.push(dev.abs[d * k + j], dev.pct[d * k + j])
      rows.push(row)
    }
  }
  return { filename: `${source.root}-${withDeviation ? 'deviation' : 'curve'}`, columns, rows }
}

function seriesTable(source: CurveSource, q: TableQuery): CurveTable {
  const s = spreads(source, q)
  const range = dateRange(s.dates, q.from, q.to)
  return {
    filename: `${source.root}-spreads`,
    columns: ['date', ...s.series.map((x) => x.key)],
    rows: range.map((d) => [isoDate(s.dates[d]), ...s.series.map((x) => x.values[d])]),
  }
}

function fitTable(source: CurveSource, q: TableQuery): CurveTable {
  const f = fitCurves(source, q)
  const p = f.params
  const lambdas = f.model === 'ns' ? 1 : 2
  const betaCols = Array.from({ length: p }, (_, i) => `beta${i}`)
  const lambdaCols = lambdas === 1 ? ['lambda'] : ['lambda1', 'lambda2']
  return {
    filename: `${source.root}-${f.model}`,
    columns: ['date', ...betaCols, ...lambdaCols, 'rmse', 'n_points', 'status'],
    rows: dateRange(f.dates, q.from, q.to).map((d) => [
      isoDate(f.dates[d]),
      ...f.beta.slice(d * p, d * p + p),
      ...f.lambda.slice(d * lambdas, d * lambdas + lambdas),
      f.rmse[d],
      f.nPoints[d],
      f.status[d],
    ]),
  }
}

/** One table: explained variance, loadings per maturity, then the scores per date. */
function pcaTable(source: CurveSource, q: TableQuery): CurveTable {
  const r = pca(source, q)
  const m = r.maturities.length
  const pcs = Array.from({ length: m }, (_, i) => `pc${i + 1}`)
  const rows: CurveTable['rows'] = [['explained', null, null, ...r.explained]]
  r.maturities.forEach((days, j) => rows.push(['loading', null, days, ...pcs.map((_, c) => r.loadings[c * m + j])]))
  for (const d of dateRange(r.dates, q.from, q.to)) {
    if (r.scores[d * m] === null) continue
    rows.push(['score', isoDate(r.dates[d]), null, ...r.scores.slice(d * m, d * m + m)])
  }
  return { filename: `${source.root}-pca`, columns: ['kind', 'date', 'maturity_days', ...pcs], rows }
}

function continuousTable(source: CurveSource, q: TableQuery): CurveTable {
  const c = continuous(source, q)
  const rolls = new Set(c.rolls.map((r) => r.date))
  return {
    filename: `${source.root}-continuous-${q.rule}${q.rule === 'days' ? q.days : ''}-${q.adjust}`,
    columns: ['date', 'contract', 'raw', 'adjusted', 'roll'],
    rows: dateRange(c.dates, q.from, q.to)
      .filter((d) => c.held[d] !== null)
      .map((d) => [isoDate(c.dates[d]), c.held[d], c.raw[d], c.adjusted[d], rolls.has(c.dates[d]) ? 1 : 0]),
  }
}

export function curveTable(source: CurveSource, q: TableQuery): CurveTable {
  switch (q.what) {
    case 'curve':
      return curveRows(source, q, false)
    case 'deviation':
      return curveRows(source, q, true)
    case 'spreads':
      return seriesTable(source, q)
    case 'ns':
      return fitTable(source, q)
    case 'pca':
      return pcaTable(source, q)
    case 'continuous':
      return continuousTable(source, q)
  }
}
