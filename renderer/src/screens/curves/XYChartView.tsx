import { useEffect, useRef } from 'react'
import { useChart } from '../../charts/useChart'
import { createXYChart, type XYSeries } from '../../charts/xy'

/** A small numeric-x chart (e.g. PCA loadings against maturity). */
export function XYChartView({
  series,
  domain,
  testId,
  className,
}: {
  series: readonly XYSeries[]
  domain?: [number, number]
  testId?: string
  className?: string
}) {
  const ref = useRef<HTMLDivElement>(null)
  const chart = useChart(ref, createXYChart)
  useEffect(() => {
    if (domain) chart?.setDomain(domain[0], domain[1])
    chart?.setSeries(series)
    chart?.fit()
  }, [chart, series, domain])
  return <div ref={ref} className={className} data-testid={testId} />
}
