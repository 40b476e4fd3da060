/**
 * A time-series chart adapter over lightweight-charts 5 for analysis series (IC, cumulative
 * returns, equity, drawdown): lines, histograms and areas on one or more panes, value formats
 * (number / percent), a crosshair callback with every series' value at the hovered time.
 * Screens hold one per container and never touch the library directly.
 */
import {
  AreaSeries,
  CrosshairMode,
  HistogramSeries,
  LineSeries,
  LineStyle,
  type MouseEventParams,
  type PriceFormat,
  type Time,
} from 'lightweight-charts'
import { formatFixed } from '../components/format'
import { toPoints } from './bars'
import { asTime, createThemedChart, crosshairListeners, withChartTimes, type AnySeries } from './base'
import { withAlpha, type ChartTheme } from './theme'

export type ValueFormat = 'number' | 'percent' | 'signedPercent'

export interface SeriesSpec {
  id: string
  label: string
  kind: 'line' | 'histogram' | 'area'
  color: string
  /** Histograms: the colour of negative bars. */
  negativeColor?: string
  time: readonly number[]
  values: readonly (number | null)[]
  /** 0 = the main pane. */
  pane?: number
  lineWidth?: 1 | 2 | 3
  dashed?: boolean
  format?: ValueFormat
  /** Decimals for the number format (default 3). */
  precision?: number
  /** Draw a horizontal line at this value (e.g. 0 or 1). */
  baseline?: number
  /** Areas: fill above the line instead of below (drawdowns hang from zero). */
  invert?: boolean
}

export interface SeriesValue {
  id: string
  label: string
  color: string
  value: number | null
  format: ValueFormat
  precision: number
}

export interface SeriesCrosshair {
  /** Hovered time, or the last time when the pointer is away (hovering false). */
  time: number
  hovering: boolean
  values: SeriesValue[]
}

export interface SeriesChart {
  /** Replaces every series; `paneStretch` sets the relative pane heights. */
  setSeries(specs: readonly SeriesSpec[], options?: { paneStretch?: number[] }): void
  fit(): void
  onCrosshair(listener: (info: SeriesCrosshair | null) => void): () => void
  dispose(): void
}

/** A value as text in a series' format. */
export function formatSeriesValue(v: number | null | undefined, format: ValueFormat, precision = 3): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—'
  if (format === 'percent' || format === 'signedPercent') {
    const p = v * 100
    const digits = Math.abs(p) >= 100 ? 0 : Math.abs(p) >= 10 ? 1 : 2
    const s = formatFixed(Math.abs(p), digits)
    const sign = p < 0 ? '−' : format === 'signedPercent' && p > 0 ? '+' : ''
    return `${sign}${s}%`
  }
  return formatFixed(v, precision)
}

function priceFormatOf(spec: SeriesSpec): PriceFormat {
  const format = spec.format ?? 'number'
  const precision = spec.precision ?? 3
  if (format === 'number') return { type: 'price', precision, minMove: 10 ** -precision }
  return { type: 'custom', minMove: 0.00001, formatter: (v: number) => formatSeriesValue(v, format, precision) }
}

export function createSeriesChart(container: HTMLElement, theme: ChartTheme): SeriesChart {
  const chart = createThemedChart(container, theme, {
    crosshairMode: CrosshairMode.Magnet,
    priceMargins: { top: 0.1, bottom: 0.08 },
    rightOffset: 2,
    minBarSpacing: 0.05,
    handleScale: { axisPressedMouseMove: { time: true, price: false } },
  })

  let drawn: { spec: SeriesSpec; series: AnySeries; index: Map<number, number> }[] = []
  let lastTime: number | null = null

  function valuesAt(t: number): SeriesValue[] {
    return drawn.map(({ spec, index }) => {
      const i = index.get(t)
      const v = i === undefined ? null : spec.values[i]
      return {
        id: spec.id,
        label: spec.label,
        color: spec.color,
        value: v ?? null,
        format: spec.format ?? 'number',
        precision: spec.precision ?? 3,
      }
    })
  }
  const lastInfo = (): SeriesCrosshair | null =>
    lastTime === null ? null : { time: lastTime, hovering: false, values: valuesAt(lastTime) }
  const listeners = crosshairListeners(lastInfo)
  const emit = listeners.emit

  const onMove = (param: MouseEventParams<Time>) => {
    if (param.time === undefined || !param.point) emit(lastInfo())
    else emit({ time: param.time as number, hovering: true, values: valuesAt(param.time as number) })
  }
  chart.subscribeCrosshairMove(onMove)

  return {
    setSeries(specs, options = {}) {
      for (const d of drawn) chart.removeSeries(d.series)
      drawn = []
      lastTime = null
      for (const spec of specs) {
        const pane = spec.pane ?? 0
        const priceFormat = priceFormatOf(spec)
        let series: AnySeries
        if (spec.kind === 'histogram') {
          series = chart.addSeries(
            HistogramSeries,
            { color: spec.color, priceFormat, priceLineVisible: false, lastValueVisible: false, base: 0 },
            pane,
          )
        } else if (spec.kind === 'area') {
          series = chart.addSeries(
            AreaSeries,
            {
              lineColor: spec.color,
              topColor: withAlpha(spec.color, 0.08),
              bottomColor: withAlpha(spec.color, 0.32),
              lineWidth: spec.lineWidth ?? 1,
              priceFormat,
              priceLineVisible: false,
              crosshairMarkerRadius: 3,
              invertFilledArea: spec.invert ?? false,
            },
            pane,
          )
        } else {
          series = chart.addSeries(
            LineSeries,
            {
              color: spec.color,
              lineWidth: spec.lineWidth ?? 2,
              lineStyle: spec.dashed ? LineStyle.Dashed : LineStyle.Solid,
              priceFormat,
              priceLineVisible: false,
              crosshairMarkerRadius: 3,
            },
            pane,
          )
        }
        const points = toPoints(spec.time, spec.values)
        const data =
          spec.kind === 'histogram' && spec.negativeColor
            ? points.map((p) =>
                'value' in p
                  ? { ...p, time: asTime(p.time), color: p.value < 0 ? spec.negativeColor : spec.color }
                  : { time: asTime(p.time) },
              )
            : withChartTimes(points)
        series.setData(data as never)
        if (spec.baseline !== undefined) {
          series.createPriceLine({
            price: spec.baseline,
            color: withAlpha(theme.muted, 0.6),
            lineWidth: 1,
            lineStyle: LineStyle.Dotted,
            axisLabelVisible: false,
            title: '',
          })
        }
        const index = new Map<number, number>()
        spec.time.forEach((t, i) => index.set(t, i))
        drawn.push({ spec, series, index })
        // The legend rests on the last time with a value (an IC has none on the last date).
        for (let i = spec.time.length - 1; i >= 0; i--) {
          const v = spec.values[i]
          if (v !== null && v !== undefined && Number.isFinite(v)) {
            if (lastTime === null || spec.time[i] > lastTime) lastTime = spec.time[i]
            break
          }
        }
      }
      const panes = chart.panes()
      options.paneStretch?.forEach((f, i) => panes[i]?.setStretchFactor(f))
      chart.timeScale().fitContent()
      emit(lastInfo())
    },

    fit() {
      chart.timeScale().fitContent()
    },

    onCrosshair: listeners.subscribe,

    dispose() {
      listeners.clear()
      chart.unsubscribeCrosshairMove(onMove)
      chart.remove()
    },
  }
}
