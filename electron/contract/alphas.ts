import { z } from 'zod'
import { method } from './define'
import { jobIdSchema } from './jobs'

/** A formula from the paper's list (key "alpha001".."alpha101") or saved by the user (key "user:<id>"). */
export interface AlphaFormula {
  key: string
  name: string
  text: string
  source: 'paper' | 'user'
  /** Fields the formula reads (close, volume, vwap, cap, ...) and group levels it neutralises by. */
  fields: string[]
}

export interface FormulaLibrary {
  formulas: AlphaFormula[]
  citation: string
}

export type ParseResult =
  | { ok: true; normalized: string; fields: string[]; operators: string[] }
  | {
      ok: false
      error: { message: string; offset: number; line: number; column: number; expected: string[]; suggestion?: string }
    }

export interface AlphaRunColumn {
  key: string
  name: string
  text: string
  ok: boolean
  error?: { code: string; message: string }
  warnings: string[]
  /** Share of (date, instrument) cells with a value. */
  coverage: number
  /** Why coverage is low (below `lowCoverage`): the operator that first lost the values, and why. */
  diagnosis?: CoverageDiagnosis
}

/** Below this coverage an alpha is flagged (chip, column, tear sheet, heatmap) with its diagnosis. */
export const lowCoverage = 0.5

export interface CoverageCulprit {
  /** The operator as written in formulas: correlation, ts_argmax, log, /, volume ... */
  operator: string
  /** The subexpression it computes (shortened). */
  expression: string
  /** Share of its output cells with a value, and the lowest among its inputs. */
  coverage: number
  inputCoverage: number
  /** E.g. "correlation over a constant window in 41 % of windows", "needs 250 days of history; the range has 5". */
  reason: string
}

export interface CoverageDiagnosis {
  /** One line: "coverage 0 %: correlation (…) — correlation over a constant window in 44 % of windows". */
  summary: string
  /** The first operator whose values were mostly missing, then the first (nearly) all missing when another. */
  culprits: CoverageCulprit[]
}

/** Missing values in windows: strict = pandas min_periods = window; lenient = a window needs `minShare` of its days. */
export interface MissingPolicy {
  mode: 'strict' | 'lenient'
  minShare: number
}

export interface AlphaRun {
  runId: string
  datasetId: number
  /** Output dates, unix seconds. */
  dates: number[]
  instruments: { id: number; symbol: string; sector: string | null }[]
  alphas: AlphaRunColumn[]
  computeMs: number
  /** The universe: the sectors chosen, or null for the whole dataset (ranks and scales are over this universe). */
  sectors?: string[] | null
  /** Time the engine spent evaluating the formulas (part of computeMs). */
  evalMs?: number
  /** The dataset's panel file: reused from the cache, or built for this compute (buildMs), and its size. */
  panel?: { cached: boolean; buildMs: number; bytes: number }
  /** Missing-value policy of the run (part of its spec). */
  policy?: MissingPolicy
  /** When it was computed (ISO), its values' size in bytes, whether pinned (kept across restarts). */
  createdAt?: string
  bytes?: number
  pinned?: boolean
  /** True when an identical spec on the same data was already computed: that run was reopened, nothing recomputed. */
  reused?: boolean
}

/** A run in the history: its spec, time and size. */
export interface AlphaRunSummary {
  runId: string
  datasetId: number
  datasetKey: string | null
  sectors: string[] | null
  /** First and last date (unix seconds), instruments and alphas. */
  from: number
  to: number
  instruments: number
  alphas: { key: string; name: string; text: string }[]
  policy: MissingPolicy
  createdAt: string
  computeMs: number
  bytes: number
  pinned: boolean
}

