import type { ReactNode } from 'react'
import { formatCompact, formatDate, formatDateTime, formatNumber, formatSignedPercent } from '../components/format'
import type { CrosshairInfo, PriceChart } from './candles'
import { useCrosshair } from './useChart'
import './price-chart.css'

interface Props {
  chart: PriceChart
  testId: string
  /** Bar times with the clock (intraday data). */
  intraday?: boolean
  /** Fixed decimals for prices; by default 3 under 10, else 2. */
  digits?: number
  /** When the chart draws a close line instead of candles, show only the close, under this name. */
  lineLabel?: string
  /** Show the bar's volume (when it has one). */
  volume?: boolean
  /** More values at the end of the first row (e.g. the lower pane's). */
  extra?: (info: CrosshairInfo) => ReactNode
}

/** O/H/L/C, change and the overlay values of the hovered bar (the last bar when the pointer is away). */
export function OhlcLegend({ chart, testId, intraday = false, digits, lineLabel, volume = false, extra }: Props) {
  const info = useCrosshair<CrosshairInfo>(chart)
  if (!info) return null
  const { bar, prevClose } = info
  const change = bar.close !== null && prevClose ? bar.close / prevClose - 1 : null
  const dir = change === null ? '' : change >= 0 ? 'up' : 'down'
  const f = (v: number | null) => formatNumber(v, digits ?? (Math.abs(bar.close ?? 0) < 10 ? 3 : 2))
  const price = (label: string, v: number | null) => (
    <span>
      <b>{label}</b> <span className={dir}>{f(v)}</span>
    </span>
  )
  return (
    <div className="chart-legend num" data-testid={testId} data-hovering={info.hovering ? 'true' : 'false'}>
      <div className="legend-row">
        <span className="legend-time">{intraday ? formatDateTime(bar.time) : formatDate(bar.time)}</span>
        {lineLabel !== undefined && chart.style === 'line' ? (
          price(lineLabel, bar.close)
        ) : (
          <>
            {price('O', bar.open)}
            {price('H', bar.high)}
            {price('L', bar.low)}
            {price('C', bar.close)}
          </>
        )}
        <span className={dir}>{formatSignedPercent(change, 2)}</span>
        {volume && bar.volume !== null && bar.volume > 0 && (
          <span>
            <b>V</b> {formatCompact(bar.volume)}
          </span>
        )}
        {extra?.(info)}
      </div>
      {info.overlay.length > 0 && (
        <div className="legend-row">
          {info.overlay.map((o) => (
            <span key={o.key}>
              <b style={{ color: o.color }}>{o.label}</b> {f(o.value)}
            </span>
          ))}
        </div>
      )}
    </div>
  )
}
