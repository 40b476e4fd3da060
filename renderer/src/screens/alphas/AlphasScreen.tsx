import { useEffect, useRef } from 'react'
import { ErrorBoundary } from '../../components/ErrorBoundary'
import { ErrorBox } from '../../components/ErrorBox'
import { Spinner, StatePanel } from '../../components/StatePanel'
import { compute, dismissRunError, enterAlphas, loadDatasets, setTab, stepDate } from '../../stores/alphas/actions'
import { okColumns } from '../../stores/alphas/selectors'
import { toggleHistory } from '../../stores/alphas/actions'
import { useAlphas, type ResultTab } from '../../stores/alphas/state'
import { useApp } from '../../stores/app/state'
import { CorrelationView } from './CorrelationView'
import { CrossSectionView } from './CrossSectionView'
import { JobProgress } from '../../components/JobProgress'
import { LeaderboardView } from './LeaderboardView'
import { PortfolioBacktestView } from './PortfolioBacktestView'
import { RunHistory } from './RunHistory'
import { RunSummary } from './RunSummary'
import { SetupPanel } from './SetupPanel'
import { TearSheetView } from './TearSheetView'
import './alphas.css'

/**
 * Alpha screens: pick a universe and alphas (or type a formula) on the left; the run's
 * cross-section, tear sheets, correlation and portfolio backtests on the right.
 */