/** One alpha's row of the leaderboard; each value equals the tear sheet's / portfolio backtest's. */
export interface LeaderboardRow {
  key: string
  name: string
  ok: boolean
  coverage: number
  diagnosis?: CoverageDiagnosis
  error?: string
  meanIc: number | null
  icStd: number | null
  ir: number | null
  tStat: number | null
  /** Mean IC at forward horizons 1, 5, 10, 20 days. */
  ic1: number | null
  ic5: number | null
  ic10: number | null
  ic20: number | null
  /** Mean daily top-minus-bottom quantile return. */
  spread: number | null
  turnover: number | null
  /**
   * Quantiles that never held a value: tied values share a bucket, so an alpha with few distinct values (a 0/1
   * condition) fills only some of them, and an empty top or bottom leaves the spread and turnover undefined.
   */
  emptyQuantiles: number[]
  rankAutocorrelation: number | null
  /** The long/short (top/bottom 20 %) portfolio backtest net of costBps: Sharpe and max drawdown. */
  sharpe: number | null
  maxDrawdown: number | null
  /** Days the IC statistics are over (short samples are flagged). */
  days: number
  /** Highest absolute correlation with another alpha of the run, and which. */
  maxCorrelation: number | null
  maxCorrelationWith: string | null
}

export interface Leaderboard {
  runId: string
  quantiles: number
  costBps: number
  rows: LeaderboardRow[]
}

/** values: the alphas on that date; ranks: per alpha, pandas rank(pct=True) over the run's universe (null = no value). */
export interface CrossSection {
  runId: string
  date: number
  keys: string[]
  rows: { instrumentId: number; symbol: string; sector: string | null; values: (number | null)[]; ranks: (number | null)[] }[]
}

/**
 * Factor tear sheet. Every time axis is the factor date t (the alpha known at the close of t);
 * forward returns are close-to-close from t. IC decay t-stats use days / horizon observations.
 */
export interface TearSheet {
  key: string
  /** Daily Spearman IC against next-day forward return. */
  ic: { time: number[]; values: (number | null)[] }
  icStats: { mean: number | null; std: number | null; ir: number | null; tStat: number | null; days: number }
  /** Mean IC by forward horizon in days (decay). */
  icDecay: { horizon: number; mean: number | null; tStat: number | null }[]
  /** Mean forward return by quantile bucket (1 = lowest alpha); demeaned = minus the universe's mean that day. */
  quantileMeans: { quantile: number; meanReturn: number | null; meanDemeaned?: number | null; count: number }[]
  /** Cumulative return of each quantile bucket over time. */
  quantileCumulative: { time: number[]; series: (number | null)[][] }
  spread: { time: number[]; cumulative: (number | null)[]; meanDaily: number | null }
  rankAutocorrelation: number | null
  turnover: number | null
  coverage: number
  /** Mean daily IC per calendar year. */
  icByYear?: { year: number; mean: number | null; tStat: number | null; days: number }[]
  /** Mean daily IC within each sector (ranked against the sector's own returns). */
  icBySector?: { sector: string; instruments: number; mean: number | null; tStat: number | null; days: number }[]
}

/** Mean over dates of the cross-sectional Spearman correlation of each pair of alphas. */
export interface AlphaCorrelation {
  keys: string[]
  matrix: (number | null)[][]
  /** Dates averaged over, and the sampling step (1 = every date; larger when many alphas make it costly). */
  days?: number
  sampledEvery?: number
}

export interface PortfolioStats {
  annualizedReturn: number | null
  annualizedVolatility: number | null
  sharpe: number | null
  maxDrawdown: number | null
  meanTurnover: number | null
  totalReturn: number | null
  days: number
}

/**
 * Long/short backtest of one alpha: weights decided from the alpha at the close of day t,
 * traded at the close of t+1, held to the close of t+2; `time` is the day the return is
 * realised (t+2). returns = net of cost (costBps × turnover); drawdown = equity / peak − 1 (≤ 0);
 * stats.maxDrawdown is a positive fraction. Stored as a run (kind 'alpha-backtest') with id backtestId.
 */
export interface PortfolioBacktest {
  backtestId: number
  key: string
  time: number[]
  equity: number[]
  drawdown: number[]
  returns: number[]
  turnover: number[]
  stats: PortfolioStats
  /** Returns before cost. */
  gross?: number[]
}

