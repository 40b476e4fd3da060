import { ErrorBox } from '../../components/ErrorBox'
import { formatDuration } from '../../components/format'
import { Spinner } from '../../components/StatePanel'
import { useNow } from '../../components/useNow'
import { cancelQueued, dismissQueued, openRun } from '../../stores/backtests/actions'
import { jobFraction } from '../../stores/backtests/selectors'
import { useBacktests } from '../../stores/backtests/state'

/** Launched backtests: queued and running ones with progress, ETA and Cancel; finished ones link to their run. */
export function RunQueue() {
  const queue = useBacktests((s) => s.queue)
  const running = queue.some((q) => q.status === 'running')
  const now = useNow(running, 500)
  if (!queue.length) return null
  return (
    <div className="bt-section" data-testid="bt-queue">
      <div className="section-title">Launched</div>
      {queue.map((q) => {
        const f = jobFraction(q)
        const queued = q.status === 'running' && (!q.info || q.info.state === 'queued')
        return (
          <div key={q.jobId} className={`bt-queue-item ${q.status}`} data-testid="bt-queue-item" data-status={q.status}>
            <div className="bt-queue-head">
              {q.status === 'running' && <Spinner />}
              <span className="bt-queue-label">{q.label}</span>
              {q.status === 'running' ? (
                <button type="button" className="job-cancel" onClick={() => cancelQueued(q.jobId)} data-testid="bt-cancel">
                  Cancel
                </button>
              ) : (
                <>
                  {q.runId !== null && (
                    <button type="button" className="link-button" onClick={() => void openRun(q.runId as number)}>
                      open
                    </button>
                  )}
                  <button type="button" className="link-button" onClick={() => dismissQueued(q.jobId)} title="Remove from this list">
                    ×
                  </button>
                </>
              )}
            </div>
            {q.status === 'running' && (
              <>
                <div className="progress">
                  <div style={{ width: `${(f ?? 0) * 100}%` }} className={f === null ? 'indeterminate' : ''} />
                </div>
                <div className="job-progress-numbers num muted">
                  <span>{queued ? 'waiting for a worker…' : f === null ? 'preparing bars and signals…' : `${(f * 100).toFixed(0)}%`}</span>
                  <span>elapsed {formatDuration(now - q.startedAt)}</span>
                  <span data-testid="bt-eta">ETA {formatDuration(q.info?.etaMs)}</span>
                </div>
              </>
            )}
            {q.status === 'done' && <div className="muted small">done in {formatDuration((q.info?.finishedAt ?? now) - q.startedAt)}</div>}
            {q.error && (
              <ErrorBox
                error={q.error}
                compact
                title={q.status === 'cancelled' ? 'Cancelled' : 'The backtest failed'}
                tone={q.status === 'cancelled' ? 'warn' : 'error'}
              />
            )}
          </div>
        )
      })}
    </div>
  )
}
