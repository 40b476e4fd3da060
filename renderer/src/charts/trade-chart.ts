/**
 * A trade on its price chart: candles (or a close line where bars have no OHLC), entry and
 * exit marked with arrows, the stop and target as dashed price lines.
 */
import { CandlestickSeries, CrosshairMode, LineStyle, createSeriesMarkers, type SeriesMarker, type Time } from 'lightweight-charts'
import type { Bars, Trade } from '../../../electron/contract'
import { asTime, createThemedChart } from './base'
import { toCandles } from './bars'
import type { ChartTheme } from './theme'

export interface TradeChartApi {
  show(bars: Bars, trade: Trade): void
  dispose(): void
}

/** The bar time at or before `ts` (markers must sit on a bar). */
function barTime(time: readonly number[], ts: number): number {
  let lo = 0
  let hi = time.length - 1
  if (hi < 0) return ts
  if (ts <= time[0]) return time[0]
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (time[mid] <= ts) lo = mid
    else hi = mid - 1
  }
  return time[lo]
}

export function createTradeChart(container: HTMLElement, theme: ChartTheme): TradeChartApi {
  const chart = createThemedChart(container, theme, {
    crosshairMode: CrosshairMode.Normal,
    priceMargins: { top: 0.1, bottom: 0.1 },
    rightOffset: 4,
    minBarSpacing: 0.5,
  })
  const candles = chart.addSeries(CandlestickSeries, {
    upColor: theme.up,
    downColor: theme.down,
    borderVisible: false,
    wickUpColor: theme.up,
    wickDownColor: theme.down,
  })
  const markers = createSeriesMarkers(candles, [])
  let lines: ReturnType<typeof candles.createPriceLine>[] = []
  return {
    show(bars, trade) {
      const intraday = bars.time.length > 1 && bars.time[1] - bars.time[0] < 86_400
      chart.applyOptions({ timeScale: { timeVisible: intraday } })
      candles.setData(toCandles(bars).map((c) => ({ ...c, time: asTime(c.time) })) as never)
      const long = trade.direction === 'long'
      const list: SeriesMarker<Time>[] = []
      if (trade.entryTs !== null) {
        list.push({
          time: asTime(barTime(bars.time, trade.entryTs)),
          position: long ? 'belowBar' : 'aboveBar',
          shape: long ? 'arrowUp' : 'arrowDown',
          color: theme.accent,
          text: `${long ? 'Buy' : 'Sell'} ${trade.entryPrice ?? ''}`,
        })
      }
      if (trade.exitTs !== null) {
        list.push({
          time: asTime(barTime(bars.time, trade.exitTs)),
          position: long ? 'aboveBar' : 'belowBar',
          shape: long ? 'arrowDown' : 'arrowUp',
          color: (trade.pnlNet ?? 0) >= 0 ? theme.up : theme.down,
          text: `Exit ${trade.exitPrice ?? ''}${trade.exitReason ? ` (${trade.exitReason})` : ''}`,
        })
      }
      markers.setMarkers(list.sort((a, b) => Number(a.time) - Number(b.time)))
      for (const l of lines) candles.removePriceLine(l)
      lines = []
      const line = (price: number | null, title: string, color: string) => {
        if (price !== null) lines.push(candles.createPriceLine({ price, color, lineStyle: LineStyle.Dashed, lineWidth: 1, title }))
      }
      line(trade.entryPrice, 'entry', theme.accent)
      line(trade.stopLoss, 'SL', theme.down)
      line(trade.takeProfit, 'TP', theme.up)
      chart.timeScale().fitContent()
    },
    dispose() {
      chart.remove()
    },
  }
}
