import { z } from 'zod'
import { method } from './define'
import { jobIdSchema } from './jobs'

/**
 * SL/TP backtests ("backtest" = the per-instrument stop-loss / take-profit trade simulator; the
 * alpha screen's long/short one is the portfolio backtest). Times are unix seconds.
 */

export const sltpUnits = ['ticks', 'price', 'pct', 'atr'] as const
export type SltpUnit = (typeof sltpUnits)[number]
export const tiePolicies = ['stop', 'target', 'nearest'] as const
export type TiePolicy = (typeof tiePolicies)[number]
export const signalGenerators = ['breakout', 'ma-cross', 'reversal'] as const
export type SignalGenerator = (typeof signalGenerators)[number]
export const exitReasons = ['sl', 'tp', 'time', 'end', 'ambiguous-sl', 'ambiguous-tp'] as const
export type ExitReason = (typeof exitReasons)[number]

/** Per-set statistics a heatmap can colour by. */
export const setMetrics = [
  'netPnl',
  'expectancy',
  'winRate',
  'profitFactor',
  'sharpe',
  'maxDrawdown',
  'trades',
  'exposure',
  'ambiguous',
] as const
export type SetMetric = (typeof setMetrics)[number]

export interface ContractCosts {
  tickSize: number
  /** Money per tick per contract. */
  tickValue: number
  /** Money per side. */
  commission: number
  /** Ticks per side. */
  slippageTicks: number
}

export interface RootSpec extends ContractCosts {
  root: string
  name: string
}

const positive = (field: string) =>
  z
    .number({ error: `${field} must be a number` })
    .finite()
    .positive(`${field} must be > 0`)
const nonNegative = (field: string) =>
  z
    .number({ error: `${field} must be a number` })
    .finite()
    .min(0, `${field} must be >= 0`)

const costsSchema = z.object({
  tickSize: positive('costs.tickSize'),
  tickValue: positive('costs.tickValue'),
  commission: nonNegative('costs.commission'),
  slippageTicks: nonNegative('costs.slippageTicks'),
})

const levelRange = (field: string) =>
  z.object({
    from: positive(`${field}.from`),
    to: positive(`${field}.to`),
    step: positive(`${field}.step`),
  })

export const signalSourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('formula'),
    long: z.string().max(4000).optional(),
    short: z.string().max(4000).optional(),
    /** Only where the condition becomes true (else on every bar where it holds). */
    edge: z.boolean().default(true),
  }),
  /** A CSV of `time,direction` (time ISO 8601 or unix seconds; direction 1/-1/long/short). */
  z.object({
    kind: z.literal('csv'),
    text: z.string().min(1).max(5_000_000),
    name: z.string().max(200).optional(),
  }),
  z.object({
    kind: z.literal('generator'),
    generator: z.enum(signalGenerators),
    /** Channel / fast mean / run length. */
    length: z.number().int().min(1).max(10_000),
    /** Slow mean (ma-cross). */
    slow: z.number().int().min(2).max(10_000).optional(),
    edge: z.boolean().default(true),
  }),
])
export type SignalSource = z.input<typeof signalSourceSchema>

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')

export const backtestSpecSchema = z
  .object({
    /** The instrument: by id, or by dataset key and symbol (the CLI). */
    instrumentId: z.number().int().positive().optional(),
    dataset: z.string().max(100).optional(),
    symbol: z.string().max(100).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    signals: signalSourceSchema,
    direction: z.enum(['both', 'long', 'short']).default('both'),
    unit: z.enum(sltpUnits).default('ticks'),
    atrPeriod: z.number().int().min(1).max(1000).default(14),
    sl: levelRange('sl'),
    tp: levelRange('tp'),
    /** The instrument root's spec (resources/specs/contracts.json, else the default), each cost given here overriding it. */
    costs: costsSchema.partial().optional(),
    tie: z.enum(tiePolicies).default('stop'),
    maxHold: z.number().int().min(1).max(10_000_000).nullable().default(null),
    overlap: z.boolean().default(false),
    name: z.string().max(200).optional(),
  })
  .refine((s) => s.instrumentId !== undefined || (s.dataset && s.symbol), {
    message: 'choose an instrument: instrumentId, or dataset and symbol',
    path: ['instrumentId'],
  })
export type BacktestSpec = z.output<typeof backtestSpecSchema>
export type BacktestSpecInput = z.input<typeof backtestSpecSchema>

