/**
 * What the chart adapters (candles.ts, series.ts) share: a lightweight-charts instance dressed in
 * the app's theme, and the crosshair listener list. Each adapter passes only what differs.
 */
import {
  ColorType,
  LineStyle,
  createChart,
  type ChartOptions,
  type CrosshairMode,
  type DeepPartial,
  type HandleScaleOptions,
  type IChartApi,
  type ISeriesApi,
  type SeriesType,
  type Time,
  type UTCTimestamp,
} from 'lightweight-charts'
import { withAlpha, type ChartTheme } from './theme'

export type AnySeries = ISeriesApi<SeriesType, Time>

/** Our times are unix seconds already; the library only wants them branded. */
export const asTime = (t: number) => t as UTCTimestamp

/** Points from bars.ts with their times branded, ready for `setData`. */
export const withChartTimes = <P extends { time: number }>(points: readonly P[]) => points.map((p) => ({ ...p, time: asTime(p.time) }))

/** The settings in which the adapters' charts differ. */
export interface ChartFeel {
  crosshairMode: CrosshairMode
  /** Room above and below the series on the price scale, as fractions of the pane. */
  priceMargins: { top: number; bottom: number }
  /** Empty bar slots kept right of the last bar. */
  rightOffset: number
  minBarSpacing: number
  handleScale?: DeepPartial<HandleScaleOptions>
}

/**
 * The app's look for any lightweight-charts chart (time or numeric horizontal axis): colours,
 * fonts, grid, crosshair. The library's logo sat over the plotted data (the bottom-left of every
 * pane); the attribution is in the status bar instead, as the library's licence allows.
 */
export function themedLook(theme: ChartTheme, crosshairMode: CrosshairMode) {
  return {
    autoSize: true,
    layout: {
      background: { type: ColorType.Solid, color: theme.background },
      textColor: theme.muted,
      fontFamily: theme.fontFamily,
      fontSize: 11,
      panes: { separatorColor: theme.border, separatorHoverColor: withAlpha(theme.accent, 0.25), enableResize: true },
      attributionLogo: false,
    },
    grid: {
      vertLines: { color: withAlpha(theme.border, 0.45) },
      horzLines: { color: withAlpha(theme.border, 0.45) },
    },
    crosshair: {
      mode: crosshairMode,
      vertLine: { color: theme.muted, style: LineStyle.Dashed, labelBackgroundColor: theme.border },
      horzLine: { color: theme.muted, style: LineStyle.Dashed, labelBackgroundColor: theme.border },
    },
  } satisfies DeepPartial<ChartOptions>
}

/** A chart filling `container` (it follows the container's size) in the app's colours and fonts. */
export function createThemedChart(container: HTMLElement, theme: ChartTheme, feel: ChartFeel): IChartApi {
  return createChart(container, {
    ...themedLook(theme, feel.crosshairMode),
    rightPriceScale: { borderColor: theme.border, scaleMargins: feel.priceMargins },
    timeScale: {
      borderColor: theme.border,
      rightOffset: feel.rightOffset,
      minBarSpacing: feel.minBarSpacing,
      timeVisible: false,
      secondsVisible: false,
    },
    localization: { locale: 'en-US' },
    // Only when asked: otherwise the library's defaults stand.
    ...(feel.handleScale ? { handleScale: feel.handleScale } : {}),
  })
}

/**
 * Who listens to the crosshair. A new listener gets `current()` at once, so a legend has
 * something to show before the pointer first moves.
 */
export function crosshairListeners<T>(current: () => T | null) {
  const listeners = new Set<(info: T | null) => void>()
  return {
    emit(info: T | null) {
      listeners.forEach((l) => l(info))
    },
    subscribe(listener: (info: T | null) => void): () => void {
      listeners.add(listener)
      listener(current())
      return () => listeners.delete(listener)
    },
    clear() {
      listeners.clear()
    },
  }
}
