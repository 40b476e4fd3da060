import { useMemo } from 'react'
import { type AlphaRun, type LeaderboardRow, lowCoverage } from '../../../../electron/contract'
import { formatPct, formatSig } from '../../components/format'
import { JobProgress } from '../../components/JobProgress'
import { StatePanel } from '../../components/StatePanel'
import {
  backtestSelection,
  cancelLeaderboard,
  correlateSelection,
  LEADER_COST_BPS,
  LEADER_QUANTILES,
  loadLeaderboard,
  openTearSheet,
  setLeaderFilter,
  setLeaderSelection,
  sortLeaderboard,
  toggleLeaderSelection,
} from '../../stores/alphas/actions'
import {
  emptyQuantilesNote,
  filterLeaderRows,
  type LeaderColumn,
  leaderColumns,
  parseLeaderFilter,
  shortSampleDays,
  sortLeaderRows,
} from '../../stores/alphas/leaderboard'
import { shortLabel } from '../../stores/alphas/selectors'
import { useAlphas } from '../../stores/alphas/state'
import { AnalysisError } from './AnalysisError'

function cell(row: LeaderboardRow, column: LeaderColumn, kind: string): string {
  const v = row[column] as number | null
  if (kind === 'pct') return formatPct(v, 3)
  if (kind === 'count') return formatSig(v, 6)
  return formatSig(v, 3)
}

