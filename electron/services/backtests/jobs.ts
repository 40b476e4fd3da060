/**
 * Backtest jobs: prepare (bars and signals, so bad input fails before any sweep starts), one block
 * of sweep rows (the service splits a grid across the workers), one set's trades. Each worker
 * reads the bars itself from its read-only connection: only signals and levels cross the pipe.
 */
import type { BacktestSpec } from '../../contract'
import { defineJobs } from '../../pool/jobs'
import { prepare, type SimSetup, setTrades, sweepPart } from './simulation'

export const backtestJobs = defineJobs({
  'backtests.prepare': (
    payload: Pick<BacktestSpec, 'from' | 'to' | 'signals' | 'direction'> & {
      instrumentId: number
    },
    ctx,
  ) => prepare(ctx.db(), ctx.native, payload),
  'backtests.sweep': (payload: SimSetup & { sl: number[]; tp: number[] }, ctx) =>
    sweepPart(ctx.db(), ctx.native, payload, payload.sl, payload.tp, ctx.progress),
  'backtests.set': (payload: SimSetup & { sl: number; tp: number }, ctx) =>
    setTrades(ctx.db(), ctx.native, payload, payload.sl, payload.tp),
})
export type BacktestJobs = typeof backtestJobs
