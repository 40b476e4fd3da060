import { useApp } from '../stores/app/state'
import { formatDuration, formatPercent } from '../components/format'

/** First run: the bundled sample data is being imported; show how far and how long. */
export function SampleImportBanner() {
  const sample = useApp((s) => s.sample)
  if (!sample || sample.state === 'idle' || sample.state === 'done') return null
  if (sample.state === 'failed') {
    return (
      <div className="banner error-text" role="alert">
        Importing the sample data failed: {sample.message}
      </div>
    )
  }
  const fraction = sample.total > 0 ? sample.done / sample.total : 0
  return (
    <div className="banner" role="status" data-testid="sample-import">
      <span>First run: importing the bundled sample data — {sample.phase}</span>
      <div className="progress" style={{ width: 240 }}>
        <div style={{ width: `${fraction * 100}%` }} />
      </div>
      <span className="num">{formatPercent(fraction, 0)}</span>
      <span className="muted">ETA {formatDuration(sample.etaMs)}</span>
    </div>
  )
}
