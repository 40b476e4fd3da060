/**
 * The curves views, computed by the engine on a root's cached panel (in a worker). Every
 * number the screen shows, the CLI writes and the screen exports comes from here.
 */
import type {
  ContinuousSeries,
  CurveDeviation,
  CurveFit,
  CurvePanelView,
  CurvePca,
  CurveSeries,
  CurveSeriesSet,
  CurveWarning,
  FitModel,
  SpreadKind,
} from '../../contract'
import { toNullable } from '../../shared/nullable'
import type { CurveSource } from './panel-source'

export interface FitOptions {
  model: FitModel
  lambda?: number
  lambda2?: number
  fitLambda: boolean
  maxTenors: number
  minTau: number
}

export interface SpreadOptions {
  pairs: { kind: SpreadKind; a: number; b: number }[]
  cm: number[]
  slopeTenors?: number
}

export interface PcaOptions {
  maturities: number[]
  flat: boolean
}

export interface ContinuousOptions {
  rule: 'days' | 'volume' | 'openInterest'
  days: number
  adjust: 'none' | 'difference' | 'ratio'
}

/** Merge warnings of the same code (counts add up, first message kept). */
function mergeWarnings(...lists: CurveWarning[][]): CurveWarning[] {
  const byCode = new Map<string, CurveWarning>()
  for (const w of lists.flat()) {
    const seen = byCode.get(w.code)
    if (seen) byCode.set(w.code, { ...seen, count: seen.count + w.count })
    else byCode.set(w.code, { ...w })
  }
  return [...byCode.values()]
}

export function panelWarnings(source: CurveSource): CurveWarning[] {
  const out = source.panel.info().warnings
  if (source.unplaced.length) {
    out.push({
      code: 'NO_EXPIRY',
      count: source.unplaced.length,
      message: `${source.unplaced.length} contracts have no expiry and no rule places them (e.g. ${source.unplaced.slice(0, 3).join(', ')}): left out`,
    })
  }
  const fromRule = source.contracts.filter((c) => c.expiryFromRule).length
  if (fromRule) {
    out.push({
      code: 'EXPIRY_FROM_RULE',
      count: fromRule,
      message: `${fromRule} contracts had no expiry: placed by the ${source.root} expiry rule`,
    })
  }
  return out
}

export function panelView(source: CurveSource): CurvePanelView {
  const m = source.panel.tenorMatrix(0)
  return {
    datasetId: source.datasetId,
    root: source.root,
    dates: source.dates,
    contracts: source.contracts,
    tenors: m.tenors,
    price: toNullable(m.price),
    contract: Array.from(m.contract),
    warnings: panelWarnings(source),
  }
}

export function deviation(source: CurveSource, maxTenors: number): CurveDeviation {
  const d = source.panel.deviation(maxTenors)
  return { tenors: d.tenors, abs: toNullable(d.abs), pct: toNullable(d.pct), warnings: d.warnings }
}

const spreadLabel: Record<SpreadKind, (a: number, b: number) => [string, string]> = {
  spread: (a, b) => [`M${a}–M${b}`, 'price'],
  contango: (a, b) => [`contango M${a}→M${b}`, '%'],
  rollYield: (a, b) => [`roll yield M${a}/M${b}`, 'per year'],
}

export function spreads(source: CurveSource, o: SpreadOptions): CurveSeriesSet {
  const series: CurveSeries[] = []
  const warnings: CurveWarning[][] = []
  for (const p of o.pairs) {
    const s = source.panel.tenorPair(p.kind, p.a, p.b)
    const [label, unit] = spreadLabel[p.kind](p.a, p.b)
    series.push({ key: `${p.kind}_${p.a}_${p.b}`, label, unit, values: toNullable(s.values) })
    warnings.push(s.warnings)
  }
  if (o.cm.length) {
    const m = o.cm.length
    const levels = source.panel.constantMaturity(Float64Array.from(o.cm), false)
    o.cm.forEach((days, j) => {
      const col = new Float64Array(source.dates.length)
      for (let d = 0; d < col.length; d++) col[d] = levels[d * m + j]
      series.push({ key: `cm_${days}`, label: `${days}-day constant maturity`, unit: 'price', values: toNullable(col) })
    })
  }
  if (o.slopeTenors !== undefined) {
    const label = o.slopeTenors ? `slope M1–M${o.slopeTenors}` : 'slope (all contracts)'
    series.push({ key: 'slope', label, unit: 'price per year', values: toNullable(source.panel.slope(o.slopeTenors)) })
  }
  return { dates: source.dates, series, warnings: mergeWarnings(...warnings) }
}

export function fitCurves(source: CurveSource, o: FitOptions): CurveFit {
  const common = { maxTenors: o.maxTenors, minTau: o.minTau }
  const r =
    o.model === 'ns'
      ? source.panel.fitNs({ ...common, lambda: o.lambda, fitLambda: o.fitLambda })
      : source.panel.fitSvensson(o.fitLambda ? common : { ...common, lambda1: o.lambda ?? 0.0058, lambda2: o.lambda2 ?? 0.03 })
  return {
    model: o.model,
    fitLambda: o.fitLambda,
    dates: source.dates,
    params: o.model === 'ns' ? 3 : 4,
    beta: toNullable(r.beta),
    lambda: toNullable(r.lambda),
    rmse: toNullable(r.rmse),
    nPoints: Array.from(r.nPoints),
    status: Array.from(r.status),
    warnings: r.warnings,
    computeMs: r.computeMs,
  }
}

export function pca(source: CurveSource, o: PcaOptions): CurvePca {
  const r = source.panel.pca(Float64Array.from(o.maturities), o.flat)
  return {
    maturities: o.maturities,
    dates: source.dates,
    eigenvalues: Array.from(r.eigenvalues),
    explained: Array.from(r.explained),
    loadings: Array.from(r.loadings),
    scores: toNullable(r.scores),
    nObs: r.nObs,
  }
}

/** The continuous series plus what storing it needs (the adjustment per date). */
export function continuous(
  source: CurveSource,
  o: ContinuousOptions,
): ContinuousSeries & { contract: Int32Array; mul: Float64Array; add: Float64Array } {
  const r = source.panel.continuous({ rule: o.rule, days: o.days, adjust: o.adjust })
  const symbolOf = (i: number) => (i >= 0 ? source.contracts[i].symbol : null)
  const rolls = Array.from(r.rollDates, (d, k) => ({
    date: source.dates[d],
    from: symbolOf(r.contract[d - 1]) ?? '',
    to: symbolOf(r.contract[d]) ?? '',
    oldPrice: Number.isFinite(r.rollOld[k]) ? r.rollOld[k] : null,
    newPrice: Number.isFinite(r.rollNew[k]) ? r.rollNew[k] : null,
  }))
  return {
    dates: source.dates,
    held: Array.from(r.contract, symbolOf),
    raw: toNullable(r.raw),
    adjusted: toNullable(r.adjusted),
    rolls,
    warnings: r.warnings,
    contract: r.contract,
    mul: r.mul,
    add: r.add,
  }
}
