/**
 * Curves: futures term structures of one root of a dataset — the curve of every date, deviation
 * from the front contract, spreads and carry, Nelson–Siegel/Svensson factors, PCA of curve
 * changes, continuous contracts, contract specifications. Dates are unix seconds (trading days);
 * matrices are date-major flat arrays (`values[d * width + j]`), null where there is no value.
 */
import { z } from 'zod'
import { method } from './define'
import { jobIdSchema } from './jobs'

/** A root of a futures dataset that has contracts. */
export interface CurveRoot {
  datasetId: number
  datasetKey: string
  datasetName: string
  root: string
  contracts: number
  from: number | null
  to: number | null
}

/** A degenerate input met, and what was done about it (stable code, count, sentence). */
export interface CurveWarning {
  code: string
  count: number
  message: string
}

export interface CurveContract {
  instrumentId: number
  symbol: string
  /** Last trading day, YYYY-MM-DD. */
  expiry: string
  contractMonth: string | null
  /** The instrument had no expiry: it was placed by the root's expiry rule (contract specs). */
  expiryFromRule: boolean
}

/** Every date's curve: tenor j (0-based) of date d is `contract[d * tenors + j]` at `price[…]`. */
export interface CurvePanelView {
  datasetId: number
  root: string
  dates: number[]
  contracts: CurveContract[]
  tenors: number
  price: (number | null)[]
  /** Index into `contracts`, -1 where the date has fewer tenors. */
  contract: number[]
  warnings: CurveWarning[]
}

export interface CurveDeviation {
  tenors: number
  /** Price minus the front contract's. */
  abs: (number | null)[]
  /** (price / front − 1) × 100; null where the front is ≤ 0. */
  pct: (number | null)[]
  warnings: CurveWarning[]
}

export const spreadKinds = ['spread', 'contango', 'rollYield'] as const
export type SpreadKind = (typeof spreadKinds)[number]

export interface CurveSeries {
  key: string
  label: string
  unit: string
  values: (number | null)[]
}

export interface CurveSeriesSet {
  dates: number[]
  series: CurveSeries[]
  warnings: CurveWarning[]
}

export const fitModels = ['ns', 'svensson'] as const
export type FitModel = (typeof fitModels)[number]

/** 0 ok, 1 no data, 2 too few points, 3 ill-conditioned, 4 not converged. */
export type FitStatusCode = 0 | 1 | 2 | 3 | 4

export interface CurveFit {
  model: FitModel
  fitLambda: boolean
  dates: number[]
  /** Betas per date: 3 (NS: level, slope, curvature) or 4 (Svensson). */
  params: number
  beta: (number | null)[]
  /** λ per date: 1 (NS) or 2 (Svensson) per date, per day of τ. */
  lambda: (number | null)[]
  rmse: (number | null)[]
  nPoints: number[]
  status: number[]
  warnings: CurveWarning[]
  /** Time in the engine for the fits. */
  computeMs: number
}

export interface CurvePca {
  maturities: number[]
  dates: number[]
  eigenvalues: number[]
  explained: number[]
  /** Components × maturities. */
  loadings: number[]
  /** Dates × components; null on dates without a complete daily change. */
  scores: (number | null)[]
  nObs: number
}

export const rollRules = ['days', 'volume', 'openInterest'] as const
export const adjustments = ['none', 'difference', 'ratio'] as const

export interface CurveRoll {
  date: number
  from: string
  to: string
  /** Prices the gap was measured on (null: no common date). */
  oldPrice: number | null
  newPrice: number | null
}

export interface ContinuousSeries {
  dates: number[]
  /** Symbol held per date (null before the first contract). */
  held: (string | null)[]
  raw: (number | null)[]
  adjusted: (number | null)[]
  rolls: CurveRoll[]
  warnings: CurveWarning[]
}

export interface ContractSpec {
  root: string
  name: string
  exchange: string
  currency: string
  tickSize: number
  tickValue: number
  pointValue: number
  /** Listed month codes (FGHJKMNQUVXZ). */
  months: string
  slippageTicks: number
  commission: number
  expiryRule: { kind: string; [param: string]: unknown }
  expiryText: string
  /** The user changed it (stored override over resources/specs/contracts.json). */
  edited: boolean
}

/** A table as the CLI writes it and the screen exports it. */
export interface CurveTable {
  filename: string
  columns: string[]
  rows: (string | number | null)[][]
}

