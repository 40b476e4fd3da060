import { useEffect, useRef, useState } from 'react'
import type { AlphaRun } from '../../../../electron/contract'
import type { CrosshairInfo, PriceChart, RangePreset } from '../../charts/candles'
import { usePriceChart } from '../../charts/usePriceChart'
import { ErrorBox } from '../../components/ErrorBox'
import { Spinner } from '../../components/StatePanel'
import { formatDate, formatNumber, formatSignedPercent } from '../../components/format'
import { closeInstrument, loadInstrument, loadSeries, setChartKey } from '../../stores/alphas/actions'
import { formatAlphaValue, okColumns } from '../../stores/alphas/selectors'
import { useAlphas } from '../../stores/alphas/state'

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
  const chart = usePriceChart(containerRef)
  const ok = okColumns(run)
  const column = run.alphas.find((a) => a.key === chartKey)
  const data = bars.data && bars.data.instrumentId === instrument.id ? bars.data : null
  const line = series.data && series.data.instrumentId === instrument.id && series.data.key === chartKey ? series.data : null

  useEffect(() => {
    if (!chart || (!data && bars.status === 'loading')) return
    chart.setBars(data, { watermark: data ? instrument.symbol : undefined, range })
    // The range applies to new bars; the buttons move it for the bars shown.
  }, [chart, data, bars.status, instrument.symbol])
  useEffect(() => {
    chart?.setLowerPane(
      line && column
        ? { label: column.name, time: line.time, values: line.values, color: '#f5b942', precision: 4, marker: markerTime === null ? null : { time: markerTime } }
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
        <div className="btn-group" role="group" aria-label="Visible range">
          {(['6M', '1Y', 'All'] as RangePreset[]).map((p) => (
            <button
              key={p}
              className={range === p ? 'active' : ''}
              onClick={() => {
                setRange(p)
                chart?.setRange(p)
              }}
              disabled={!data}
              data-testid={`instrument-range-${p}`}
            >
              {p}
            </button>
          ))}
        </div>
        {series.status === 'loading' && <Spinner size={10} />}
        {series.status === 'error' && series.error && (
          <span className="error-text chart-inline-error" title={series.error.message}>
            alpha series: {series.error.message} <code>{series.error.code}</code>{' '}
            <button className="link-button" onClick={() => void loadSeries()}>
              retry
            </button>
          </span>
        )}
        <button className="close-chart" onClick={closeInstrument} title="Close the chart" aria-label="Close the chart" data-testid="instrument-chart-close">
          ×
        </button>
      </div>
      <div className="chart-wrap">
        <div ref={containerRef} className="chart-container" data-testid="instrument-price-chart" data-state={bars.status} data-alpha={line ? 'ready' : series.status} />
        {chart && data && <Legend chart={chart} />}
        {bars.status === 'loading' && (
          <div className="chart-overlay-state">
            <span className="chart-loading-chip">
              <Spinner /> Loading bars for {instrument.symbol}…
            </span>
          </div>
        )}
        {bars.status === 'error' && bars.error && (
          <div className="chart-overlay-state">
            <ErrorBox error={bars.error} title={`Could not load bars for ${instrument.symbol}`} onRetry={() => void loadInstrument()} />
          </div>
        )}
        {bars.status === 'ready' && !data?.time.length && <div className="chart-overlay-state muted">No bars for {instrument.symbol} in the run's dates.</div>}
      </div>
    </div>
  )
}

function Legend({ chart }: { chart: PriceChart }) {
  const [info, setInfo] = useState<CrosshairInfo | null>(null)
  useEffect(() => chart.onCrosshair(setInfo), [chart])
  if (!info) return null
  const { bar, prevClose } = info
  const change = bar.close !== null && prevClose ? bar.close / prevClose - 1 : null
  const dir = change === null ? '' : change >= 0 ? 'up' : 'down'
  const f = (v: number | null) => formatNumber(v, 2)
  return (
    <div className="chart-legend num" data-testid="instrument-legend">
      <div className="legend-row">
        <span className="legend-time">{formatDate(bar.time)}</span>
        <span>
          <b>O</b> <span className={dir}>{f(bar.open)}</span>
        </span>
        <span>
          <b>H</b> <span className={dir}>{f(bar.high)}</span>
        </span>
        <span>
          <b>L</b> <span className={dir}>{f(bar.low)}</span>
        </span>
        <span>
          <b>C</b> <span className={dir}>{f(bar.close)}</span>
        </span>
        <span className={dir}>{formatSignedPercent(change, 2)}</span>
        {info.lower && (
          <span data-testid="instrument-legend-alpha">
            <b style={{ color: info.lower.color }}>{info.lower.label}</b> {formatAlphaValue(info.lower.value)}
          </span>
        )}
      </div>
    </div>
  )
}
