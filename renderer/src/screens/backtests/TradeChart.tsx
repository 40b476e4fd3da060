import { useEffect, useRef } from 'react'
import type { BacktestTrade, Bars } from '../../../../electron/contract'
import { createTradesChart } from '../../charts/trades-chart'
import { useChart } from '../../charts/useChart'

/** Candles with every trade's entry (arrow) and exit (dot), and the selected trade's SL / TP lines. */
export function TradeChart({ bars, trades, selected }: { bars: Bars | null; trades: readonly BacktestTrade[]; selected: number | null }) {
  const ref = useRef<HTMLDivElement>(null)
  const chart = useChart(ref, createTradesChart)
  useEffect(() => chart?.setBars(bars), [chart, bars])
  // Again after new bars: setBars refits the time scale, the selected trade must come back into view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: bars is the trigger, read through the chart
  useEffect(() => chart?.setTrades(trades, selected), [chart, bars, trades, selected])
  return (
    <div className="bt-trade-chart" ref={ref} data-testid="bt-trade-chart" data-trades={trades.length} data-selected={selected ?? ''} />
  )
}
