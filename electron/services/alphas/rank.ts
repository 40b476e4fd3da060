/**
 * Ranking and correlation helpers shared by the cross-section table, the tear sheet, the
 * correlation matrix and the backtest. Plain loops over typed arrays: these run per date
 * over a few hundred to a few thousand instruments.
 */

/**
 * Average ranks (1-based, ties share the mean of their positions) of `values[0..m)`, written
 * to `out[0..m)`. `sorted` is scratch of length >= m. Values must not be NaN.
 *
 * Sorts a copy with the typed array's native numeric sort (no comparator calls), then finds
 * each value's run of equals by binary search: rank = (first + last) / 2 + 1 over the run.
 */
export function averageRanks(values: Float64Array, m: number, sorted: Float64Array, out: Float64Array): void {
  const s = sorted.subarray(0, m)
  s.set(values.subarray(0, m))
  s.sort()
  for (let i = 0; i < m; i++) {
    const v = values[i]
    let lo = 0
    let hi = m
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (s[mid] < v) lo = mid + 1
      else hi = mid
    }
    let end = lo + 1
    if (end < m && s[end] <= v) {
      // Ties: find the end of the run of equal values.
      let h = m
      while (end < h) {
        const mid = (end + h) >>> 1
        if (s[mid] <= v) end = mid + 1
        else h = mid
      }
    }
    out[i] = (lo + end + 1) / 2
  }
}

/**
 * pandas `rank(pct=True)` of one row: average rank among the non-NaN values divided by their
 * count; NaN stays NaN. Writes `out[0..n)`.
 */
export function pctRanks(row: Float64Array, out: Float64Array, scratch = new RankScratch(row.length)): void {
  const n = row.length
  scratch.ensure(n)
  const { a, ra, pos, sorted } = scratch
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
  averageRanks(a, m, sorted, ra)
  for (let k = 0; k < m; k++) out[pos[k]] = ra[k] / m
}

/** Reusable buffers for ranking rows of up to `n` values. */
export class RankScratch {
  a = new Float64Array(0)
  b = new Float64Array(0)
  ra = new Float64Array(0)
  rb = new Float64Array(0)
  pos = new Uint32Array(0)
  sorted = new Float64Array(0)
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
    this.sorted = new Float64Array(n)
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
  const { a, b, ra, rb, sorted } = s
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
  averageRanks(a, m, sorted, ra)
  averageRanks(b, m, sorted, rb)
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

/** Average ranks of each row of a date-major rows × n matrix over its finite values (NaN elsewhere), with counts. */
export interface RowRanks {
  ranks: Float64Array
  counts: Int32Array
}

export function rankRows(values: Float64Array, rows: number, n: number, s: RankScratch): RowRanks {
  s.ensure(n)
  const ranks = new Float64Array(rows * n).fill(Number.NaN)
  const counts = new Int32Array(rows)
  const { a, ra, pos, sorted } = s
  for (let r = 0; r < rows; r++) {
    const off = r * n
    let m = 0
    for (let i = 0; i < n; i++) {
      const v = values[off + i]
      if (v - v === 0) {
        a[m] = v
        pos[m] = i
        m++
      }
    }
    counts[r] = m
    if (!m) continue
    averageRanks(a, m, sorted, ra)
    for (let k = 0; k < m; k++) ranks[off + pos[k]] = ra[k]
  }
  return { ranks, counts }
}

/**
 * Spearman correlation of row `xr` of x and row `yr` of y over the instruments where both are
 * finite. Uses the precomputed row ranks when both rows cover exactly the same instruments
 * (the usual case), else ranks the common subset afresh.
 */
export function spearmanRanked(
  x: Float64Array,
  xRanks: RowRanks,
  xr: number,
  y: Float64Array,
  yRanks: RowRanks,
  yr: number,
  n: number,
  s: RankScratch,
): number {
  const rx = xRanks.ranks
  const ry = yRanks.ranks
  const xo = xr * n
  const yo = yr * n
  let m = 0
  for (let i = 0; i < n; i++) if (rx[xo + i] > 0 && ry[yo + i] > 0) m++
  if (m < minPairs) return Number.NaN
  if (m !== xRanks.counts[xr] || m !== yRanks.counts[yr]) return spearmanRows(x, xo, y, yo, n, s)
  // Same instruments on both sides: ranks are 1..m on each, mean (m + 1) / 2.
  const mean = (m + 1) / 2
  let sxx = 0
  let syy = 0
  let sxy = 0
  for (let i = 0; i < n; i++) {
    const a = rx[xo + i]
    if (!(a > 0)) continue
    const dx = a - mean
    const dy = ry[yo + i] - mean
    sxx += dx * dx
    syy += dy * dy
    sxy += dx * dy
  }
  if (sxx <= 0 || syy <= 0) return Number.NaN
  const r = sxy / Math.sqrt(sxx * syy)
  return r > 1 ? 1 : r < -1 ? -1 : r
}
