import { useEffect, useState, type RefObject } from 'react'
import { createPriceChart, type PriceChart } from './candles'
import { readChartTheme } from './theme'

/**
 * One price chart bound to a container element for the component's lifetime. Returns the chart
 * once created (null before the first effect), so effects that feed it can depend on it.
 */
export function usePriceChart(container: RefObject<HTMLElement | null>): PriceChart | null {
  const [chart, setChart] = useState<PriceChart | null>(null)
  useEffect(() => {
    const el = container.current
    if (!el) return
    const created = createPriceChart(el, readChartTheme())
    setChart(created)
    return () => {
      setChart(null)
      created.dispose()
    }
  }, [container])
  return chart
}
