/** Engine statistics → the contract's shapes (non-finite numbers become null for JSON), and the equity curve of a trade list. */
import type { BacktestTrade, SetStats, SweepStats } from '../../contract'
import type { NativeAddon } from '../../native/addon'

type NativeSweepStats = ReturnType<InstanceType<NativeAddon['SimSweep']>['runRows']>
type NativeSetStats = ReturnType<NativeAddon['simTrades']>['stats']

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null)

export const sweepFields = [
  'trades',
  'wins',
  'winRate',
  'profitFactor',
  'expectancy',
  'netPnl',
  'maxDrawdown',
  'sharpe',
  'exposure',
  'ambiguous',
  'slExits',
  'tpExits',
  'timeExits',
  'endExits',
  'skipped',
] as const satisfies readonly (keyof SweepStats)[]

export function emptySweepStats(): SweepStats {
  return Object.fromEntries(sweepFields.map((f) => [f, []])) as unknown as SweepStats
}

export function sweepStatsOf(s: NativeSweepStats): SweepStats {
  const out = emptySweepStats() as unknown as Record<string, (number | null)[]>
  for (const f of sweepFields) out[f] = Array.from(s[f], finite)
  return out as unknown as SweepStats
}

/** Concatenates row blocks (in row order). */
export function appendSweepStats(into: SweepStats, part: SweepStats): void {
  for (const f of sweepFields) (into[f] as (number | null)[]).push(...(part[f] as (number | null)[]))
}

export function setStatsAt(s: SweepStats, i: number): SetStats {
  return Object.fromEntries(sweepFields.map((f) => [f, s[f][i]])) as unknown as SetStats
}

export function setStatsOf(s: NativeSetStats): SetStats {
  return {
    trades: s.trades,
    wins: s.wins,
    winRate: finite(s.winRate),
    profitFactor: finite(s.profitFactor),
    expectancy: finite(s.expectancy),
    netPnl: s.netPnl,
    maxDrawdown: s.maxDrawdown,
    sharpe: finite(s.sharpe),
    exposure: s.exposure,
    ambiguous: s.ambiguous,
    slExits: s.slExits,
    tpExits: s.tpExits,
    timeExits: s.timeExits,
    endExits: s.endExits,
    skipped: s.skipped,
  }
}

/** Cumulative net P&L at each exit and its drawdown from the running peak (peak starts at 0). */
export function equityOf(trades: BacktestTrade[]): {
  time: number[]
  equity: number[]
  drawdown: number[]
} {
  const time: number[] = []
  const equity: number[] = []
  const drawdown: number[] = []
  let eq = 0
  let peak = 0
  for (const t of trades) {
    eq += t.pnlMoney
    peak = Math.max(peak, eq)
    time.push(t.exitTime)
    equity.push(eq)
    drawdown.push(eq - peak)
  }
  return { time, equity, drawdown }
}
