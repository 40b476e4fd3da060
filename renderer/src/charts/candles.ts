/**
 * The price chart adapter over lightweight-charts 5: candles (or a close line for
 * settlement-only futures) on pane 0, volume on pane 1, indicator overlays on the price pane,
 * a crosshair callback with the hovered bar, range presets. Screens hold one of these per chart
 * container and never touch the library directly.
 */
import {
  CandlestickSeries,
  CrosshairMode,
  HistogramSeries,
  LineSeries,
  LineStyle,
  createSeriesMarkers,
  createTextWatermark,
  type ISeriesMarkersPluginApi,
  type ITextWatermarkPluginApi,
  type LogicalRange,
  type MouseEventParams,
  type Time,
} from 'lightweight-charts'
import type { Bars, IndicatorSeries } from '../../../electron/contract'
import { lowerBound } from '../../../electron/contract/dates'
import {
  barAt,
  barStyleOf,
  hasVolume,
  indexOfTime,
  isIntraday,
  overlayLineLabel,
  overlayLineOrder,
  pricePrecision,
  toCandles,
  toCloseLine,
  toLine,
  toPoints,
  toVolume,
  type BarPoint,
  type BarStyle,
} from './bars'
import { asTime, createThemedChart, crosshairListeners, withChartTimes, type AnySeries } from './base'
import { withAlpha, type ChartTheme } from './theme'

export type RangePreset = '1H' | '1D' | '1W' | '1M' | '6M' | '1Y' | 'All'

/** Presets that make sense for the data's spacing. */
export function rangePresetsFor(intraday: boolean): RangePreset[] {
  return intraday ? ['1H', '1D', 'All'] : ['1M', '6M', '1Y', 'All']
}

export interface OverlayValue {
  key: string
  label: string
  value: number | null
  color: string
}

export interface CrosshairInfo {
  /** Index into the bars, or the last bar when the pointer is away (hovering = false). */
  index: number
  hovering: boolean
  bar: BarPoint
  /** Close of the bar before, for the change column. */
  prevClose: number | null
  overlay: OverlayValue[]
  /** The lower-pane series' value at the bar (when one is set). */
  lower?: OverlayValue | null
}

/** An indicator series drawn in its own pane beneath the price (and volume) panes, e.g. an alpha. */
export interface LowerPaneSeries {
  label: string
  time: readonly number[]
  values: readonly (number | null)[]
  color?: string
  /** Decimals on its scale (default 3). */
  precision?: number
  /** A dot on the line at this time (e.g. the date being looked at elsewhere). */
  marker?: { time: number; text?: string } | null
}

export interface SetBarsOptions {
  /** Forced style; by default candles when the bars have OHLC, else a close line. */
  style?: BarStyle
  /** Forced time axis mode; by default told from the bar spacing. */
  intraday?: boolean
  /** Shown faintly behind the candles. */
  watermark?: string
  /** Initial visible range (default: 1Y for daily, All for intraday). */
  range?: RangePreset
}

export interface PriceChart {
  setBars(bars: Bars | null, options?: SetBarsOptions): void
  setOverlay(series: IndicatorSeries | null): void
  /** Draws `series` in a pane of its own beneath the candles (and volume); null removes it. */
  setLowerPane(series: LowerPaneSeries | null): void
  fit(): void
  setRange(preset: RangePreset): void
  /** Called (after each scroll or zoom) with the first and last time in view; returns the unsubscribe function. */
  onVisibleRange(listener: (from: number, to: number) => void): () => void
  /** Scrolls so `time` is in view with about `bars` bars around it (the drill-down's date). */
  showAround(time: number, bars?: number): void
  /** Called on every crosshair move and after data changes; returns the unsubscribe function. */
  onCrosshair(listener: (info: CrosshairInfo | null) => void): () => void
  /** The current style and axis mode (after setBars). */
  readonly style: BarStyle
  readonly intraday: boolean
  dispose(): void
}

const PRICE_PANE_STRETCH = 0.78
const VOLUME_PANE_STRETCH = 0.22
/** Price / volume / lower pane heights when a lower pane is shown. */
const WITH_LOWER_STRETCH = [0.6, 0.14, 0.26]