/** Per-set statistics of a sweep, row-major over the grid (`slIndex * tp.length + tpIndex`); null = undefined (no trades, no losses for the profit factor...). */
export interface SweepStats {
  trades: number[]
  wins: number[]
  winRate: (number | null)[]
  profitFactor: (number | null)[]
  expectancy: (number | null)[]
  netPnl: number[]
  maxDrawdown: number[]
  sharpe: (number | null)[]
  exposure: number[]
  ambiguous: number[]
  slExits: number[]
  tpExits: number[]
  timeExits: number[]
  endExits: number[]
  skipped: number[]
}

export interface SetStats {
  trades: number
  wins: number
  winRate: number | null
  /** null without losses (infinite) or without trades. */
  profitFactor: number | null
  expectancy: number | null
  netPnl: number
  maxDrawdown: number
  sharpe: number | null
  exposure: number
  ambiguous: number
  slExits: number
  tpExits: number
  timeExits: number
  endExits: number
  skipped: number
}

export interface BacktestSignalsInfo {
  total: number
  long: number
  short: number
  /** Could enter (not on the last bar; ATR available). */
  usable: number
  /** On the last bar: no bar to enter at (reported, not traded). */
  lastBar: number
  atrWarmup: number
}

export interface BacktestSummary {
  runId: number
  name: string
  createdAt: string
  instrument: { id: number; symbol: string; datasetId: number }
  sets: number
  /** Best set by net P&L. */
  best: { slIndex: number; tpIndex: number; netPnl: number } | null
  computeMs: number
}

export interface BacktestRun extends BacktestSummary {
  /** As run: the instrument resolved to its id, the costs filled in. */
  spec: BacktestSpec & { instrumentId: number; costs: ContractCosts }
  sl: number[]
  tp: number[]
  stats: SweepStats
  signals: BacktestSignalsInfo
  bars: { count: number; from: number; to: number; dropped: number }
  /** Sets whose trades are stored. */
  kept: { slIndex: number; tpIndex: number }[]
}

export interface BacktestTrade {
  signalTime: number
  direction: 1 | -1
  entryTime: number
  entryPrice: number
  exitTime: number
  exitPrice: number
  reason: ExitReason
  barsHeld: number
  /** Net of slippage. */
  pnlTicks: number
  /** Net of slippage and commission. */
  pnlMoney: number
  maeTicks: number
  mfeTicks: number
  slPrice: number
  tpPrice: number
}

export interface BacktestSet {
  runId: number
  slIndex: number
  tpIndex: number
  sl: number
  tp: number
  trades: BacktestTrade[]
  stats: SetStats
  /** Cumulative net P&L and its drawdown (<= 0) at each exit. */
  equity: { time: number[]; equity: number[]; drawdown: number[] }
  kept: boolean
  /** 'stored' when read from kept trades, else re-simulated now (identical by construction). */
  source: 'stored' | 'simulated'
}

const runRef = z.object({ runId: z.number().int().positive() })
const setRef = runRef.extend({
  slIndex: z.number().int().min(0),
  tpIndex: z.number().int().min(0),
})

export const backtests = {
  /** Contract specs per root and the default for instruments without one. */
  specs: method<{ roots: RootSpec[]; fallback: ContractCosts }>()(z.object({}).default({})),
  /** The costs to prefill for an instrument (its root's spec, else the default). */
  costsFor: method<ContractCosts & { root: string | null }>()(z.object({ instrumentId: z.number().int().positive() })),
  /** A built-in generator's long and short conditions (shown in the form). */
  generator: method<{ long: string; short: string }>()(
    z.object({
      generator: z.enum(signalGenerators),
      length: z.number().int().min(1),
      slow: z.number().int().min(2).optional(),
    }),
  ),
  /** Runs the sweep (a 1×1 grid is a single set) across the workers and stores it. */
  run: method<BacktestRun>()(z.object({ spec: backtestSpecSchema, jobId: jobIdSchema.optional() })),
  list: method<BacktestSummary[]>()(z.object({ limit: z.number().int().min(1).max(1000).default(200) }).default({ limit: 200 })),
  get: method<BacktestRun>()(runRef),
  /** One set's trades, equity and statistics (stored if kept, else re-simulated). */
  set: method<BacktestSet>()(setRef),
  /** Stores (or drops) one set's trades with the run. */
  keep: method<{ kept: boolean; trades: number }>()(setRef.extend({ keep: z.boolean().default(true) })),
  remove: method<{ removed: boolean }>()(runRef),
}
