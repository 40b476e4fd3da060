/**
 * Factor tear sheet of one alpha over a run: information coefficients, quantile returns,
 * spread, rank autocorrelation, turnover.
 *
 * Conventions (all cross-sectional, per date, over the run's universe):
 * - Forward return at horizon h for date t: close[t+h] / close[t] − 1, close to close, using
 *   the closes that follow the run's last date where the data has them (the run stores up to
 *   `forwardDays` of them). The alpha at t is known at the close of t, so this is the return
 *   a position taken at that close would earn; the backtest is the stricter, tradeable version.
 * - IC(t) = Spearman rank correlation between alpha[t] and the 1-day forward return, over the
 *   instruments with both; no value when fewer than 3 pairs or a side is constant.
 *   t-stat = mean / std · sqrt(days). IC decay: the same at horizons 1, 5, 10, 20, with the
 *   t-stat taken over days / h (overlapping h-day windows are not independent).
 * - Quantiles: per date, instruments with an alpha and a 1-day forward return are bucketed by
 *   alpha rank into `quantiles` equal-count buckets (1 = lowest alpha, ties share a bucket).
 *   Mean return by bucket = mean over dates of the bucket's equal-weighted mean return.
 *   Cumulative bucket returns compound the daily bucket means; spread = top − bottom bucket.
 * - Rank autocorrelation: mean over dates of Spearman(alpha[t−1], alpha[t]).
 * - Turnover: mean over dates of the share of the top (and bottom) bucket's names, by alpha
 *   alone, that were not in the same bucket the day before, averaged over the two buckets.
 * Every time axis is the factor date t (the date the alpha is known).
 */
import type { TearSheet } from '../../contract'
import { RankScratch, averageRanks, finiteOrNull, minPairs, moments, rankRows, spearmanRanked, spearmanRows, type RowRanks } from './rank'

export const icHorizons = [1, 5, 10, 20] as const
/** Closes kept after the run's last date, for forward returns (largest horizon + the backtest's 2-day lag). */
export const forwardDays = 22

export interface AlphaPanelSlice {
  /** Date-major T×N alpha values. */
  alpha: Float64Array
  /** Date-major Tc×N closes, Tc >= T; rows T.. are the dates after the run's last date. */
  close: Float64Array
  /** Run dates (T). */
  dates: number[]
  n: number
  /** Each instrument's sector (IC by sector); absent = no breakdown. */
  sectors?: (string | null)[]
}

/** Date-major T×N h-day forward returns (NaN where either close is missing or not positive). */
export function forwardReturns(close: Float64Array, t: number, tc: number, n: number, h: number): Float64Array {
  const out = new Float64Array(t * n).fill(Number.NaN)
  for (let d = 0; d < t && d + h < tc; d++) {
    const a = d * n
    const b = (d + h) * n
    for (let i = 0; i < n; i++) {
      const c0 = close[a + i]
      const c1 = close[b + i]
      if (c0 > 0 && c1 > 0) out[a + i] = c1 / c0 - 1
    }
  }
  return out
}

/**
 * Per-date quantile bucket (1..q) of each instrument with a finite alpha (and, with `mask`, a
 * finite mask value); 0 = none. Returns how many were bucketed (0 when fewer than q).
 */
function bucketRow(
  x: Float64Array,
  xRanks: RowRanks,
  d: number,
  mask: Float64Array | null,
  n: number,
  q: number,
  s: RankScratch,
  out: Uint8Array,
): number {
  const off = d * n
  const { a, ra, pos, sorted } = s
  let m = 0
  for (let i = 0; i < n; i++) {
    out[i] = 0
    const v = x[off + i]
    if (v - v === 0 && (!mask || mask[off + i] - mask[off + i] === 0)) {
      a[m] = v
      pos[m] = i
      m++
    }
  }
  if (m < q) return 0
  if (m === xRanks.counts[d]) {
    // Same instruments as the alpha's own ranks: reuse them.
    for (let k = 0; k < m; k++) out[pos[k]] = Math.min(q, Math.max(1, Math.ceil((xRanks.ranks[off + pos[k]] * q) / m)))
    return m
  }
  averageRanks(a, m, sorted, ra)
  for (let k = 0; k < m; k++) out[pos[k]] = Math.min(q, Math.max(1, Math.ceil((ra[k] * q) / m)))
  return m
}