const rootRef = {
  datasetId: z.number().int().positive(),
  root: z.string().min(1).max(20),
}
const fitOptions = {
  model: z.enum(fitModels).default('ns'),
  /** NS: fixed λ per day of τ (default 0.0058); Svensson: λ1. */
  lambda: z.number().positive().max(10).optional(),
  /** Svensson: λ2 (default 0.03). */
  lambda2: z.number().positive().max(10).optional(),
  fitLambda: z.boolean().default(false),
  maxTenors: z.number().int().min(0).max(200).default(0),
  minTau: z.number().int().min(0).max(3650).default(0),
}
const pairSchema = z.object({ kind: z.enum(spreadKinds), a: z.number().int().min(1).max(200), b: z.number().int().min(1).max(200) })
const spreadOptions = {
  pairs: z.array(pairSchema).max(20).default([]),
  /** Constant-maturity prices at these days to expiry. */
  cm: z.array(z.number().positive().max(3650)).max(20).default([]),
  /** Slope (least squares, price per year of τ) over the first `slopeTenors` contracts (0 = all); omitted = no slope series. */
  slopeTenors: z.number().int().min(0).max(200).optional(),
}
const pcaOptions = {
  maturities: z.array(z.number().positive().max(3650)).min(2).max(24).default([30, 60, 90, 120, 150, 180]),
  /** Flat extrapolation beyond the first/last contract (else dates not covered are left out). */
  flat: z.boolean().default(true),
}
const continuousOptions = {
  rule: z.enum(rollRules).default('days'),
  days: z.number().int().min(0).max(60).default(5),
  adjust: z.enum(adjustments).default('difference'),
}

export const curveWhats = ['curve', 'deviation', 'spreads', 'ns', 'pca', 'continuous'] as const
export type CurveWhat = (typeof curveWhats)[number]

export const curveTableInput = z.object({
  ...rootRef,
  what: z.enum(curveWhats),
  /** Unix seconds, inclusive. */
  from: z.number().int().optional(),
  to: z.number().int().optional(),
  ...spreadOptions,
  ...fitOptions,
  ...pcaOptions,
  ...continuousOptions,
})
export type CurveTableInput = z.input<typeof curveTableInput>

export const contractSpecInput = z.object({
  root: z.string().regex(/^[A-Z0-9]{1,5}$/),
  name: z.string().min(1).max(200),
  exchange: z.string().min(1).max(40),
  currency: z.string().regex(/^[A-Z]{3}$/),
  tickSize: z.number().positive().finite(),
  tickValue: z.number().positive().finite(),
  pointValue: z.number().positive().finite(),
  months: z.string().regex(/^[FGHJKMNQUVXZ]{1,12}$/),
  slippageTicks: z.number().min(0).finite(),
  commission: z.number().min(0).finite(),
  expiryRule: z.object({ kind: z.string() }).passthrough(),
  expiryText: z.string().max(1000),
})

export const curves = {
  roots: method<CurveRoot[]>()(z.object({}).default({})),
  panel: method<CurvePanelView>()(z.object({ ...rootRef })),
  deviation: method<CurveDeviation>()(z.object({ ...rootRef, maxTenors: z.number().int().min(0).max(200).default(0) })),
  spreads: method<CurveSeriesSet>()(z.object({ ...rootRef, ...spreadOptions })),
  fit: method<CurveFit>()(z.object({ ...rootRef, ...fitOptions, jobId: jobIdSchema.optional() })),
  pca: method<CurvePca>()(z.object({ ...rootRef, ...pcaOptions })),
  continuous: method<ContinuousSeries>()(z.object({ ...rootRef, ...continuousOptions })),
  /** Builds the continuous series and stores it as an instrument of the dataset (replacing one of the same symbol). */
  saveContinuous: method<{ instrumentId: number; datasetId: number; symbol: string; bars: number }>()(
    z.object({
      ...rootRef,
      ...continuousOptions,
      symbol: z
        .string()
        .regex(/^[A-Za-z0-9_.-]{1,40}$/)
        .optional(),
    }),
  ),
  table: method<CurveTable>()(curveTableInput),
  /** The same table as CSV text (the screen's "Export CSV"; the CLI writes the same bytes). */
  csv: method<{ filename: string; text: string }>()(curveTableInput),
  specs: method<ContractSpec[]>()(z.object({}).default({})),
  saveSpec: method<ContractSpec>()(contractSpecInput),
  resetSpec: method<{ reset: boolean }>()(z.object({ root: z.string().min(1).max(5) })),
  /** Expiry of a contract under the root's rule, e.g. for an import without an expiry column. */
  expiryOf: method<{ symbol: string; expiry: string | null }>()(z.object({ symbol: z.string().min(2).max(20) })),
}