export function AlphasScreen() {
  const collapsed = useAlphas((s) => s.setupCollapsed)
  const sampleState = useApp((s) => s.sample?.state)

  useEffect(() => {
    enterAlphas()
  }, [])

  // First run: the sample data lands while this screen is open; list it once it is in.
  const prevSample = useRef(sampleState)
  useEffect(() => {
    if (prevSample.current && prevSample.current !== 'done' && sampleState === 'done') void loadDatasets()
    prevSample.current = sampleState
  }, [sampleState])

  // ←/→ and [ ] step the cross-section's date from anywhere that does not take those keys itself.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const step = e.key === 'ArrowLeft' || e.key === '[' ? -1 : e.key === 'ArrowRight' || e.key === ']' ? 1 : 0
      if (!step || e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return
      const s = useAlphas.getState()
      if (s.tab !== 'table' || !s.run.data) return
      const t = e.target as HTMLElement | null
      if (t && t !== document.body && t.closest('input, select, textarea, [contenteditable=true], [role=dialog]')) return
      e.preventDefault()
      stepDate(e.shiftKey ? step * 5 : step)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  return (
    <div className={`alphas-screen${collapsed ? ' setup-collapsed' : ''}`} data-testid="screen-alphas">
      <SetupPanel />
      <ErrorBoundary what="the results">
        <Results />
      </ErrorBoundary>
    </div>
  )
}

/** testId: the portfolio tab keeps the id the end-to-end tests know it by. */
const tabs: { id: ResultTab; label: string; testId: string }[] = [
  { id: 'leaderboard', label: 'Leaderboard', testId: 'alphas-tab-leaderboard' },
  { id: 'table', label: 'Cross-section', testId: 'alphas-tab-table' },
  { id: 'tearsheet', label: 'Tear sheet', testId: 'alphas-tab-tearsheet' },
  { id: 'correlation', label: 'Correlation', testId: 'alphas-tab-correlation' },
  { id: 'portfolio', label: 'Portfolio backtest', testId: 'alphas-tab-backtest' },
]

function Results() {
  const run = useAlphas((s) => s.run)
  const tab = useAlphas((s) => s.tab)
  const tearLoading = useAlphas((s) => Object.values(s.tearSheets).some((t) => t.status === 'loading'))
  const corrLoading = useAlphas((s) => s.correlation.status === 'loading')
  const portfolioLoading = useAlphas((s) => s.portfolioBacktest.status === 'loading')
  const leaderLoading = useAlphas((s) => s.leaderboard.status === 'loading')
  const historyOpen = useAlphas((s) => s.historyOpen)
  const data = run.data

  if (!data) {
    return (
      <section className="alphas-results" data-testid="alphas-results">
        {run.status === 'loading' ? (
          <div className="center-progress">
            <JobProgress job={run.job} label="Computing the alphas over the universe…" testId="alphas-first-progress" big />
          </div>
        ) : run.status === 'error' && run.error ? (
          <div className="panel-pad">
            <RunError />
          </div>
        ) : (
          <>
            <StatePanel kind="empty" testId="alphas-empty">
              <div className="empty-guide">
                <b>Screen alphas over a universe</b>
                <ol>
                  <li>Pick the dataset, sectors and dates (the whole span by default).</li>
                  <li>Tick alphas from Kakushadze's 101, or type a formula of your own.</li>
                  <li>Compute: the engine evaluates every formula over the whole panel in a worker.</li>
                </ol>
                <span className="muted">
                  Then rank the cross-section per date, open an instrument's chart, read each alpha's tear sheet, compare the alphas and
                  backtest a long/short portfolio of one.
                </span>
                <button type="button" className="link-button" onClick={() => toggleHistory()} data-testid="alphas-history-toggle">
                  {historyOpen ? 'hide' : 'show'} the runs of this session
                </button>
              </div>
            </StatePanel>
            {historyOpen && <RunHistory />}
          </>
        )}
      </section>
    )
  }

  const okCount = okColumns(data).length
  const busy: Record<ResultTab, boolean> = {
    leaderboard: leaderLoading,
    table: false,
    tearsheet: tearLoading,
    correlation: corrLoading,
    portfolio: portfolioLoading,
  }
  return (
    <section className="alphas-results" data-testid="alphas-results">
      {run.status === 'loading' && (
        <div className="run-banner" data-testid="alphas-recompute-banner">
          <Spinner size={10} /> Computing a new run — the results below are from the previous one.
        </div>
      )}
      {run.status === 'error' && run.error && (
        <div className="run-banner error">
          <RunError compact />
        </div>
      )}
      <RunSummary run={data} />
      {historyOpen && <RunHistory />}
      <div className="result-tabs" role="tablist" aria-label="Results">
        {tabs.map((t) => (
          <button
            key={t.id}
            role="tab"
            aria-selected={tab === t.id}
            className={tab === t.id ? 'active' : ''}
            onClick={() => setTab(t.id)}
            data-testid={t.testId}
            disabled={okCount === 0 && t.id !== 'table'}
          >
            {t.label}
            {busy[t.id] && <Spinner size={9} />}
          </button>
        ))}
      </div>
      <div className="result-body">
        <ErrorBoundary what={tabs.find((t) => t.id === tab)?.label ?? 'the results'} resetKey={`${data.runId}-${tab}`}>
          {tab === 'leaderboard' ? (
            <LeaderboardView run={data} />
          ) : tab === 'table' ? (
            <CrossSectionView run={data} />
          ) : tab === 'tearsheet' ? (
            <TearSheetView run={data} />
          ) : tab === 'correlation' ? (
            <CorrelationView run={data} />
          ) : (
            <PortfolioBacktestView run={data} />
          )}
        </ErrorBoundary>
      </div>
    </section>
  )
}

function RunError({ compact }: { compact?: boolean }) {
  const error = useAlphas((s) => s.run.error)!
  const hasData = useAlphas((s) => s.run.data !== null)
  const cancelled = error.code === 'JOB_CANCELLED'
  return (
    <div className="run-error" data-testid="alphas-run-error">
      <ErrorBox
        error={error}
        title={cancelled ? 'Compute cancelled' : 'The compute failed'}
        tone={cancelled ? 'warn' : 'error'}
        compact={compact}
        onRetry={() => void compute()}
      />
      {hasData && (
        <button className="link-button" onClick={dismissRunError}>
          dismiss
        </button>
      )}
    </div>
  )
}
