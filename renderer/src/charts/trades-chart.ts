/**
 * Price chart for a backtest: candles, entry and exit markers of every trade, and the selected
 * trade's SL and TP as horizontal lines with its entry–exit span in view. Screens hold one per
 * container and never touch the library directly.
 */
import {
  CandlestickSeries,
  CrosshairMode,
  createSeriesMarkers,
  type IPriceLine,
  type ISeriesMarkersPluginApi,
  LineStyle,
  type SeriesMarker,
  type Time,
} from 'lightweight-charts'
import type { BacktestTrade, Bars } from '../../../electron/contract'
import { indexOfTime, isIntraday, pricePrecision, toCandles } from './bars'
import { asTime, createThemedChart, withChartTimes } from './base'
import type { ChartTheme } from './theme'

export interface TradesChart {
  setBars(bars: Bars | null): void
  /** Markers for every trade; `selected` gets its SL/TP lines and is scrolled into view. */
  setTrades(trades: readonly BacktestTrade[], selected: number | null): void
  dispose(): void
}

/** Markers beyond this many are thinned to the trades nearest the selected one (the library slows down past it). */
const MAX_MARKERS = 4000

export function createTradesChart(container: HTMLElement, theme: ChartTheme): TradesChart {
  const chart = createThemedChart(container, theme, {
    crosshairMode: CrosshairMode.Normal,
    priceMargins: { top: 0.08, bottom: 0.08 },
    rightOffset: 4,
    minBarSpacing: 0.2,
  })
  const series = chart.addSeries(CandlestickSeries, {
    upColor: theme.up,
    downColor: theme.down,
    borderUpColor: theme.up,
    borderDownColor: theme.down,
    wickUpColor: theme.up,
    wickDownColor: theme.down,
  })
  const markers: ISeriesMarkersPluginApi<Time> = createSeriesMarkers(series, [])
  let lines: IPriceLine[] = []
  /** The selected trade's levels: the price scale stretches to show them. */
  let levels: { lo: number; hi: number } | null = null
  series.applyOptions({
    autoscaleInfoProvider: (original: () => { priceRange: { minValue: number; maxValue: number } } | null) => {
      const r = original()
      if (!r || !levels) return r
      return {
        ...r,
        priceRange: { minValue: Math.min(r.priceRange.minValue, levels.lo), maxValue: Math.max(r.priceRange.maxValue, levels.hi) },
      }
    },
  })
  let time: number[] = []

  const clearLines = () => {
    for (const l of lines) series.removePriceLine(l)
    lines = []
  }

  return {
    setBars(bars) {
      time = bars?.time ?? []
      const precision = bars ? pricePrecision(bars.close) : 2
      series.applyOptions({ priceFormat: { type: 'price', precision, minMove: 10 ** -precision } })
      chart.applyOptions({ timeScale: { timeVisible: bars ? isIntraday(bars.time) : false, secondsVisible: false } })
      series.setData(bars ? (withChartTimes(toCandles(bars)) as never) : [])
      chart.timeScale().fitContent()
    },

    setTrades(trades, selected) {
      clearLines()
      levels = null
      const order = trades.map((_, i) => i)
      if (trades.length > MAX_MARKERS / 2 && selected !== null) order.sort((a, b) => Math.abs(a - selected) - Math.abs(b - selected))
      const shown = order.slice(0, MAX_MARKERS / 2)
      const list: SeriesMarker<Time>[] = []
      for (const i of shown) {
        const t = trades[i]
        const long = t.direction > 0
        const sel = i === selected
        list.push({
          time: asTime(t.entryTime),
          position: long ? 'belowBar' : 'aboveBar',
          shape: long ? 'arrowUp' : 'arrowDown',
          color: long ? theme.up : theme.down,
          size: sel ? 1.6 : 0.8,
          text: sel ? (long ? 'long' : 'short') : undefined,
        })
        list.push({
          time: asTime(t.exitTime),
          position: long ? 'aboveBar' : 'belowBar',
          shape: 'circle',
          color: t.pnlMoney >= 0 ? theme.up : theme.down,
          size: sel ? 1.4 : 0.6,
          text: sel ? t.reason : undefined,
        })
      }
      list.sort((a, b) => (a.time as number) - (b.time as number))
      markers.setMarkers(list)
      if (selected === null || !trades[selected]) return
      const t = trades[selected]
      levels = { lo: Math.min(t.slPrice, t.tpPrice), hi: Math.max(t.slPrice, t.tpPrice) }
      lines = [
        series.createPriceLine({
          price: t.slPrice,
          color: theme.down,
          lineStyle: LineStyle.Dashed,
          lineWidth: 1,
          axisLabelVisible: true,
          title: 'SL',
        }),
        series.createPriceLine({
          price: t.tpPrice,
          color: theme.up,
          lineStyle: LineStyle.Dashed,
          lineWidth: 1,
          axisLabelVisible: true,
          title: 'TP',
        }),
        series.createPriceLine({
          price: t.entryPrice,
          color: theme.muted,
          lineStyle: LineStyle.Dotted,
          lineWidth: 1,
          axisLabelVisible: false,
          title: 'entry',
        }),
      ]
      // The trade's span with some context either side.
      const a = indexOfTime(time, t.entryTime)
      const b = indexOfTime(time, t.exitTime)
      if (a >= 0 && b >= 0) {
        const pad = Math.max(10, Math.round((b - a) * 1.5))
        chart.timeScale().setVisibleLogicalRange({ from: a - pad, to: b + pad })
      }
    },

    dispose() {
      chart.remove()
    },
  }
}
