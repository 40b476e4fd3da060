/**
 * What the workers run (plain functions of the database, the addon and a payload, so the CLI can
 * run the very same code in-process): prepare (bars + signals), one block of sweep rows, one set's trades.
 */
import type { BacktestSignalsInfo, BacktestSpec, BacktestTrade, ContractCosts, ExitReason, SetStats, SweepStats } from '../../contract'
import type { Db } from '../../db/open'
import type { NativeAddon } from '../../native/addon'
import { loadBars, type SimBarsData } from './bars'
import { engineCall } from './native-errors'
import { resolveSignals, type Signals } from './signals'
import { appendSweepStats, emptySweepStats, setStatsOf, sweepStatsOf } from './stats'

/** Where the bars come from and how trades are simulated (everything but the levels). */
export interface SimSetup {
  instrumentId: number
  from?: string
  to?: string
  signals: Signals
  costs: ContractCosts
  options: Pick<BacktestSpec, 'unit' | 'atrPeriod' | 'tie' | 'maxHold' | 'overlap'>
}

export type Progress = (done: number, total: number, message?: string) => void

function nativeOptions(o: SimSetup['options']) {
  return {
    unit: o.unit,
    atrPeriod: o.atrPeriod,
    tie: o.tie,
    maxHold: o.maxHold ?? undefined,
    overlap: o.overlap,
  }
}

function nativeSignals(s: Signals) {
  return {
    time: Float64Array.from(s.time),
    direction: Float64Array.from(s.direction),
  }
}

export interface Prepared {
  signals: Signals
  bars: { count: number; from: number; to: number; dropped: number }
}

export function prepare(
  db: Db,
  native: NativeAddon,
  spec: Pick<BacktestSpec, 'from' | 'to' | 'signals' | 'direction'> & {
    instrumentId: number
  },
): Prepared {
  const bars = loadBars(db, spec.instrumentId, spec.from, spec.to)
  const signals = resolveSignals(native, bars, spec)
  return {
    signals,
    bars: {
      count: bars.time.length,
      from: bars.time[0],
      to: bars.time[bars.time.length - 1],
      dropped: bars.dropped,
    },
  }
}

export interface SweepPartResult {
  stats: SweepStats
  info: Pick<BacktestSignalsInfo, 'usable' | 'lastBar' | 'atrWarmup'>
}

/** Stop levels `sl` (a block of grid rows) × every target level: one table build, rows in blocks for progress. */
export function sweepPart(db: Db, native: NativeAddon, setup: SimSetup, sl: number[], tp: number[], progress: Progress): SweepPartResult {
  const bars = loadBars(db, setup.instrumentId, setup.from, setup.to)
  return sweepOnBars(native, bars, setup, sl, tp, progress, 1)
}

export function sweepOnBars(
  native: NativeAddon,
  bars: SimBarsData,
  setup: SimSetup,
  sl: number[],
  tp: number[],
  progress: Progress,
  threads: number,
): SweepPartResult {
  const sweep = engineCall(
    'backtest',
    () =>
      new native.SimSweep(
        bars,
        nativeSignals(setup.signals),
        setup.costs,
        nativeOptions(setup.options),
        Float64Array.from(sl),
        Float64Array.from(tp),
        threads,
      ),
  )
  const stats = emptySweepStats()
  // Blocks of about 5% of the rows: progress and cancel points without measurable overhead.
  const block = Math.max(1, Math.ceil(sl.length / 20))
  for (let row = 0; row < sl.length; row += block) {
    const end = Math.min(sl.length, row + block)
    appendSweepStats(stats, sweepStatsOf(sweep.runRows(row, end, threads)))
    progress(end, sl.length)
  }
  return {
    stats,
    info: {
      usable: sweep.usableSignals,
      lastBar: sweep.lastBarSignals,
      atrWarmup: sweep.atrWarmupSignals,
    },
  }
}

export interface SetResult {
  trades: BacktestTrade[]
  stats: SetStats
}

/** One set's trades (the engine's fast path; `naive` runs the reference loop instead). */
export function setTrades(db: Db, native: NativeAddon, setup: SimSetup, sl: number, tp: number, naive = false): SetResult {
  const bars = loadBars(db, setup.instrumentId, setup.from, setup.to)
  return setTradesOnBars(native, bars, setup, sl, tp, naive)
}

export function setTradesOnBars(native: NativeAddon, bars: SimBarsData, setup: SimSetup, sl: number, tp: number, naive = false): SetResult {
  const run = naive ? native.simTradesNaive : native.simTrades
  const r = engineCall('backtest', () => run(bars, nativeSignals(setup.signals), setup.costs, nativeOptions(setup.options), sl, tp))
  const trades: BacktestTrade[] = []
  for (let i = 0; i < r.entryTime.length; i++) {
    trades.push({
      signalTime: r.signalTime[i],
      direction: r.direction[i] > 0 ? 1 : -1,
      entryTime: r.entryTime[i],
      entryPrice: r.entryPrice[i],
      exitTime: r.exitTime[i],
      exitPrice: r.exitPrice[i],
      reason: r.reasons[r.reason[i]] as ExitReason,
      barsHeld: r.barsHeld[i],
      pnlTicks: r.pnlTicks[i],
      pnlMoney: r.pnlMoney[i],
      maeTicks: r.maeTicks[i],
      mfeTicks: r.mfeTicks[i],
      slPrice: r.slPrice[i],
      tpPrice: r.tpPrice[i],
    })
  }
  return { trades, stats: setStatsOf(r.stats) }
}
