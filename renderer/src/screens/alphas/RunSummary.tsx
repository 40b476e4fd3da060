import { useState } from 'react'
import { type AlphaRun, lowCoverage } from '../../../../electron/contract'
import { formatBytes, formatCount, formatDate, formatMs, formatPercent } from '../../components/format'
import { groupIssues, namesList, okColumns, runIssues } from '../../stores/alphas/selectors'
import { toggleHistory } from '../../stores/alphas/actions'
import { useAlphas } from '../../stores/alphas/state'

/** What the run covers, how long it took, and each alpha's errors and warnings. */
export function RunSummary({ run }: { run: AlphaRun }) {
  const datasets = useAlphas((s) => s.datasets.data)
  const historyOpen = useAlphas((s) => s.historyOpen)
  const [showIssues, setShowIssues] = useState(true)
  const dataset = datasets?.find((d) => d.id === run.datasetId)
  const ok = okColumns(run)
  const failed = run.alphas.length - ok.length
  const issues = runIssues(run)
  const warnings = issues.filter((i) => i.severity === 'warning').length
  const groups = groupIssues(issues)
  const sectors = run.sectors?.length ? (run.sectors.length <= 2 ? run.sectors.join(', ') : `${run.sectors.length} sectors`) : 'all sectors'

  return (
    <div className="run-summary" data-testid="run-summary" data-run-id={run.runId}>
      <div className="run-facts">
        <span className="run-title">{dataset?.name ?? `dataset ${run.datasetId}`}</span>
        <span title={run.sectors?.join('\n') ?? undefined}>{sectors}</span>
        <span className="num">{formatCount(run.instruments.length)} instruments</span>
        <span className="num">
          {formatDate(run.dates[0])} → {formatDate(run.dates[run.dates.length - 1])} ({formatCount(run.dates.length)} dates)
        </span>
        <span className="num" data-testid="run-alpha-count">
          {run.alphas.length} alpha{run.alphas.length === 1 ? '' : 's'}
          {failed > 0 && <span className="error-text"> · {failed} failed</span>}
          {warnings > 0 && (
            <span className="warn-text">
              {' '}
              · {warnings} warning{warnings === 1 ? '' : 's'}
            </span>
          )}
        </span>
        <span
          className={`policy-tag ${run.policy?.mode ?? 'strict'}`}
          data-testid="run-policy"
          title={
            run.policy?.mode === 'lenient'
              ? `Lenient: a window needs ${Math.round((run.policy.minShare ?? 0.5) * 100)}% of its days with a value and is computed over those; a constant window's correlation is 0`
              : 'Strict: a window needs every day with a value (pandas min_periods = window); a constant window has no correlation'
          }
        >
          {run.policy?.mode === 'lenient' ? `lenient ${Math.round((run.policy.minShare ?? 0.5) * 100)}%` : 'strict'}
        </span>
        {run.reused && (
          <span
            className="muted"
            data-testid="run-reused"
            title="The same alphas on the same data were computed before: that run was reopened"
          >
            reopened, not recomputed
          </span>
        )}
        {run.pinned && <span className="muted">★ pinned</span>}
        <button className="link-button" onClick={() => toggleHistory()} data-testid="alphas-history-toggle">
          {historyOpen ? 'hide history' : 'history'}
        </button>
      </div>
      <div className="run-chips-row">
        <div className="run-chips">
          {run.alphas.map((a) => {
            const low = a.ok && a.coverage < lowCoverage
            return (
              <span
                key={a.key}
                className={`run-chip ${!a.ok ? 'failed' : low ? 'low' : a.warnings.length ? 'warned' : 'ok'}`}
                title={`${a.name}: ${a.text}\n${a.ok ? `coverage ${formatPercent(a.coverage, 1)}` : (a.error?.message ?? 'failed')}${a.diagnosis ? `\n${a.diagnosis.summary}` : ''}${a.warnings.length ? `\n${a.warnings.join('\n')}` : ''}`}
                data-testid="run-chip"
                data-key={a.key}
                data-ok={a.ok ? 'true' : 'false'}
                data-low={low ? 'true' : 'false'}
              >
                <b>{a.name}</b> <span className="num">{a.ok ? `${low ? '⚠ ' : ''}${formatPercent(a.coverage, 0)}` : 'failed'}</span>
              </span>
            )
          })}
        </div>
        <span
          className="num muted run-time"
          data-testid="run-time"
          title={
            run.panel
              ? `panel ${run.panel.cached ? 'reused from the cache' : `built in ${formatMs(run.panel.buildMs)}`} (${formatBytes(run.panel.bytes)}); formulas evaluated in ${formatMs(run.evalMs)}`
              : undefined
          }
        >
          computed in {formatMs(run.computeMs)}
          {run.evalMs !== undefined && ` · engine ${formatMs(run.evalMs)}`}
          {run.panel && (run.panel.cached ? ' · panel cached' : ` · panel built ${formatMs(run.panel.buildMs)}`)}
        </span>
        {groups.length > 0 && (
          <button className="link-button issues-toggle" onClick={() => setShowIssues(!showIssues)} data-testid="run-issues-toggle">
            {showIssues ? 'hide' : 'show'} {groups.length} note{groups.length === 1 ? '' : 's'}
          </button>
        )}
      </div>
      {groups.length > 0 && showIssues && (
        <ul className="run-issues" data-testid="run-issues">
          {groups.map((g, i) => (
            <li
              key={i}
              className={`run-issue ${g.severity}`}
              data-testid="run-issue"
              data-keys={g.keys.join(' ')}
              data-severity={g.severity}
            >
              <span className="issue-badge">{g.severity === 'error' ? 'cannot run' : 'note'}</span>
              <b className="issue-names" title={g.names.join(', ')}>
                {namesList(g.keys, g.names)}
              </b>
              <span className="issue-message">{g.message}</span>
              {g.code && <code className="issue-code">{g.code}</code>}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
