import { useEffect, useRef } from 'react'
import { formatDate } from '../components/format'
import { createSeriesChart, formatSeriesValue, type SeriesCrosshair, type SeriesSpec } from './series'
import { useChart, useCrosshair } from './useChart'
import './series-chart.css'

interface Props {
  series: readonly SeriesSpec[]
  paneStretch?: number[]
  /** Hide series from the legend (e.g. a zero line). */
  legendExclude?: string[]
  testId?: string
  className?: string
}

/** One analysis chart: series from `createSeriesChart`, a legend with the hovered (or last) values. */
export function SeriesChart({ series, paneStretch, legendExclude, testId, className }: Props) {
  const ref = useRef<HTMLDivElement>(null)
  const chart = useChart(ref, createSeriesChart)
  const info = useCrosshair<SeriesCrosshair>(chart)

  // biome-ignore lint/correctness/useExhaustiveDependencies: paneStretch is a literal in callers: the series identity decides redraws.
  useEffect(() => {
    chart?.setSeries(series, { paneStretch })
  }, [chart, series])

  const shown = info?.values.filter((v) => !legendExclude?.includes(v.id)) ?? []
  return (
    <div className={`series-chart ${className ?? ''}`} data-testid={testId} data-series={series.length}>
      <div ref={ref} className="series-chart-canvas" onDoubleClick={() => chart?.fit()} />
      {info && shown.length > 0 && (
        <div className="series-legend num" data-hovering={info.hovering ? 'true' : 'false'}>
          <span className="series-legend-time">{formatDate(info.time)}</span>
          {shown.map((v) => (
            <span key={v.id}>
              <b style={{ color: v.color }}>{v.label}</b> {formatSeriesValue(v.value, v.format, v.precision)}
            </span>
          ))}
        </div>
      )}
    </div>
  )
}
