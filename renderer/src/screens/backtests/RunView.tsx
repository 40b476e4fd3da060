import { setMetrics } from '../../../../electron/contract'
import { ErrorBox } from '../../components/ErrorBox'
import { formatDateTime } from '../../components/format'
import { StatePanel } from '../../components/StatePanel'
import { openCompare, selectCell, setMetric } from '../../stores/backtests/actions'
import { metricLabels } from '../../stores/backtests/selectors'
import { useBacktests } from '../../stores/backtests/state'
import { CompareView } from './CompareView'
import { SetPanel } from './SetPanel'
import { SweepHeatmap } from './SweepHeatmap'

/** The open run: what was run, the SL×TP heatmap by a chosen metric, and the selected set (or a comparison with a second run). */
export function RunView() {
  const run = useBacktests((s) => s.run)
  const compare = useBacktests((s) => s.compare)
  const metric = useBacktests((s) => s.metric)
  const cell = useBacktests((s) => s.cell)
  if (run.status === 'error' && run.error) return <ErrorBox error={run.error} title="Opening the run failed" />
  const r = run.data
  if (!r) {
    return (
      <StatePanel kind={run.status === 'loading' ? 'loading' : 'empty'} testId="bt-empty">
        {run.status === 'loading'
          ? 'Opening the run…'
          : 'Choose an instrument and signals on the left and launch a sweep, or open a stored run.'}
      </StatePanel>
    )
  }
  const sig = r.signals
  return (
    <div className="bt-run" data-testid="bt-run" data-run-id={r.runId}>
      <div className="bt-run-head">
        <div>
          <div className="bt-run-title">
            #{r.runId} {r.name}
          </div>
          <div className="muted small num">
            {r.instrument.symbol} · {r.bars.count.toLocaleString('en-US')} bars {formatDateTime(r.bars.from)} – {formatDateTime(r.bars.to)}
            {r.bars.dropped > 0 ? ` (${r.bars.dropped} without a close skipped)` : ''} · {sig.total} signals ({sig.long} long, {sig.short}{' '}
            short)
            {sig.lastBar > 0 ? ` · ${sig.lastBar} on the last bar (cannot enter)` : ''}
            {sig.atrWarmup > 0 ? ` · ${sig.atrWarmup} before ATR(${r.spec.atrPeriod}) exists` : ''} · {r.sets.toLocaleString('en-US')} sets
            in {(r.computeMs / 1000).toFixed(2)} s
          </div>
        </div>
        <label className="bt-metric">
          <span className="muted small">Colour by</span>
          <select value={metric} onChange={(e) => setMetric(e.target.value as typeof metric)} data-testid="bt-metric">
            {setMetrics.map((m) => (
              <option key={m} value={m}>
                {metricLabels[m]}
              </option>
            ))}
          </select>
        </label>
        {compare.data && (
          <button type="button" className="small" onClick={() => void openCompare(null)} data-testid="bt-compare-close">
            Close comparison
          </button>
        )}
      </div>
      {compare.data ? (
        <CompareView a={r} b={compare.data} metric={metric} />
      ) : (
        <div className="bt-run-body">
          <div className="bt-heatmap-panel">
            <SweepHeatmap run={r} metric={metric} selected={cell} onSelect={(k, m) => void selectCell(k, m)} testId="bt-heatmap" />
          </div>
          <SetPanel run={r} />
        </div>
      )}
    </div>
  )
}
