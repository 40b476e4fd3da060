import { useEffect, useRef, useState } from 'react'
import type { AlphaRun } from '../../../../electron/contract'
import { createPriceChart, type RangePreset } from '../../charts/candles'
import { ChartLoadState } from '../../charts/ChartLoadState'
import { OhlcLegend } from '../../charts/OhlcLegend'
import { RangeButtons } from '../../charts/RangeButtons'
import { useChart } from '../../charts/useChart'
import { formatSignificant } from '../../components/format'
import { Spinner } from '../../components/StatePanel'
import { closeInstrument, loadInstrument, loadSeries, setChartKey } from '../../stores/alphas/actions'
import { okColumns } from '../../stores/alphas/selectors'
import { useAlphas } from '../../stores/alphas/state'

const INSTRUMENT_RANGES: RangePreset[] = ['6M', '1Y', 'All']

/** The clicked instrument: candles over the run's dates (volume beneath) and the chosen alpha in a pane below. */
export function InstrumentChart({ run }: { run: AlphaRun }) {
  const instrument = useAlphas((s) => s.instrument)!
  const bars = useAlphas((s) => s.bars)
  const series = useAlphas((s) => s.series)
  const chartKey = useAlphas((s) => s.chartKey)
  // The cross-section's date, marked on the alpha line.
  const markerTime = useAlphas((s) => run.dates[s.dateIndex] ?? null)
  const [range, setRange] = useState<RangePreset>('1Y')
  const containerRef = useRef<HTMLDivElement>(null)
  const chart = useChart(containerRef, createPriceChart)
  const ok = okColumns(run)
  const column = run.alphas.find((a) => a.key === chartKey)
  const data = bars.data && bars.data.instrumentId === instrument.id ? bars.data : null
  const line = series.data && series.data.instrumentId === instrument.id && series.data.key === chartKey ? series.data : null

  // biome-ignore lint/correctness/useExhaustiveDependencies: the range applies to new bars; the buttons move it for the bars shown.
  useEffect(() => {
    if (!chart || (!data && bars.status === 'loading')) return
    chart.setBars(data, { watermark: data ? instrument.symbol : undefined, range })
    // The drill-down opens at the cross-section's date (marked on the alpha pane), not at the end.
    const at = useAlphas.getState().run.data?.dates[useAlphas.getState().dateIndex]
    if (data && at !== undefined) chart.showAround(at)
  }, [chart, data, bars.status, instrument.symbol])
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again after each new bars (the effect above): the alpha line is drawn only over its own bars.
  useEffect(() => {
    chart?.setLowerPane(
      line && column
        ? {
            label: column.name,
            time: line.time,
            values: line.values,
            color: '#f5b942',
            precision: 4,
            marker: markerTime === null ? null : { time: markerTime },
          }
        : null,
    )
  }, [chart, line, column, data, markerTime])

  return (
    <div className="instrument-chart" data-testid="instrument-chart" data-symbol={instrument.symbol}>
      <div className="instrument-chart-head">
        <b className="num">{instrument.symbol}</b>
        <span className="muted">{instrument.sector ?? ''}</span>
        <span className="toolbar-sep" />
        <label className="muted" htmlFor="chart-alpha">
          Alpha beneath
        </label>
        <select id="chart-alpha" value={chartKey ?? ''} onChange={(e) => setChartKey(e.target.value)} data-testid="chart-alpha">
          {ok.map((a) => (
            <option key={a.key} value={a.key}>
              {a.name}
            </option>
          ))}
        </select>
        <RangeButtons
          presets={INSTRUMENT_RANGES}
          active={range}
          onPick={(p) => {
            setRange(p)
            chart?.setRange(p)
          }}
          disabled={!data}
          testIdPrefix="instrument-range-"
        />
        {series.status === 'loading' && <Spinner size={10} />}
        {series.status === 'error' && series.error && (
          <span className="error-text chart-inline-error" title={series.error.message}>
            alpha series: {series.error.message} <code>{series.error.code}</code>{' '}
            <button className="link-button" onClick={() => void loadSeries()}>
              retry
            </button>
          </span>
        )}
        <button
          className="close-chart"
          onClick={closeInstrument}
          title="Close the chart"
          aria-label="Close the chart"
          data-testid="instrument-chart-close"
        >
          ×
        </button>
      </div>
      <div className="chart-wrap">
        <div
          ref={containerRef}
          className="chart-container"
          data-testid="instrument-price-chart"
          data-state={bars.status}
          data-alpha={line ? 'ready' : series.status}
        />
        {chart && data && (
          <OhlcLegend
            chart={chart}
            testId="instrument-legend"
            digits={2}
            extra={(info) =>
              info.lower && (
                <span data-testid="instrument-legend-alpha">
                  <b style={{ color: info.lower.color }}>{info.lower.label}</b> {formatSignificant(info.lower.value)}
                </span>
              )
            }
          />
        )}
        <ChartLoadState
          status={bars.status}
          error={bars.error}
          empty={!data?.time.length}
          symbol={instrument.symbol}
          onRetry={() => void loadInstrument()}
          emptyText={`No bars for ${instrument.symbol} in the run's dates.`}
        />
      </div>
    </div>
  )
}
