import { z } from 'zod'
import { method } from './define'
import { jobIdSchema } from './jobs'

export const indicatorKinds = ['sma', 'ema', 'bollinger'] as const
export type IndicatorKind = (typeof indicatorKinds)[number]

/** An overlay computed by the native engine in a worker, aligned to the instrument's bars. */
export interface IndicatorSeries {
  instrumentId: number
  kind: IndicatorKind
  window: number
  time: number[]
  /** Named lines, e.g. {mid} or {mid, upper, lower}; null where the window is not full. */
  lines: Record<string, (number | null)[]>
  computeMs: number
}

export interface SummaryStats {
  count: number
  nanCount: number
  first: number | null
  last: number | null
  min: number | null
  max: number | null
  mean: number | null
  totalReturn: number | null
  annualizedReturn: number | null
  annualizedVolatility: number | null
  sharpe: number | null
  maxDrawdown: number | null
  maxDrawdownStart: number | null
  maxDrawdownEnd: number | null
}

export const indicators = {
  compute: method<IndicatorSeries>()(
    z.object({
      instrumentId: z.number().int().positive(),
      kind: z.enum(indicatorKinds),
      window: z.number().int().min(2).max(1000),
      jobId: jobIdSchema.optional(),
    }),
  ),
  /** Over the whole history, or the bars in [from, to] (unix seconds, inclusive: the chart's visible range). */
  summary: method<SummaryStats>()(
    z.object({
      instrumentId: z.number().int().positive(),
      from: z.number().optional(),
      to: z.number().optional(),
      jobId: jobIdSchema.optional(),
    }),
  ),
}
