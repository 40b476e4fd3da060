/**
 * Correlation matrix of alphas: for each pair, the mean over dates of the cross-sectional
 * Spearman rank correlation between the two alphas (over the instruments where both have a
 * value) — how alike two signals rank the same stocks on the same day.
 *
 * Cost grows with pairs × instruments × dates; past a budget the dates are sampled evenly
 * (every k-th date) and the result says how many dates it used.
 */
import type { AlphaCorrelation } from '../../contract'
import { RankScratch, pctRanks, pearson, spearmanRows } from './rank'

/** Pair-instrument-date operations allowed before dates are sampled (about a second of work). */
export const correlationBudget = 6e8

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
  const a = new Float64Array(n)
  const b = new Float64Array(n)
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
      for (let y = x + 1; y < k; y++) {
        if (valid[x] < 3 || valid[y] < 3) continue
        const rx = ranks[x]
        const ry = ranks[y]
        let m = 0
        for (let i = 0; i < n; i++) {
          if (rx[i] === rx[i] && ry[i] === ry[i]) {
            a[m] = rx[i]
            b[m] = ry[i]
            m++
          }
        }
        // Same instruments on both sides: the per-alpha ranks are the pair's ranks.
        const r = m === valid[x] && m === valid[y] ? pearson(a, b, m) : spearmanRows(rows[x], 0, rows[y], 0, n, s)
        if (Number.isFinite(r)) {
          sum[x * k + y] += r
          cnt[x * k + y]++
        }
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
