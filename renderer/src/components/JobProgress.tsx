import { jobFraction, type JobSlot } from '../stores/task'
import { formatCount, formatDuration, formatPercent } from './format'
import { Spinner } from './StatePanel'
import { useNow } from './useNow'
import './components.css'

interface Props {
  job: JobSlot | null
  label: string
  onCancel?: () => void
  testId?: string
  /** Large layout for a panel with nothing else to show. */
  big?: boolean
}

/** A running engine job: what it does, a progress bar, done / total, elapsed, ETA and Cancel. */
export function JobProgress({ job, label, onCancel, testId, big }: Props) {
  const now = useNow(true, 500)
  const fraction = jobFraction(job)
  const info = job?.info
  const elapsed = job ? now - job.startedAt : 0
  const state = info?.state === 'queued' ? 'queued (waiting for a worker)…' : fraction === null ? 'starting…' : formatPercent(fraction, 0)
  return (
    <div className={`job-progress${big ? ' big' : ''}`} data-testid={testId} role="status">
      <div className="job-progress-head">
        <Spinner />
        <span className="job-progress-label">{label}</span>
        {onCancel && (
          <button
            className="job-cancel"
            onClick={onCancel}
            data-testid={testId ? `${testId}-cancel` : undefined}
            title="Stop the job in the engine"
          >
            Cancel
          </button>
        )}
      </div>
      <div className="progress">
        <div style={{ width: `${(fraction ?? 0) * 100}%` }} className={fraction === null ? 'indeterminate' : ''} />
      </div>
      <div className="job-progress-numbers num muted">
        <span>{state}</span>
        {info && info.total > 0 && (
          <span>
            {formatCount(info.done)} / {formatCount(info.total)}
          </span>
        )}
        <span>elapsed {formatDuration(elapsed)}</span>
        <span data-testid={testId ? `${testId}-eta` : undefined}>ETA {formatDuration(info?.etaMs)}</span>
      </div>
    </div>
  )
}
