import { formatNumber } from '../../components/format'
import { openCompare, openRun, removeRun } from '../../stores/backtests/actions'
import { useBacktests } from '../../stores/backtests/state'

/** Stored runs, newest first: open one, pick a second one to compare, delete. */
export function RunList() {
  const runs = useBacktests((s) => s.runs)
  const current = useBacktests((s) => s.run.data?.runId)
  const compare = useBacktests((s) => s.compareId)
  const list = runs.data ?? []
  return (
    <div className="bt-section bt-runs" data-testid="bt-runs">
      <div className="section-title">
        Stored runs <span className="section-count">{list.length}</span>
      </div>
      {list.length === 0 && <div className="muted small">No runs yet: launch one above.</div>}
      <ul>
        {list.map((r) => (
          <li key={r.runId} className={r.runId === current ? 'active' : ''} data-testid="bt-run-item">
            <button type="button" className="bt-run-open" onClick={() => void openRun(r.runId)} title={r.name}>
              <span className="bt-run-name">{r.name}</span>
              <span className="muted num small">
                #{r.runId} · {r.sets.toLocaleString('en-US')} sets{r.best ? ` · best ${formatNumber(r.best.netPnl)}` : ''}
              </span>
            </button>
            <label className="bt-compare-toggle" title="Show beside the open run">
              <input
                type="checkbox"
                checked={compare === r.runId}
                disabled={r.runId === current}
                onChange={(e) => void openCompare(e.target.checked ? r.runId : null)}
                data-testid="bt-compare-toggle"
              />
              compare
            </label>
            <button type="button" className="link-button" onClick={() => void removeRun(r.runId)} title="Delete this run">
              ×
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}
