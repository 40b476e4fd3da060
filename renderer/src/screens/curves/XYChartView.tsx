import { useEffect, useRef } from 'react'
import { useChart } from '../../charts/useChart'
import { createXYChart, type XYSeries } from '../../charts/xy'

/** A small numeric-x chart (e.g. PCA loadings against maturity). */
export function XYChartView({ series, testId, className }: { series: readonly XYSeries[]; testId?: string; className?: string }) {
  const ref = useRef<HTMLDivElement>(null)
  const chart = useChart(ref, createXYChart)
  useEffect(() => {
    chart?.setSeries(series)
    chart?.fit()
  }, [chart, series])
  return <div ref={ref} className={className} data-testid={testId} />
}