const runId = z.string().min(1).max(100)
const alphaKey = z.string().regex(/^(alpha\d{3}|user:\d+|adhoc(-\d{1,4})?)$/, 'an alpha key: alpha001..alpha101, user:<id> or adhoc[-N]')
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')

export const alphas = {
  library: method<FormulaLibrary>()(z.object({}).default({})),
  parse: method<ParseResult>()(z.object({ text: z.string().max(20_000) })),
  saveFormula: method<AlphaFormula>()(z.object({ name: z.string().trim().min(1).max(100), text: z.string().min(1).max(20_000) })),
  deleteFormula: method<{ deleted: boolean }>()(z.object({ key: z.string().regex(/^user:\d+$/) })),
  compute: method<AlphaRun>()(
    z.object({
      datasetId: z.number().int().positive(),
      sectors: z.array(z.string().max(100)).max(50).optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      keys: z.array(alphaKey).max(200).default([]),
      /** A formula typed in the editor, computed as key "adhoc" (or "adhoc-N" when added to a run). */
      adhoc: z.object({ name: z.string().max(100).default('adhoc'), text: z.string().min(1).max(20_000) }).optional(),
      /** Missing values in windows (part of the run's spec). */
      policy: z.enum(['strict', 'lenient']).default('strict'),
      minShare: z.number().gt(0).max(1).default(0.5),
      /** Add the ad-hoc formula to this open run (a new column; same universe, dates and policy) instead of a new run. */
      addTo: runId.optional(),
      jobId: jobIdSchema.optional(),
    }),
  ),
  /** Why the run's low-coverage alphas have so few values: returns the run's columns with their diagnoses. */
  diagnose: method<AlphaRunColumn[]>()(z.object({ runId, jobId: jobIdSchema.optional() })),
  /** The runs of this session (and pinned ones from earlier sessions), newest first. */
  runs: method<AlphaRunSummary[]>()(z.object({}).default({})),
  /** Reopens a run from the history (metadata only: instant). */
  openRun: method<AlphaRun>()(z.object({ runId })),
  /** Pinned runs are kept on disk across restarts; unpinned ones are a cache of this session. */
  pinRun: method<{ pinned: boolean }>()(z.object({ runId, pinned: z.boolean() })),
  deleteRun: method<{ deleted: boolean }>()(z.object({ runId })),
  /** Every alpha of a run screened at once (one worker job with progress). */
  leaderboard: method<Leaderboard>()(
    z.object({
      runId,
      quantiles: z.number().int().min(2).max(20).default(5),
      costBps: z.number().min(0).max(1000).default(5),
      jobId: jobIdSchema.optional(),
    }),
  ),
  /** One date of a run (the date itself or the last run date before it; CrossSection.date says which). */
  crossSection: method<CrossSection>()(z.object({ runId, date: z.number().int(), keys: z.array(alphaKey).max(200).optional() })),
  series: method<{ time: number[]; values: (number | null)[] }>()(
    z.object({ runId, key: alphaKey, instrumentId: z.number().int().positive() }),
  ),
  tearSheet: method<TearSheet>()(
    z.object({ runId, key: alphaKey, quantiles: z.number().int().min(2).max(20).default(5), jobId: jobIdSchema.optional() }),
  ),
  /** Between the run's alphas that computed, or just `keys`. */
  correlation: method<AlphaCorrelation>()(
    z.object({ runId, keys: z.array(alphaKey).min(1).max(200).optional(), jobId: jobIdSchema.optional() }),
  ),
  portfolioBacktest: method<PortfolioBacktest>()(
    z.object({
      runId,
      key: alphaKey,
      weighting: z.enum(['quantile', 'rank']).default('quantile'),
      quantile: z.number().gt(0).max(0.5).default(0.2),
      costBps: z.number().min(0).max(1000).default(5),
      jobId: jobIdSchema.optional(),
    }),
  ),
}

/** The quantiles of a tear sheet that never held a value (ties put whole groups in one quantile). */
export const emptyQuantilesOf = (quantileMeans: readonly { quantile: number; count: number }[]): number[] =>
  quantileMeans.filter((q) => q.count === 0).map((q) => q.quantile)
