/** Pure reads of the curves state: a date's curve as points, overlay dates, fitted curves. */
import type { CurveFit, CurvePanelView } from '../../../../electron/contract'
import type { XYPoint } from '../../charts/xy'
import type { Overlay, OverlayPreset } from './state'

const DAY = 86_400

export interface CurvePoint {
  tenor: number
  tau: number
  price: number
  symbol: string
}

const expiryCache = new WeakMap<CurvePanelView, number[]>()
/** Expiry of each contract as a unix day number. */
function expiryDays(p: CurvePanelView): number[] {
  let e = expiryCache.get(p)
  if (!e) {
    e = p.contracts.map((c) => Date.parse(`${c.expiry}T00:00:00Z`) / 1000 / DAY)
    expiryCache.set(p, e)
  }
  return e
}

/** The live contracts of date index d, in expiry order, with days to expiry. */
export function curveOf(p: CurvePanelView, d: number): CurvePoint[] {
  if (d < 0 || d >= p.dates.length) return []
  const expiries = expiryDays(p)
  const day = p.dates[d] / DAY
  const out: CurvePoint[] = []
  for (let j = 0; j < p.tenors; j++) {
    const c = p.contract[d * p.tenors + j]
    const price = p.price[d * p.tenors + j]
    if (c < 0 || price === null) continue
    out.push({ tenor: j + 1, tau: expiries[c] - day, price, symbol: p.contracts[c].symbol })
  }
  return out
}

/** Longest days to expiry on any date (the curve chart's axis range). */
export function maxTau(p: CurvePanelView): number {
  const expiries = expiryDays(p)
  let max = 0
  for (let d = 0; d < p.dates.length; d++) {
    for (let j = p.tenors - 1; j >= 0; j--) {
      const c = p.contract[d * p.tenors + j]
      if (c >= 0) {
        max = Math.max(max, expiries[c] - p.dates[d] / DAY)
        break
      }
    }
  }
  return max
}

/** Chart points of a curve; with labels, every contract is named when they fit (about 14), else every k-th, the front always. */
export function toXY(points: readonly CurvePoint[], axis: 'tau' | 'tenor', labels = false): XYPoint[] {
  const every = Math.max(1, Math.ceil(points.length / 14))
  return points.map((pt, i) => ({
    x: axis === 'tau' ? pt.tau : pt.tenor,
    y: pt.price,
    label: labels && i % every === 0 ? pt.symbol : undefined,
    mark: labels && i === 0,
  }))
}

const presetDays: Record<OverlayPreset, number> = { '1d': 0, '1w': 7, '1m': 30, '3m': 91, '1y': 365 }

/** Index of the last date on or before `t` (-1 when none). */
export function indexAtOrBefore(dates: readonly number[], t: number): number {
  let lo = 0
  let hi = dates.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (dates[mid] <= t) lo = mid + 1
    else hi = mid
  }
  return lo - 1
}

/** The date index an overlay shows when the current date is index d. */
export function overlayIndex(dates: readonly number[], d: number, o: Overlay): number {
  if (o.preset === null) return o.date === null ? -1 : indexAtOrBefore(dates, o.date)
  if (o.preset === '1d') return d - 1
  return indexAtOrBefore(dates, dates[d] - presetDays[o.preset] * DAY)
}

/** Twenty distinguishable colours for overlays. */
export const overlayColors = [
  '#f5b942',
  '#9c7cff',
  '#4fc3f7',
  '#ef5350',
  '#66bb6a',
  '#ff8a65',
  '#ba68c8',
  '#4dd0e1',
  '#d4e157',
  '#f06292',
  '#7986cb',
  '#a1887f',
  '#90a4ae',
  '#ffd54f',
  '#81c784',
  '#e57373',
  '#64b5f6',
  '#ce93d8',
  '#80cbc4',
  '#fff176',
]

/** Nelson–Siegel (β0..β2, λ) or Svensson (β0..β3, λ1, λ2) at τ days. */
export function fittedAt(fit: CurveFit, d: number, tau: number): number | null {
  const p = fit.params
  const beta = fit.beta.slice(d * p, d * p + p)
  const nl = p === 3 ? 1 : 2
  const lambda = fit.lambda.slice(d * nl, d * nl + nl)
  if (beta.some((b) => b === null) || lambda.some((l) => l === null)) return null
  const load = (l: number) => {
    const x = l * tau
    if (x < 1e-9) return [1, 0]
    const e = Math.exp(-x)
    const f1 = (1 - e) / x
    return [f1, f1 - e]
  }
  const [f1, f2] = load(lambda[0] as number)
  let y = (beta[0] as number) + (beta[1] as number) * f1 + (beta[2] as number) * f2
  if (p === 4) y += (beta[3] as number) * load(lambda[1] as number)[1]
  return y
}

/** The fitted curve of date d sampled from τ 0 to maxTau. */
export function fittedCurve(fit: CurveFit, d: number, maxTau: number): XYPoint[] {
  const out: XYPoint[] = []
  const steps = 80
  for (let i = 0; i <= steps; i++) {
    const tau = Math.round((maxTau * i) / steps)
    const y = fittedAt(fit, d, tau)
    if (y !== null && (out.length === 0 || out[out.length - 1].x !== tau)) out.push({ x: tau, y })
  }
  return out
}

/** A date-major column as a series over the dates. */
export function column(values: readonly (number | null)[], width: number, j: number): (number | null)[] {
  const n = Math.floor(values.length / width)
  const out = new Array<number | null>(n)
  for (let d = 0; d < n; d++) out[d] = values[d * width + j]
  return out
}
