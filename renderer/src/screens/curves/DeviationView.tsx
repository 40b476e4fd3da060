import { useMemo, useRef } from 'react'
import { BarChart } from '../../components/BarChart'
import { SeriesChart } from '../../charts/SeriesChart'
import type { SeriesSpec } from '../../charts/series'
import { formatNumber } from '../../components/format'
import { setDateIndex, setDevMode, toggleDevTenor } from '../../stores/curves/actions'
import { column, overlayColors } from '../../stores/curves/selectors'
import { useCurves } from '../../stores/curves/state'
import { DeviationHeatmap } from './DeviationHeatmap'
import { ExportButtons } from './ExportButtons'
import { ViewState } from './ViewState'

/** Each contract minus the front contract: on the chosen date, as series per tenor, and as a date × tenor heatmap. */
export function DeviationView() {
  const box = useRef<HTMLDivElement>(null)
  const dev = useCurves((s) => s.deviation)
  const panel = useCurves((s) => s.panel.data)
  const d = useCurves((s) => s.dateIndex)
  const mode = useCurves((s) => s.devMode)
  const tenors = useCurves((s) => s.devTenors)
  const data = dev.data
  const values = data ? (mode === 'abs' ? data.abs : data.pct) : null
  const unit = mode === 'abs' ? '' : '%'

  const series = useMemo<SeriesSpec[]>(() => {
    if (!data || !values || !panel) return []
    return tenors
      .filter((t) => t <= data.tenors)
      .map((t, i) => ({
        id: `m${t}`,
        label: `M${t}−M1${unit}`,
        kind: 'line' as const,
        color: overlayColors[i % overlayColors.length],
        time: panel.dates,
        values: column(values, data.tenors, t - 1),
        precision: 2,
        baseline: i === 0 ? 0 : undefined,
      }))
  }, [data, values, tenors, panel, unit])

  if (!data || !values || !panel) return <ViewState loadable={dev} what="deviations" />
  // Many tenors: the chart names every few, as many as fit (the tooltip names each one).
  const bars = Array.from({ length: data.tenors }, (_, j) => ({
    label: `M${j + 1}`,
    value: values[d * data.tenors + j],
    detail: `M${j + 1}`,
  }))
  return (
    <div className="curves-view" ref={box} data-testid="deviation-view">
      <div className="curves-view-head">
        <span className="curves-seg">
          <button type="button" aria-pressed={mode === 'abs'} onClick={() => setDevMode('abs')} data-testid="dev-abs">
            price
          </button>
          <button type="button" aria-pressed={mode === 'pct'} onClick={() => setDevMode('pct')} data-testid="dev-pct">
            %
          </button>
        </span>
        <span className="muted">tenors:</span>
        {Array.from({ length: Math.min(data.tenors, 12) }, (_, j) => j + 1)
          .slice(1)
          .map((t) => (
            <label key={t} className="curves-check">
              <input type="checkbox" checked={tenors.includes(t)} onChange={() => toggleDevTenor(t)} />M{t}
            </label>
          ))}
        <ExportButtons what="deviation" target={box} name={`${panel.root}-deviation`} />
      </div>
      <div className="dev-grid">
        <div className="dev-bars">
          <BarChart
            bars={bars}
            format={(v) => formatNumber(v)}
            valueFormat={bars.length > 12 ? () => '' : undefined}
            title={`Deviation from the front on this date${unit ? ' (%)' : ''}`}
            height={170}
            testId="deviation-bars"
          />
        </div>
        <SeriesChart series={series} testId="deviation-series" className="dev-series" />
      </div>
      <DeviationHeatmap dates={panel.dates} tenors={data.tenors} values={values} current={d} unit={unit} onPick={setDateIndex} />
    </div>
  )
}
