/**
 * A chart over a numeric horizontal axis (days to expiry, tenor number, maturity) on
 * lightweight-charts 5's `createOptionsChart`: lines with optional point markers and labels,
 * updated in place (setData per series, never a new chart) so playback can redraw every frame.
 * The crosshair reports every series' value at the hovered x, interpolated between its points.
 */
import {
  CrosshairMode,
  LineSeries,
  LineStyle,
  createOptionsChart,
  createSeriesMarkers,
  type IChartApiBase,
  type ISeriesApi,
  type ISeriesMarkersPluginApi,
  type MouseEventParams,
  type SeriesMarker,
} from 'lightweight-charts'
import { crosshairListeners, themedLook } from './base'
import { withAlpha, type ChartTheme } from './theme'

export interface XYPoint {
  x: number
  y: number
  /** Text over the point (e.g. a contract code). */
  label?: string
  /** Draw this point with a distinct marker (e.g. the front contract). */
  mark?: boolean
}

export interface XYSeries {
  id: string
  label: string
  color: string
  points: readonly XYPoint[]
  width?: 1 | 2 | 3 | 4
  dashed?: boolean
  /** Dots at the points (and labels where given). */
  markers?: boolean
  /** Leave out of the crosshair values. */
  quiet?: boolean
}

export interface XYCrosshair {
  x: number | null
  values: { id: string; label: string; color: string; value: number | null }[]
}

export interface XYChart {
  /** Sets the series by id: existing ones get new data, new ones are added, missing ones removed. */
  setSeries(series: readonly XYSeries[]): void
  /**
   * Makes the horizontal axis linear over [min, max] with a step (the library spaces data
   * points evenly, whatever their x): a hidden series holds an empty slot at every step, as
   * the library's yield-curve chart does for months. Series x values should fall on the steps.
   */
  setDomain(min: number, max: number, step?: number): void
  fit(): void
  onCrosshair(listener: (info: XYCrosshair | null) => void): () => void
  /** The chart drawn to a canvas (PNG export). */
  screenshot(): HTMLCanvasElement
  dispose(): void
}

/** Linear interpolation of sorted points at x (null outside their range). */
export function valueAt(points: readonly XYPoint[], x: number): number | null {
  if (!points.length || x < points[0].x || x > points[points.length - 1].x) return null
  let lo = 0
  let hi = points.length - 1
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1
    if (points[mid].x <= x) lo = mid
    else hi = mid
  }
  const a = points[lo]
  const b = points[hi]
  return b.x === a.x ? a.y : a.y + ((b.y - a.y) * (x - a.x)) / (b.x - a.x)
}

/** Strictly increasing x (the library requires it): points sharing an x are averaged. */
function dedupe(points: readonly XYPoint[]): XYPoint[] {
  const out: XYPoint[] = []
  for (const p of points) {
    const last = out[out.length - 1]
    if (last && last.x === p.x) out[out.length - 1] = { ...last, y: (last.y + p.y) / 2, label: `${last.label ?? ''}/${p.label ?? ''}` }
    else out.push(p)
  }
  return out
}

interface Drawn {
  spec: XYSeries
  points: XYPoint[]
  series: ISeriesApi<'Line', number>
  markers: ISeriesMarkersPluginApi<number> | null
}

export function createXYChart(container: HTMLElement, theme: ChartTheme, options: { xLabel?: (x: number) => string } = {}): XYChart {
  const chart: IChartApiBase<number> = createOptionsChart(container, {
    ...themedLook(theme, CrosshairMode.Normal),
    rightPriceScale: { borderColor: theme.border, scaleMargins: { top: 0.12, bottom: 0.08 } },
    timeScale: { borderColor: theme.border, rightOffset: 1, fixLeftEdge: false },
    localization: { locale: 'en-US', ...(options.xLabel ? { timeFormatter: options.xLabel } : {}) },
  })
  const drawn = new Map<string, Drawn>()
  let lastX: number | null = null
  let grid: ISeriesApi<'Line', number> | null = null

  const valuesAt = (x: number | null): XYCrosshair => ({
    x,
    values: [...drawn.values()]
      .filter((d) => !d.spec.quiet)
      .map((d) => ({ id: d.spec.id, label: d.spec.label, color: d.spec.color, value: x === null ? null : valueAt(d.points, x) })),
  })
  const listeners = crosshairListeners<XYCrosshair>(() => valuesAt(lastX))
  chart.subscribeCrosshairMove((param: MouseEventParams<number>) => {
    lastX = param.time === undefined || !param.point ? null : (param.time as number)
    listeners.emit(valuesAt(lastX))
  })

  return {
    setSeries(series) {
      const keep = new Set(series.map((s) => s.id))
      for (const [id, d] of drawn) {
        if (keep.has(id)) continue
        d.markers?.detach()
        chart.removeSeries(d.series)
        drawn.delete(id)
      }
      for (const spec of series) {
        const points = dedupe(spec.points)
        let d = drawn.get(spec.id)
        const look = {
          color: spec.color,
          lineWidth: spec.width ?? 2,
          lineStyle: spec.dashed ? LineStyle.Dashed : LineStyle.Solid,
          priceLineVisible: false,
          lastValueVisible: false,
          crosshairMarkerVisible: !spec.quiet,
          pointMarkersVisible: spec.markers ?? false,
          pointMarkersRadius: 3,
          title: '',
        }
        if (!d) {
          d = { spec, points, series: chart.addSeries(LineSeries, look), markers: null }
          drawn.set(spec.id, d)
        } else if (
          d.spec.color !== spec.color ||
          d.spec.width !== spec.width ||
          d.spec.dashed !== spec.dashed ||
          d.spec.markers !== spec.markers
        ) {
          d.series.applyOptions(look)
        }
        d.spec = spec
        d.points = points
        d.series.setData(points.map((p) => ({ time: p.x, value: p.y })))
        const labelled = points.filter((p) => p.label || p.mark)
        const markers: SeriesMarker<number>[] = labelled.map((p) => ({
          time: p.x,
          position: 'aboveBar',
          shape: p.mark ? 'arrowDown' : 'circle',
          size: p.mark ? 1.2 : 0.1,
          color: p.mark ? theme.accent : withAlpha(spec.color, 0.9),
          text: p.label ?? '',
        }))
        if (markers.length && !d.markers) d.markers = createSeriesMarkers(d.series, markers)
        else d.markers?.setMarkers(markers)
      }
    },
    setDomain(min, max, step = 1) {
      grid ??= chart.addSeries(LineSeries, {
        visible: false,
        priceLineVisible: false,
        lastValueVisible: false,
        crosshairMarkerVisible: false,
      })
      const slots: { time: number }[] = []
      const n = Math.min(20_000, Math.floor((max - min) / step) + 1)
      for (let i = 0; i < n; i++) slots.push({ time: min + i * step })
      grid.setData(slots)
      // Room right of the last slot for its label (3 % of the axis).
      chart.timeScale().applyOptions({ rightOffset: Math.max(1, Math.round(n * 0.03)) })
    },
    fit() {
      chart.timeScale().fitContent()
    },
    onCrosshair: listeners.subscribe,
    screenshot: () => chart.takeScreenshot(),
    dispose() {
      listeners.clear()
      chart.remove()
    },
  }
}
