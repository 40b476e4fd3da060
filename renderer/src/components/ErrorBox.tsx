import type { ErrorData } from '../../../electron/contract'
import { issueLocation, issuesOf } from './issues'
import './components.css'

interface Props {
  error: ErrorData
  /** What was being done, e.g. "Loading bars failed". */
  title?: string
  onRetry?: () => void
  compact?: boolean
  testId?: string
  /** 'warn' for outcomes the user asked for (a cancelled job); 'error' otherwise. */
  tone?: 'error' | 'warn'
}

/** An error as the user needs it: what failed, the message, the code, and where (for CSV issues). */
export function ErrorBox({ error, title, onRetry, compact, testId, tone = 'error' }: Props) {
  const issues = issuesOf(error)
  return (
    <div
      className={`errorbox${compact ? ' compact' : ''}${tone === 'warn' ? ' warn' : ''}`}
      role="alert"
      data-testid={testId ?? 'error-box'}
      data-code={error.code}
    >
      <div className="errorbox-head">
        <span className="errorbox-title">{title ?? 'Something went wrong'}</span>
        <code className="errorbox-code">{error.code}</code>
      </div>
      <div className="errorbox-message">{error.message}</div>
      {issues.length > 0 && (
        <ul className="issue-list">
          {issues.slice(0, 50).map((issue, i) => (
            <li key={i} className="issue error">
              <span className="issue-where num">{issueLocation(issue)}</span>
              <span>{issue.message}</span>
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button className="errorbox-retry" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  )
}
