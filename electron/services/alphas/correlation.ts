/**
 * Correlation matrix of alphas: for each pair, the mean over dates of the cross-sectional
 * rank correlation of the two alphas — the Pearson correlation of their pct ranks (each
 * alpha ranked over the instruments where it has a value) over the instruments where both
 * have one; this is the Spearman correlation whenever both cover the same instruments.
 * How alike two signals rank the same stocks on the same day.
 *
 * Cost grows with pairs × instruments × dates; past a budget the dates are sampled evenly
 * (every k-th date) and the result says how many dates it used.
 */
import type { AlphaCorrelation } from '../../contract'
import { RankScratch, pctRanks } from './rank'

/** Pair-instrument-date operations allowed before dates are sampled (about a second of work). */
export const correlationBudget = 4e8

export function correlationMatrix(
  keys: string[],
  t: number,
  n: number,
  readRow: (k: number, d: number, out: Float64Array) => void,
  onProgress?: (done: number, total: number) => void,
): AlphaCorrelation {
  const k = keys.length
  const pairs = (k * (k - 1)) / 2
  const perDate = Math.max(1, pairs * n)
  const step = Math.max(1, Math.ceil((perDate * t) / correlationBudget))
  const rows = Array.from({ length: k }, () => new Float64Array(n))
  const ranks = Array.from({ length: k }, () => new Float64Array(n))
  const valid = new Int32Array(k)
  const seen = new Uint8Array(k)
  const sum = new Float64Array(k * k)
  const cnt = new Int32Array(k * k)
  const s = new RankScratch(n)
  let used = 0
  const total = Math.ceil(t / step)
  for (let d = 0; d < t; d += step) {
    for (let x = 0; x < k; x++) {
      readRow(x, d, rows[x])
      pctRanks(rows[x], ranks[x], s)
      let v = 0
      for (let i = 0; i < n; i++) if (ranks[x][i] === ranks[x][i]) v++
      valid[x] = v
      if (v >= 3) seen[x] = 1
    }
    for (let x = 0; x < k; x++) {
      if (valid[x] < 3) continue
      const rx = ranks[x]
      for (let y = x + 1; y < k; y++) {
        if (valid[y] < 3) continue
        const ry = ranks[y]
        let m = 0
        let sa = 0
        let sb = 0
        let saa = 0
        let sbb = 0
        let sab = 0
        for (let i = 0; i < n; i++) {
          const a = rx[i]
          const b = ry[i]
          // NaN fails both comparisons: ranks are in (0, 1].
          if (a > 0 && b > 0) {
            m++
            sa += a
            sb += b
            saa += a * a
            sbb += b * b
            sab += a * b
          }
        }
        if (m < 3) continue
        const va = m * saa - sa * sa
        const vb = m * sbb - sb * sb
        if (va <= 1e-12 * m * saa || vb <= 1e-12 * m * sbb) continue
        const r = (m * sab - sa * sb) / Math.sqrt(va * vb)
        sum[x * k + y] += Math.max(-1, Math.min(1, r))
        cnt[x * k + y]++
      }
    }
    used++
    onProgress?.(used, total)
  }
  const matrix: (number | null)[][] = Array.from({ length: k }, (_, x) =>
    Array.from({ length: k }, (_, y) => {
      if (x === y) return seen[x] ? 1 : null
      const [i, j] = x < y ? [x, y] : [y, x]
      return cnt[i * k + j] ? sum[i * k + j] / cnt[i * k + j] : null
    }),
  )
  return { keys, matrix, days: used, sampledEvery: step }
}