export function createPriceChart(container: HTMLElement, theme: ChartTheme): PriceChart {
  const chart = createThemedChart(container, theme, {
    crosshairMode: CrosshairMode.Normal,
    priceMargins: { top: 0.08, bottom: 0.06 },
    rightOffset: 4,
    minBarSpacing: 0.2,
  })

  let bars: Bars | null = null
  let style: BarStyle = 'candles'
  let intraday = false
  let priceSeries: AnySeries | null = null
  let volumeSeries: AnySeries | null = null
  let overlay: IndicatorSeries | null = null
  let overlaySeries: {
    key: string
    label: string
    color: string
    series: AnySeries
    index: Map<number, number>
    values: readonly (number | null)[]
  }[] = []
  let watermark: ITextWatermarkPluginApi<Time> | null = null
  let precision = 2
  let lower: LowerPaneSeries | null = null
  let lowerSeries: AnySeries | null = null
  let lowerIndex = new Map<number, number>()
  let lowerMarkers: ISeriesMarkersPluginApi<Time> | null = null

  const removeSeries = (s: AnySeries | null) => {
    if (s) chart.removeSeries(s)
  }

  function info(index: number, hovering: boolean): CrosshairInfo | null {
    if (!bars || index < 0 || index >= bars.time.length) return null
    const bar = barAt(bars, index)
    let prevClose: number | null = null
    for (let j = index - 1; j >= 0 && j >= index - 10; j--) {
      const c = bars.close[j]
      if (c !== null && Number.isFinite(c)) {
        prevClose = c
        break
      }
    }
    const values: OverlayValue[] = overlaySeries.map((o) => {
      const j = o.index.get(bar.time) ?? -1
      const v = j >= 0 ? o.values[j] : null
      return { key: o.key, label: o.label, color: o.color, value: v ?? null }
    })
    let lowerValue: OverlayValue | null = null
    if (lower && lowerSeries) {
      const j = lowerIndex.get(bar.time)
      lowerValue = {
        key: 'lower',
        label: lower.label,
        color: lower.color ?? theme.overlay[0],
        value: j === undefined ? null : (lower.values[j] ?? null),
      }
    }
    return { index, hovering, bar, prevClose, overlay: values, lower: lowerValue }
  }

  const lastInfo = () => (bars?.time.length ? info(bars.time.length - 1, false) : null)
  const listeners = crosshairListeners(lastInfo)
  const emit = listeners.emit

  const onMove = (param: MouseEventParams<Time>) => {
    if (!bars || param.time === undefined || !param.point) {
      emit(lastInfo())
      return
    }
    const i = indexOfTime(bars.time, param.time as number)
    emit(i >= 0 ? info(i, true) : lastInfo())
  }
  chart.subscribeCrosshairMove(onMove)

  function drawOverlay() {
    const old = overlaySeries
    overlaySeries = []
    old.forEach((o) => removeSeries(o.series))
    if (!overlay || !bars || overlay.instrumentId !== bars.instrumentId) return
    const keys = overlayLineOrder(overlay.lines)
    const timeIndex = new Map<number, number>()
    overlay.time.forEach((t, i) => timeIndex.set(t, i))
    keys.forEach((key, i) => {
      const color =
        overlay!.kind === 'bollinger' ? (key === 'mid' ? theme.overlay[0] : theme.overlay[1]) : theme.overlay[i % theme.overlay.length]
      const series = chart.addSeries(
        LineSeries,
        {
          color,
          lineWidth: key === 'mid' ? 2 : 1,
          lineStyle: key === 'mid' ? LineStyle.Solid : LineStyle.Solid,
          priceLineVisible: false,
          lastValueVisible: true,
          crosshairMarkerVisible: false,
          priceFormat: { type: 'price', precision, minMove: 10 ** -precision },
          title: '',
        },
        0,
      )
      series.setData(withChartTimes(toLine(overlay!.time, overlay!.lines[key])))
      overlaySeries.push({ key, label: overlayLineLabel(overlay!, key), color, series, index: timeIndex, values: overlay!.lines[key] })
    })
  }

  function paneStretch() {
    const panes = chart.panes()
    if (lowerSeries) {
      const factors = volumeSeries ? WITH_LOWER_STRETCH : [WITH_LOWER_STRETCH[0] + WITH_LOWER_STRETCH[1], WITH_LOWER_STRETCH[2]]
      factors.forEach((f, i) => panes[i]?.setStretchFactor(f))
    } else if (volumeSeries) {
      panes[0]?.setStretchFactor(PRICE_PANE_STRETCH)
      panes[1]?.setStretchFactor(VOLUME_PANE_STRETCH)
    }
  }

  const lowerMarkerList = (s: LowerPaneSeries) =>
    s.marker
      ? [
          {
            time: asTime(s.marker.time),
            position: 'inBar' as const,
            shape: 'circle' as const,
            color: theme.accent,
            size: 1.2,
            text: s.marker.text ?? '',
          },
        ]
      : []

  function removeLower() {
    lowerMarkers?.detach()
    lowerMarkers = null
    removeSeries(lowerSeries)
    lowerSeries = null
  }

  function drawLower() {
    removeLower()
    lowerIndex = new Map()
    if (lower && bars) {
      const digits = lower.precision ?? 3
      lowerSeries = chart.addSeries(
        LineSeries,
        {
          color: lower.color ?? theme.overlay[0],
          lineWidth: 1,
          priceLineVisible: false,
          lastValueVisible: true,
          crosshairMarkerRadius: 2,
          priceFormat: { type: 'price', precision: digits, minMove: 10 ** -digits },
          title: '',
        },
        volumeSeries ? 2 : 1,
      )
      lowerSeries.priceScale().applyOptions({ scaleMargins: { top: 0.1, bottom: 0.1 }, borderColor: theme.border })
      lowerSeries.createPriceLine({
        price: 0,
        color: withAlpha(theme.muted, 0.5),
        lineWidth: 1,
        lineStyle: LineStyle.Dotted,
        axisLabelVisible: false,
        title: '',
      })
      lower.time.forEach((t, i) => lowerIndex.set(t, i))
      lowerSeries.setData(withChartTimes(toPoints(lower.time, lower.values)) as never)
      lowerMarkers = createSeriesMarkers(lowerSeries, lowerMarkerList(lower))
    }
    paneStretch()
  }

  function setWatermark(text: string | undefined) {
    const pane = chart.panes()[0]
    if (!pane) return
    const options = {
      horzAlign: 'center' as const,
      vertAlign: 'center' as const,
      lines: text ? [{ text, color: withAlpha(theme.muted, 0.09), fontSize: 64, fontFamily: theme.fontFamily, fontStyle: 'bold' }] : [],
    }
    if (watermark) watermark.applyOptions(options)
    else watermark = createTextWatermark(pane, options)
  }

  function lastIndex(): number {
    return bars ? bars.time.length - 1 : -1
  }

  function firstIndexAtOrAfter(t: number): number {
    return bars ? lowerBound(bars.time, t) : 0
  }

  function setRange(preset: RangePreset) {
    if (!bars || bars.time.length === 0) return
    if (preset === 'All') {
      chart.timeScale().fitContent()
      return
    }
    const last = bars.time[lastIndex()]
    let from: number
    if (preset === '1D') {
      from = Math.floor(last / 86_400) * 86_400 // the last session (exchange wall clock as UTC)
    } else {
      const seconds = { '1H': 3_600, '1W': 7 * 86_400, '1M': 31 * 86_400, '6M': 183 * 86_400, '1Y': 365 * 86_400 }[preset]
      from = last - seconds
    }
    const start = firstIndexAtOrAfter(from)
    if (start <= 0) {
      chart.timeScale().fitContent()
      return
    }
    const range: LogicalRange = { from: start - 0.5, to: lastIndex() + 4 } as LogicalRange
    chart.timeScale().setVisibleLogicalRange(range)
  }

  return {
    get style() {
      return style
    },
    get intraday() {
      return intraday
    },

    setBars(next, options = {}) {
      bars = next?.time.length ? next : null
      const nextStyle = options.style ?? (bars ? barStyleOf(bars) : 'candles')
      intraday = options.intraday ?? (bars ? isIntraday(bars.time) : false)
      chart.applyOptions({ timeScale: { timeVisible: intraday, secondsVisible: false } })
      precision = bars ? pricePrecision(bars.close) : 2
      const priceFormat = { type: 'price' as const, precision, minMove: 10 ** -precision }

      // Recreate the price series when the style changes; overlays are redrawn after it so they stay on top.
      if (!priceSeries || nextStyle !== style) {
        const old = overlaySeries
        overlaySeries = []
        old.forEach((o) => removeSeries(o.series))
        removeSeries(priceSeries)
        priceSeries =
          nextStyle === 'candles'
            ? chart.addSeries(
                CandlestickSeries,
                {
                  upColor: theme.up,
                  downColor: theme.down,
                  borderUpColor: theme.up,
                  borderDownColor: theme.down,
                  wickUpColor: theme.up,
                  wickDownColor: theme.down,
                  priceFormat,
                },
                0,
              )
            : chart.addSeries(LineSeries, { color: theme.accent, lineWidth: 2, priceFormat, crosshairMarkerRadius: 3 }, 0)
        style = nextStyle
      } else {
        priceSeries.applyOptions({ priceFormat })
      }
      const priceData = bars ? (style === 'candles' ? toCandles(bars) : toCloseLine(bars)) : []
      priceSeries.setData(withChartTimes(priceData) as never)

      // The lower pane goes below the volume pane: take it out while volume is (re)placed.
      removeLower()
      const wantVolume = bars !== null && hasVolume(bars)
      if (wantVolume && !volumeSeries) {
        volumeSeries = chart.addSeries(
          HistogramSeries,
          { priceFormat: { type: 'volume' }, priceLineVisible: false, lastValueVisible: false, base: 0 },
          1,
        )
        volumeSeries.priceScale().applyOptions({ scaleMargins: { top: 0.12, bottom: 0 }, borderColor: theme.border })
      } else if (!wantVolume && volumeSeries) {
        removeSeries(volumeSeries)
        volumeSeries = null
      }
      if (volumeSeries && bars) {
        const data = toVolume(bars, withAlpha(theme.up, 0.5), withAlpha(theme.down, 0.5))
        volumeSeries.setData(withChartTimes(data) as never)
        const panes = chart.panes()
        panes[0]?.setStretchFactor(PRICE_PANE_STRETCH)
        panes[1]?.setStretchFactor(VOLUME_PANE_STRETCH)
      }

      // Overlays are drawn only over the instrument they were computed for.
      drawOverlay()
      drawLower()
      setWatermark(options.watermark)
      if (bars) setRange(options.range ?? (intraday ? 'All' : '1Y'))
      emit(lastInfo())
    },

    setOverlay(series) {
      if (series === overlay) return
      overlay = series
      drawOverlay()
      emit(lastInfo())
    },

    setLowerPane(series) {
      if (series === lower) return
      // Only the marker moved: keep the line, move the dot.
      if (
        series &&
        lower &&
        lowerSeries &&
        lowerMarkers &&
        series.time === lower.time &&
        series.values === lower.values &&
        series.label === lower.label &&
        series.color === lower.color
      ) {
        lower = series
        lowerMarkers.setMarkers(lowerMarkerList(series))
        return
      }
      lower = series
      drawLower()
      emit(lastInfo())
    },

    fit() {
      chart.timeScale().fitContent()
      chart.priceScale('right').applyOptions({ autoScale: true })
    },

    setRange(preset) {
      setRange(preset)
      chart.priceScale('right').applyOptions({ autoScale: true })
    },

    onVisibleRange(listener) {
      const handler = (range: { from: unknown; to: unknown } | null) => {
        if (range && typeof range.from === 'number' && typeof range.to === 'number') listener(range.from, range.to)
      }
      chart.timeScale().subscribeVisibleTimeRangeChange(handler)
      // The range set with the bars may already be in place: report it once the layout settles.
      const frame = requestAnimationFrame(() => handler(chart.timeScale().getVisibleRange()))
      return () => {
        cancelAnimationFrame(frame)
        chart.timeScale().unsubscribeVisibleTimeRangeChange(handler)
      }
    },

    showAround(time, width = 180) {
      if (!bars || bars.time.length === 0) return
      const at = Math.min(lastIndex(), firstIndexAtOrAfter(time))
      const half = width / 2
      const from = Math.max(-0.5, at - half)
      chart.timeScale().setVisibleLogicalRange({ from, to: Math.min(lastIndex() + 4, from + width) } as LogicalRange)
      chart.priceScale('right').applyOptions({ autoScale: true })
    },

    onCrosshair: listeners.subscribe,

    dispose() {
      listeners.clear()
      chart.unsubscribeCrosshairMove(onMove)
      watermark?.detach()
      chart.remove()
    },
  }
}
