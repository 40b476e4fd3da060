import { useEffect, useState, type RefObject } from 'react'
import { readChartTheme, type ChartTheme } from './theme'

/**
 * One chart made by `create` (createPriceChart, createSeriesChart) bound to a container element
 * for the component's lifetime. Returns the chart once created (null before the first effect),
 * so effects that feed it can depend on it.
 */
export function useChart<C extends { dispose(): void }>(
  container: RefObject<HTMLElement | null>,
  create: (container: HTMLElement, theme: ChartTheme) => C,
): C | null {
  const [chart, setChart] = useState<C | null>(null)
  // biome-ignore lint/correctness/useExhaustiveDependencies: `create` is a module-level factory: the container alone decides when to rebuild.
  useEffect(() => {
    const el = container.current
    if (!el) return
    const created = create(el, readChartTheme())
    setChart(created)
    return () => {
      setChart(null)
      created.dispose()
    }
  }, [container])
  return chart
}

/** What the crosshair points at (or the resting value when the pointer is away), as state. */
export function useCrosshair<T>(chart: { onCrosshair(listener: (info: T | null) => void): () => void } | null): T | null {
  const [info, setInfo] = useState<T | null>(null)
  useEffect(() => chart?.onCrosshair(setInfo), [chart])
  return info
}