/** Every alpha of the run in one sortable table; a click opens its tear sheet. */
export function LeaderboardView({ run }: { run: AlphaRun }) {
  const task = useAlphas((s) => s.leaderboard)
  const sort = useAlphas((s) => s.leaderSort)
  const filterText = useAlphas((s) => s.leaderFilter)
  const selection = useAlphas((s) => s.leaderSelection)
  const parsed = useMemo(() => parseLeaderFilter(filterText), [filterText])
  const rows = useMemo(() => {
    const all = task.data?.rows ?? []
    return sortLeaderRows(parsed.ok ? filterLeaderRows(all, parsed.filters) : all, sort)
  }, [task.data, parsed, sort])
  const names = useMemo(() => new Map(run.alphas.map((a) => [a.key, a.name])), [run])

  const header = (column: LeaderColumn, label: string, title?: string) => (
    <th
      key={column}
      className={`sortable${sort.column === column ? ' sorted' : ''}`}
      onClick={() => sortLeaderboard(column)}
      title={title}
      data-testid={`leader-sort-${column}`}
      aria-sort={sort.column === column ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      {label}
      {sort.column === column ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
    </th>
  )

  return (
    <div className="analysis-view" data-testid="leaderboard-view">
      <div className="analysis-toolbar">
        <input
          className="leader-filter"
          placeholder="Filter: IR > 0.05 and coverage > 80%"
          value={filterText}
          onChange={(e) => setLeaderFilter(e.target.value)}
          data-testid="leader-filter"
          aria-invalid={!parsed.ok}
        />
        {!parsed.ok && <span className="error-text toolbar-note">{parsed.error}</span>}
        <span className="muted toolbar-note">
          {LEADER_QUANTILES} quantiles · L/S 20 % at {LEADER_COST_BPS} bps
        </span>
        <span className="toolbar-spacer" />
        <span className="muted" data-testid="leader-selection-count">
          {selection.length} selected
        </span>
        <button
          type="button"
          onClick={correlateSelection}
          disabled={selection.length < 2}
          title="Correlation heatmap of the selected alphas"
          data-testid="leader-correlate"
        >
          Correlate
        </button>
        <button
          type="button"
          onClick={backtestSelection}
          disabled={selection.length < 1}
          title="Portfolio backtest of the first selected alpha"
          data-testid="leader-backtest"
        >
          Backtest
        </button>
      </div>
      <div className="analysis-body leader-body">
        {task.status === 'idle' ? (
          <StatePanel kind="empty">
            <button type="button" className="primary" onClick={() => void loadLeaderboard()} data-testid="leader-load">
              Screen all {run.alphas.length} alphas
            </button>
          </StatePanel>
        ) : task.status === 'loading' ? (
          <div className="center-progress">
            <JobProgress
              job={task.job}
              label={`Screening ${run.alphas.length} alphas…`}
              onCancel={cancelLeaderboard}
              testId="leader-progress"
              big
            />
          </div>
        ) : task.status === 'error' ? (
          <AnalysisError
            error={task.error ?? { code: 'INTERNAL', message: 'the leaderboard failed' }}
            cancelledTitle="Leaderboard cancelled"
            failedTitle="The leaderboard failed"
            onRetry={() => void loadLeaderboard()}
            testId="leader-error"
          />
        ) : rows.length === 0 ? (
          <StatePanel kind="empty" testId="leader-none">
            No alpha matches “{filterText}” ({task.data?.rows.length ?? 0} in the run). Loosen the filter.
          </StatePanel>
        ) : (
          <table className="leader-table num" data-testid="leader-table">
            <thead>
              <tr>
                <th>
                  <input
                    type="checkbox"
                    aria-label="Select all shown"
                    checked={rows.every((r) => !r.ok || selection.includes(r.key))}
                    onChange={(e) => setLeaderSelection(e.target.checked ? rows.filter((r) => r.ok).map((r) => r.key) : [])}
                  />
                </th>
                {header('name', 'alpha')}
                {leaderColumns.map((c) => header(c.column, c.label, c.title))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const low = r.ok && r.coverage < lowCoverage
                const short = r.ok && r.days < shortSampleDays
                const tied = r.ok ? emptyQuantilesNote(r.emptyQuantiles, LEADER_QUANTILES) : null
                return (
                  <tr
                    key={r.key}
                    className={`${r.ok ? '' : 'failed'}${low ? ' low-coverage' : ''}`}
                    data-testid="leader-row"
                    data-key={r.key}
                    onClick={() => openTearSheet(r)}
                    onKeyDown={(e) => e.key === 'Enter' && openTearSheet(r)}
                    tabIndex={0}
                    title={r.error ?? r.diagnosis?.summary ?? 'Open the tear sheet'}
                  >
                    <td onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
                      <input
                        type="checkbox"
                        aria-label={`Select ${r.name}`}
                        disabled={!r.ok}
                        checked={selection.includes(r.key)}
                        onChange={() => toggleLeaderSelection(r.key)}
                      />
                    </td>
                    <td className="leader-name">
                      {shortLabel(r.key, r.name)}
                      {!r.ok && <span className="badge error">failed</span>}
                      {low && <span className="badge warn">{r.coverage === 0 ? 'no values' : 'low coverage'}</span>}
                      {short && (
                        <span className="badge warn" title={`IC statistics over ${r.days} days only: treat them as noise`}>
                          n={r.days}
                        </span>
                      )}
                      {tied && (
                        <span className="badge warn" title={tied} data-testid="leader-ties">
                          ties
                        </span>
                      )}
                    </td>
                    {leaderColumns.map((c) => (
                      <td
                        key={c.column}
                        className={c.column === 'coverage' && low ? 'warn-text' : undefined}
                        title={tied && r[c.column] === null && (c.column === 'spread' || c.column === 'turnover') ? tied : undefined}
                      >
                        {c.column === 'maxCorrelation' && r.maxCorrelationWith ? (
                          <span title={`with ${names.get(r.maxCorrelationWith) ?? r.maxCorrelationWith}`}>
                            {cell(r, c.column, c.kind)}{' '}
                            <span className="muted">
                              {shortLabel(r.maxCorrelationWith, names.get(r.maxCorrelationWith) ?? r.maxCorrelationWith)}
                            </span>
                          </span>
                        ) : (
                          cell(r, c.column, c.kind)
                        )}
                      </td>
                    ))}
                  </tr>
                )
              })}
            </tbody>
          </table>
        )}
      </div>
    </div>
  )
}
