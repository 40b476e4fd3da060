import { useEffect, useMemo, useRef, useState } from 'react'
import { indicatorKinds, type Dataset, type IndicatorKind, type Instrument } from '../../../../electron/contract'
import { isIntraday } from '../../charts/bars'
import { createPriceChart, rangePresetsFor, type RangePreset } from '../../charts/candles'
import { ChartLoadState } from '../../charts/ChartLoadState'
import { OhlcLegend } from '../../charts/OhlcLegend'
import { RangeButtons } from '../../charts/RangeButtons'
import { useChart } from '../../charts/useChart'
import { Spinner } from '../../components/StatePanel'
import { formatMs } from '../../components/format'
import { computeOverlay, reloadDetail, setOverlayConfig, setRangePreference, setVisibleRange } from '../../stores/market/actions'
import { useMarket } from '../../stores/market/state'

const kindLabels: Record<IndicatorKind, string> = { sma: 'SMA', ema: 'EMA', bollinger: 'Bollinger (2σ)' }

export function ChartPanel({ dataset, instrument }: { dataset: Dataset; instrument: Instrument }) {
  const containerRef = useRef<HTMLDivElement>(null)
  const chart = useChart(containerRef, createPriceChart)
  const bars = useMarket((s) => s.bars)
  const overlay = useMarket((s) => s.overlay)
  const data = bars.data && bars.data.instrumentId === instrument.id ? bars.data : null
  const intraday = useMemo(() => (data ? isIntraday(data.time) : dataset.kind === 'intraday'), [data, dataset.kind])
  const presets = rangePresetsFor(intraday)
  // The last preset the user picked carries over to the next instrument (when it fits its spacing).
  const preferred = useMarket((s) => s.rangePreference)
  const initialRange: RangePreset = presets.includes(preferred) ? preferred : intraday ? 'All' : '1Y'
  const [activeRange, setActiveRange] = useState<RangePreset | null>(initialRange)

  // Bars first, then the overlay: the chart draws an overlay only over the bars it belongs to.
  // While the next instrument loads, the previous bars stay drawn (dimmed) instead of a blank chart.
  const keepPrevious = !data && bars.status === 'loading'
  // biome-ignore lint/correctness/useExhaustiveDependencies: the range and watermark apply when new bars arrive, not on every preference change.
  useEffect(() => {
    if (!chart || keepPrevious) return
    chart.setBars(data, { watermark: data ? instrument.symbol : undefined, range: initialRange })
    setActiveRange(initialRange)
  }, [chart, data, keepPrevious])
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again after each new bars (the effect above): an overlay is drawn only over its own bars.
  useEffect(() => {
    chart?.setOverlay(overlay.data)
  }, [chart, overlay.data, data])
  // The statistics follow the visible range as well as the whole history.
  useEffect(() => {
    if (!chart || !data) return
    return chart.onVisibleRange((from, to) => setVisibleRange(instrument.id, from, to))
  }, [chart, data, instrument.id])

  const applyRange = (preset: RangePreset) => {
    chart?.setRange(preset)
    setActiveRange(preset)
    setRangePreference(preset)
  }

  return (
    <div className="chart-panel">
      <div className="chart-toolbar">
        <RangeButtons presets={presets} active={activeRange} onPick={applyRange} disabled={!data} testIdPrefix="range-" />
        <button
          onClick={() => {
            chart?.fit()
            setActiveRange('All')
            setRangePreference('All')
          }}
          disabled={!data}
          data-testid="chart-fit"
          title="Fit all bars (double-click the time axis also resets)"
        >
          Fit
        </button>
        <span className="toolbar-sep" />
        <OverlayControls />
      </div>
      <div className="chart-wrap">
        <div
          ref={containerRef}
          className="chart-container"
          data-testid="price-chart"
          data-state={bars.status}
          data-style={chart && data ? chart.style : undefined}
          onWheel={() => setActiveRange(null)}
          onPointerDown={() => setActiveRange(null)}
        />
        {chart && data && bars.status === 'ready' && (
          <OhlcLegend chart={chart} testId="chart-legend" intraday={intraday} lineLabel="Settle" volume />
        )}
        <ChartLoadState
          status={bars.status}
          error={bars.error}
          empty={!data?.time.length}
          symbol={instrument.symbol}
          onRetry={reloadDetail}
          emptyText={`No bars for ${instrument.symbol}.`}
          loadingTestId="chart-loading"
          emptyTestId="chart-empty"
        />
      </div>
    </div>
  )
}

function OverlayControls() {
  const config = useMarket((s) => s.overlayConfig)
  const overlay = useMarket((s) => s.overlay)
  const [windowText, setWindowText] = useState(String(config.window))
  useEffect(() => setWindowText(String(config.window)), [config.window])

  // Apply a typed window once typing pauses (or at once on Enter / blur).
  useEffect(() => {
    const n = Number(windowText)
    if (windowText === String(config.window)) return
    const t = setTimeout(() => {
      if (Number.isInteger(n) && n >= 2 && n <= 1000) setOverlayConfig({ window: n })
    }, 450)
    return () => clearTimeout(t)
  }, [windowText, config.window])

  const n = Number(windowText)
  const invalid = !(Number.isInteger(n) && n >= 2 && n <= 1000)
  const commit = () => {
    if (!invalid && n !== config.window) setOverlayConfig({ window: n })
  }

  return (
    <div className="overlay-controls">
      <label className="muted" htmlFor="overlay-kind">
        Overlay
      </label>
      <select
        id="overlay-kind"
        value={config.kind ?? ''}
        onChange={(e) => setOverlayConfig({ kind: (e.target.value || null) as IndicatorKind | null })}
        data-testid="overlay-kind"
      >
        <option value="">None</option>
        {indicatorKinds.map((k) => (
          <option key={k} value={k}>
            {kindLabels[k]}
          </option>
        ))}
      </select>
      {config.kind && (
        <>
          <label className="muted" htmlFor="overlay-window">
            Window
          </label>
          <input
            id="overlay-window"
            className={`num window-input${invalid ? ' invalid' : ''}`}
            type="number"
            min={2}
            max={1000}
            step={1}
            value={windowText}
            onChange={(e) => setWindowText(e.target.value)}
            onBlur={commit}
            onKeyDown={(e) => e.key === 'Enter' && commit()}
            title="Bars in the window, 2–1000"
            data-testid="overlay-window"
          />
        </>
      )}
      <span className="overlay-status" data-testid="overlay-status" data-state={overlay.status}>
        {invalid && config.kind ? (
          <span className="error-text">window must be a whole number 2–1000</span>
        ) : overlay.status === 'loading' ? (
          <span className="muted">
            <Spinner size={10} /> computing…
          </span>
        ) : overlay.status === 'ready' && overlay.data ? (
          <span className="muted" title="Time the native engine spent computing this overlay in a worker process">
            engine {formatMs(overlay.data.computeMs)}
          </span>
        ) : overlay.status === 'error' && overlay.error ? (
          <span className="error-text" title={overlay.error.message}>
            {overlay.error.message} <code>{overlay.error.code}</code>{' '}
            <button className="link-button" onClick={() => void computeOverlay()}>
              retry
            </button>
          </span>
        ) : null}
      </span>
    </div>
  )
}
