import { ErrorBox } from '../../components/ErrorBox'
import { Spinner } from '../../components/StatePanel'
import { formatCount, formatDuration, formatMs, formatPercent } from '../../components/format'
import { issueLocation } from '../../components/issues'
import { useNow } from '../../components/useNow'
import { importFraction } from '../../stores/imports/selectors'
import { useImports } from '../../stores/imports/state'

/** Step 3: the running import (progress, ETA), then its summary or its error. */
export function ImportProgress() {
  const state = useImports()
  const { running, job, result, importError, datasetName } = state
  const fraction = importFraction(state)
  const now = useNow(running, 1000)

  if (running && job) {
    const info = job.info
    const elapsed = now - job.startedAt
    return (
      <div className="import-progress" data-testid="import-progress">
        <div className="progress-title">
          <Spinner /> Importing into “{datasetName}”…
        </div>
        <div className="progress big">
          <div style={{ width: `${(fraction ?? 0) * 100}%` }} className={fraction === null ? 'indeterminate' : ''} />
        </div>
        <div className="progress-numbers num">
          <span>{fraction === null ? (info?.state === 'queued' ? 'queued…' : 'starting…') : formatPercent(fraction, 0)}</span>
          {info && info.total > 0 && (
            <span>
              {formatCount(info.done)} / {formatCount(info.total)}
            </span>
          )}
          <span>elapsed {formatDuration(elapsed)}</span>
          <span data-testid="import-eta">ETA {formatDuration(info?.etaMs)}</span>
        </div>
      </div>
    )
  }

  if (result) {
    return (
      <div className="import-result" data-testid="import-result">
        <div className="result-title up">Imported “{datasetName}”</div>
        <div className="result-grid num">
          <span className="muted">Rows</span>
          <b data-testid="import-result-rows">{formatCount(result.rows)}</b>
          <span className="muted">Instruments</span>
          <b data-testid="import-result-instruments">{formatCount(result.instruments)}</b>
          <span className="muted">Warnings</span>
          <b className={result.warnings.length ? 'warn-text' : ''}>{formatCount(result.warnings.length)}</b>
          <span className="muted">Duration</span>
          <b>{result.durationMs < 1000 ? formatMs(result.durationMs) : formatDuration(result.durationMs)}</b>
        </div>
        <div className="muted">The dataset is selected in the list on the left.</div>
        {result.warnings.length > 0 && (
          <ul className="issue-list">
            {result.warnings.slice(0, 100).map((w, i) => (
              <li key={i} className="issue warning">
                <span className="issue-where num">{issueLocation(w)}</span>
                <span>{w.message}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    )
  }

  if (importError) {
    const cancelled = importError.code === 'JOB_CANCELLED'
    return (
      <div className="import-failed">
        <ErrorBox
          error={importError}
          title={cancelled ? 'Import cancelled' : 'The import failed'}
          tone={cancelled ? 'warn' : 'error'}
          testId="import-error"
        />
        <div className="nothing-written" data-testid="import-nothing-written">
          Nothing was written: the database is as it was before the import.
        </div>
      </div>
    )
  }
  return null
}