/** Forward returns and their ranks by horizon: the same for every alpha of a run (the leaderboard shares them). */
export type ForwardCache = Map<number, { fwd: Float64Array; fwdRanks: RowRanks }>

export function tearSheet(
  key: string,
  slice: AlphaPanelSlice,
  quantiles: number,
  coverage: number,
  shared: ForwardCache = new Map(),
): TearSheet {
  const { alpha, close, dates, n } = slice
  const t = dates.length
  const tc = close.length / n
  const s = new RankScratch(n)
  const alphaRanks = rankRows(alpha, t, n, s)

  // Information coefficients by horizon.
  const icByH = icHorizons.map((h) => {
    let cached = shared.get(h)
    if (!cached) {
      const fwd = forwardReturns(close, t, tc, n, h)
      cached = { fwd, fwdRanks: rankRows(fwd, t, n, s) }
      shared.set(h, cached)
    }
    const { fwd, fwdRanks } = cached
    const ic = new Float64Array(t)
    for (let d = 0; d < t; d++) ic[d] = spearmanRanked(alpha, alphaRanks, d, fwd, fwdRanks, d, n, s)
    return { h, ic, fwd }
  })
  const ic1 = icByH[0]
  const m1 = moments(ic1.ic)
  const icDecay = icByH.map(({ h, ic }) => {
    const m = moments(ic)
    return { horizon: h, mean: finiteOrNull(m.mean), tStat: finiteOrNull((m.mean / m.std) * Math.sqrt(m.n / h)) }
  })

  // Quantile buckets on the 1-day forward return.
  const fwd1 = ic1.fwd
  const bucket = new Uint8Array(n)
  const sums = new Float64Array(quantiles + 1)
  const counts = new Uint32Array(quantiles + 1)
  const daily: Float64Array[] = Array.from({ length: quantiles + 1 }, () => new Float64Array(t).fill(Number.NaN))
  const totalCount = new Array<number>(quantiles + 1).fill(0)
  // The universe's mean forward return per date (over the bucketed instruments): demeaned quantile returns.
  const universeMean = new Float64Array(t).fill(Number.NaN)
  for (let d = 0; d < t; d++) {
    if (!bucketRow(alpha, alphaRanks, d, fwd1, n, quantiles, s, bucket)) continue
    sums.fill(0)
    counts.fill(0)
    for (let i = 0; i < n; i++) {
      const b = bucket[i]
      if (b) {
        sums[b] += fwd1[d * n + i]
        counts[b]++
      }
    }
    let all = 0
    let cnt = 0
    for (let b = 1; b <= quantiles; b++) {
      all += sums[b]
      cnt += counts[b]
    }
    if (cnt) universeMean[d] = all / cnt
    for (let b = 1; b <= quantiles; b++) {
      if (counts[b]) {
        daily[b][d] = sums[b] / counts[b]
        totalCount[b] += counts[b]
      }
    }
  }
  const quantileMeans = []
  const cumulativeSeries: (number | null)[][] = []
  for (let b = 1; b <= quantiles; b++) {
    const demeaned = daily[b].map((v, d) => v - universeMean[d])
    quantileMeans.push({
      quantile: b,
      meanReturn: finiteOrNull(moments(daily[b]).mean),
      meanDemeaned: finiteOrNull(moments(demeaned).mean),
      count: totalCount[b],
    })
    cumulativeSeries.push(compound(daily[b]))
  }
  const spreadDaily = new Float64Array(t)
  for (let d = 0; d < t; d++) spreadDaily[d] = daily[quantiles][d] - daily[1][d]

  // Rank autocorrelation and top/bottom bucket turnover, by alpha alone.
  const autocorr = new Float64Array(t).fill(Number.NaN)
  for (let d = 1; d < t; d++) autocorr[d] = spearmanRanked(alpha, alphaRanks, d - 1, alpha, alphaRanks, d, n, s)
  const prev = new Uint8Array(n)
  const cur = new Uint8Array(n)
  const turnovers: number[] = []
  let havePrev = false
  for (let d = 0; d < t; d++) {
    const m = bucketRow(alpha, alphaRanks, d, null, n, quantiles, s, cur)
    if (!m) {
      havePrev = false
      continue
    }
    if (havePrev) {
      for (const b of [quantiles, 1]) {
        let size = 0
        let fresh = 0
        for (let i = 0; i < n; i++) {
          if (cur[i] === b) {
            size++
            if (prev[i] !== b) fresh++
          }
        }
        if (size) turnovers.push(fresh / size)
      }
    }
    prev.set(cur)
    havePrev = true
  }

  return {
    key,
    ic: { time: dates, values: Array.from(ic1.ic, finiteOrNull) },
    icStats: {
      mean: finiteOrNull(m1.mean),
      std: finiteOrNull(m1.std),
      ir: finiteOrNull(m1.mean / m1.std),
      tStat: finiteOrNull((m1.mean / m1.std) * Math.sqrt(m1.n)),
      days: m1.n,
    },
    icDecay,
    quantileMeans,
    quantileCumulative: { time: dates, series: cumulativeSeries },
    spread: { time: dates, cumulative: compound(spreadDaily), meanDaily: finiteOrNull(moments(spreadDaily).mean) },
    rankAutocorrelation: finiteOrNull(moments(autocorr).mean),
    turnover: finiteOrNull(moments(turnovers).mean),
    coverage,
    icByYear: icByYear(ic1.ic, dates),
    icBySector: slice.sectors ? icBySector(alpha, fwd1, t, n, slice.sectors) : [],
  }
}

