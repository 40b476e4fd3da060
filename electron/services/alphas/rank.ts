/**
 * Ranking and correlation helpers shared by the cross-section table, the tear sheet, the
 * correlation matrix and the backtest. Plain loops over typed arrays: these run per date
 * over a few hundred to a few thousand instruments.
 */

/**
 * Average ranks (1-based, ties share the mean of their positions) of `values[0..m)`, written
 * to `out[0..m)`. `order` is scratch of length >= m. Values must be finite.
 */
export function averageRanks(values: Float64Array, m: number, order: Uint32Array, out: Float64Array): void {
  const idx = order.subarray(0, m)
  for (let i = 0; i < m; i++) idx[i] = i
  idx.sort((a, b) => values[a] - values[b] || a - b)
  let i = 0
  while (i < m) {
    let j = i
    const v = values[idx[i]]
    while (j + 1 < m && values[idx[j + 1]] === v) j++
    const r = (i + j) / 2 + 1
    for (let k = i; k <= j; k++) out[idx[k]] = r
    i = j + 1
  }
}

/**
 * pandas `rank(pct=True)` of one row: average rank among the non-NaN values divided by their
 * count; NaN stays NaN. Writes `out[0..n)`.
 */
export function pctRanks(row: Float64Array, out: Float64Array, scratch = new RankScratch(row.length)): void {
  const n = row.length
  scratch.ensure(n)
  const { a, ra, pos, order } = scratch
  let m = 0
  for (let i = 0; i < n; i++) {
    const v = row[i]
    if (v === v && v !== Infinity && v !== -Infinity) {
      a[m] = v
      pos[m] = i
      m++
    }
    out[i] = Number.NaN
  }
  if (m === 0) return
  averageRanks(a, m, order, ra)
  for (let k = 0; k < m; k++) out[pos[k]] = ra[k] / m
}

/** Reusable buffers for ranking rows of up to `n` values. */
export class RankScratch {
  a = new Float64Array(0)
  b = new Float64Array(0)
  ra = new Float64Array(0)
  rb = new Float64Array(0)
  pos = new Uint32Array(0)
  order = new Uint32Array(0)
  constructor(n = 0) {
    this.ensure(n)
  }
  ensure(n: number): void {
    if (this.a.length >= n) return
    this.a = new Float64Array(n)
    this.b = new Float64Array(n)
    this.ra = new Float64Array(n)
    this.rb = new Float64Array(n)
    this.pos = new Uint32Array(n)
    this.order = new Uint32Array(n)
  }
}

/** Pearson correlation of `x[0..m)` and `y[0..m)`; NaN when m < 2 or either side is constant. */
export function pearson(x: Float64Array, y: Float64Array, m: number): number {
  if (m < 2) return Number.NaN
  let sx = 0
  let sy = 0
  for (let i = 0; i < m; i++) {
    sx += x[i]
    sy += y[i]
  }
  const mx = sx / m
  const my = sy / m
  let sxx = 0
  let syy = 0
  let sxy = 0
  for (let i = 0; i < m; i++) {
    const dx = x[i] - mx
    const dy = y[i] - my
    sxx += dx * dx
    syy += dy * dy
    sxy += dx * dy
  }
  if (sxx <= 0 || syy <= 0) return Number.NaN
  const r = sxy / Math.sqrt(sxx * syy)
  return r > 1 ? 1 : r < -1 ? -1 : r
}

/** Fewest pairs a per-date rank correlation is computed from; fewer gives no value that day. */
export const minPairs = 3

/**
 * Spearman rank correlation across instruments of two rows (length n), over the instruments
 * where both are finite. NaN when fewer than `minPairs` pairs or a side is constant.
 */
export function spearmanRows(x: Float64Array, xOff: number, y: Float64Array, yOff: number, n: number, s: RankScratch): number {
  s.ensure(n)
  const { a, b, ra, rb, order } = s
  let m = 0
  for (let i = 0; i < n; i++) {
    const u = x[xOff + i]
    const v = y[yOff + i]
    if (Number.isFinite(u) && Number.isFinite(v)) {
      a[m] = u
      b[m] = v
      m++
    }
  }
  if (m < minPairs) return Number.NaN
  averageRanks(a, m, order, ra)
  averageRanks(b, m, order, rb)
  return pearson(ra, rb, m)
}

export interface Moments {
  mean: number
  std: number
  n: number
}

/** Mean and sample standard deviation (ddof = 1) of the finite values. */
export function moments(values: ArrayLike<number>): Moments {
  let n = 0
  let sum = 0
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    if (Number.isFinite(v)) {
      n++
      sum += v
    }
  }
  const mean = n ? sum / n : Number.NaN
  let ss = 0
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    if (Number.isFinite(v)) ss += (v - mean) ** 2
  }
  return { mean, std: n > 1 ? Math.sqrt(ss / (n - 1)) : Number.NaN, n }
}

export function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null
}
