import { useApp } from '../stores/app/state'
import { usePool } from '../stores/pool/state'
import { cancelJob } from '../stores/jobs'
import { activeJobs, busyWorkers, readyWorkers } from '../stores/pool/selectors'
import { formatDuration, formatPercent } from '../components/format'

/** Engine workers, running jobs (with progress, ETA and cancel), host mode. */
export function StatusBar() {
  const status = usePool((s) => s.status)
  const connected = usePool((s) => s.connected)
  const info = useApp((s) => s.info)
  const jobs = activeJobs(status)
  const busy = busyWorkers(status)
  const ready = readyWorkers(status)
  const restarting = status.workers.length - ready
  return (
    <footer className="statusbar" data-testid="statusbar">
      <span title={status.workers.map((w) => `worker ${w.id}: ${w.state} (pid ${w.pid ?? '-'}, restarts ${w.restarts})`).join('\n')}>
        <span className={`dot ${!connected ? 'down' : busy ? 'busy' : ready ? 'idle' : ''}`} />
        Engine: {ready}/{status.workers.length} workers{busy ? `, ${busy} busy` : ''}
        {restarting > 0 ? `, ${restarting} starting` : ''}
      </span>
      <span data-testid="job-count">{jobs.length ? `${jobs.length} job${jobs.length > 1 ? 's' : ''}` : 'No jobs running'}</span>
      {jobs.slice(0, 2).map((job) => (
        <span key={job.id}>
          {job.label} {job.total > 0 ? `${formatPercent(job.done / job.total, 0)} · ETA ${formatDuration(job.etaMs)}` : job.state}{' '}
          <button style={{ padding: '0 6px', fontSize: 11 }} onClick={() => void cancelJob(job.id)}>
            Cancel
          </button>
        </span>
      ))}
      <span className="spacer" />
      {!connected && <span className="error-text">Disconnected from backend — reconnecting…</span>}
      {info && (
        <span>
          {info.mode === 'browser' ? 'Browser mode' : 'Desktop'} · engine {info.engineVersion} · {info.dataDir}
        </span>
      )}
      <a
        className="muted"
        href="https://www.tradingview.com/"
        target="_blank"
        rel="noreferrer"
        title="Charts: TradingView Lightweight Charts™"
      >
        Charts by TradingView
      </a>
    </footer>
  )
}