/** Mean daily IC per calendar year (UTC), with its t-stat and days. */
function icByYear(ic: Float64Array, dates: number[]): TearSheet['icByYear'] {
  const byYear = new Map<number, number[]>()
  ic.forEach((v, d) => {
    if (!Number.isFinite(v)) return
    const y = new Date(dates[d] * 1000).getUTCFullYear()
    let list = byYear.get(y)
    if (!list) byYear.set(y, (list = []))
    list.push(v)
  })
  return [...byYear.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([year, values]) => {
      const m = moments(Float64Array.from(values))
      return { year, mean: finiteOrNull(m.mean), tStat: finiteOrNull((m.mean / m.std) * Math.sqrt(m.n)), days: m.n }
    })
}

/** Mean daily IC within each sector (the alpha ranked against the sector's own next-day returns). */
function icBySector(alpha: Float64Array, fwd: Float64Array, t: number, n: number, sectors: (string | null)[]): TearSheet['icBySector'] {
  const members = new Map<string, number[]>()
  sectors.forEach((sec, i) => {
    if (sec === null) return
    let list = members.get(sec)
    if (!list) members.set(sec, (list = []))
    list.push(i)
  })
  const s = new RankScratch(n)
  const out: TearSheet['icBySector'] = []
  for (const [sector, idx] of [...members.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (idx.length < minPairs) continue
    const a = new Float64Array(idx.length)
    const b = new Float64Array(idx.length)
    const ics = new Float64Array(t)
    for (let d = 0; d < t; d++) {
      for (let k = 0; k < idx.length; k++) {
        a[k] = alpha[d * n + idx[k]]
        b[k] = fwd[d * n + idx[k]]
      }
      ics[d] = spearmanRows(a, 0, b, 0, idx.length, s)
    }
    const m = moments(ics)
    out.push({
      sector,
      instruments: idx.length,
      mean: finiteOrNull(m.mean),
      tStat: finiteOrNull((m.mean / m.std) * Math.sqrt(m.n)),
      days: m.n,
    })
  }
  return out
}

/** Compounded return so far (prod(1 + r) − 1); null before the first value, flat over gaps. */
function compound(daily: Float64Array): (number | null)[] {
  const out: (number | null)[] = new Array(daily.length)
  let equity = 1
  let started = false
  for (let d = 0; d < daily.length; d++) {
    const r = daily[d]
    if (Number.isFinite(r)) {
      equity *= 1 + r
      started = true
    }
    out[d] = started ? equity - 1 : null
  }
  return out
}
