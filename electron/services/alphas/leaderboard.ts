/**
 * The leaderboard: every alpha of a run screened at once. Each row is made of the same
 * functions the single-alpha analyses use — the tear sheet (IC statistics, IC decay, the
 * top-minus-bottom spread, turnover, rank autocorrelation) and the long/short portfolio
 * backtest (top/bottom 20 %, net of costBps: Sharpe, max drawdown) — so every value equals
 * what that alpha's tear sheet and backtest show; plus the highest absolute correlation with
 * another alpha of the run (the correlation matrix's). Forward returns and their ranks are
 * computed once for all alphas.
 */
import { emptyQuantilesOf, type LeaderboardRow } from '../../contract'
import { correlationMatrix } from './correlation'
import { portfolioBacktest, type Summarize } from './portfolio-backtest'
import type { RunReader } from './run-file'
import { type ForwardCache, tearSheet } from './tearsheet'

export const leaderboardQuantile = 0.2

export function leaderboardRows(
  run: RunReader,
  quantiles: number,
  costBps: number,
  summarize: Summarize,
  progress: (done: number, total: number, message?: string) => void = () => {},
): LeaderboardRow[] {
  const computed = run.meta.alphas.filter((a) => a.offset !== null)
  const total = computed.length + 2
  progress(0, total, 'correlations between the alphas')
  const offsets = computed.map((c) => c.offset ?? 0)
  const corr =
    computed.length >= 2
      ? correlationMatrix(
          computed.map((c) => c.key),
          run.t,
          run.n,
          (k, d, out) => run.rows(offsets[k], d, 1, out),
        )
      : null
  progress(1, total, 'reading the closes')
  const close = run.closes()
  const shared: ForwardCache = new Map()
  const byKey = new Map<string, LeaderboardRow>()
  computed.forEach((c, k) => {
    progress(2 + k, total, `screening ${c.name}`)
    const alpha = run.alpha(c.key)
    const sheet = tearSheet(c.key, { alpha, close, dates: run.meta.dates, n: run.n }, quantiles, c.coverage, shared)
    const backtest = portfolioBacktest(
      alpha,
      close,
      run.meta.closeDates,
      run.t,
      run.n,
      { weighting: 'quantile', quantile: leaderboardQuantile, costBps },
      summarize,
    )
    let best: number | null = null
    let bestWith: string | null = null
    if (corr) {
      corr.matrix[k].forEach((v, j) => {
        if (j === k || v === null) return
        if (best === null || Math.abs(v) > Math.abs(best)) {
          best = v
          bestWith = computed[j].key
        }
      })
    }
    const decay = (h: number) => sheet.icDecay.find((d) => d.horizon === h)?.mean ?? null
    byKey.set(c.key, {
      key: c.key,
      name: c.name,
      ok: true,
      coverage: c.coverage,
      diagnosis: c.diagnosis,
      meanIc: sheet.icStats.mean,
      icStd: sheet.icStats.std,
      ir: sheet.icStats.ir,
      tStat: sheet.icStats.tStat,
      ic1: decay(1),
      ic5: decay(5),
      ic10: decay(10),
      ic20: decay(20),
      spread: sheet.spread.meanDaily,
      turnover: sheet.turnover,
      emptyQuantiles: emptyQuantilesOf(sheet.quantileMeans),
      rankAutocorrelation: sheet.rankAutocorrelation,
      sharpe: backtest.stats.sharpe,
      maxDrawdown: backtest.stats.maxDrawdown,
      days: sheet.icStats.days,
      maxCorrelation: best,
      maxCorrelationWith: bestWith,
    })
  })
  progress(total, total)
  const empty = {
    meanIc: null,
    icStd: null,
    ir: null,
    tStat: null,
    ic1: null,
    ic5: null,
    ic10: null,
    ic20: null,
    spread: null,
  }
  return run.meta.alphas.map(
    (c) =>
      byKey.get(c.key) ?? {
        key: c.key,
        name: c.name,
        ok: false,
        coverage: c.coverage,
        error: c.error?.message ?? 'no values',
        ...empty,
        turnover: null,
        emptyQuantiles: [],
        rankAutocorrelation: null,
        sharpe: null,
        maxDrawdown: null,
        days: 0,
        maxCorrelation: null,
        maxCorrelationWith: null,
      },
  )
}

/** Leaderboard columns for CSV (named as in the table), in order. */
export const leaderboardColumns: [header: string, value: (r: LeaderboardRow) => string | number | null][] = [
  ['alpha', (r) => r.key],
  ['name', (r) => r.name],
  ['mean IC', (r) => r.meanIc],
  ['IC std', (r) => r.icStd],
  ['IR', (r) => r.ir],
  ['t-stat', (r) => r.tStat],
  ['IC 1d', (r) => r.ic1],
  ['IC 5d', (r) => r.ic5],
  ['IC 10d', (r) => r.ic10],
  ['IC 20d', (r) => r.ic20],
  ['spread', (r) => r.spread],
  ['turnover', (r) => r.turnover],
  ['rank autocorr', (r) => r.rankAutocorrelation],
  ['coverage', (r) => r.coverage],
  ['net Sharpe', (r) => r.sharpe],
  ['max drawdown', (r) => r.maxDrawdown],
  ['max |corr|', (r) => r.maxCorrelation],
  ['most correlated with', (r) => r.maxCorrelationWith],
  ['days', (r) => r.days],
  ['note', (r) => r.error ?? r.diagnosis?.summary ?? null],
]

function csvCell(v: string | number | null): string {
  if (v === null || (typeof v === 'number' && !Number.isFinite(v))) return ''
  const s = String(v)
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** The leaderboard as CSV text (one row per alpha). */
export function leaderboardCsv(rows: LeaderboardRow[]): string {
  const lines = [leaderboardColumns.map(([h]) => csvCell(h)).join(',')]
  for (const r of rows) lines.push(leaderboardColumns.map(([, f]) => csvCell(f(r))).join(','))
  return `${lines.join('\n')}\n`
}
