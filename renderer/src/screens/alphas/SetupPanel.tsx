import { ErrorBoundary } from '../../components/ErrorBoundary'
import { cancelCompute, compute, computeBlocker, toggleSetup } from '../../stores/alphas/actions'
import { adhocIncluded, computeLabel, keysToCompute } from '../../stores/alphas/selectors'
import { useAlphas } from '../../stores/alphas/state'
import { AlphaPicker } from './AlphaPicker'
import { FormulaEditor } from './FormulaEditor'
import { JobProgress } from '../../components/JobProgress'
import { UniversePanel } from './UniversePanel'

/** The left column: universe, alphas, formula editor, and the Compute button with its progress. */
export function SetupPanel() {
  const collapsed = useAlphas((s) => s.setupCollapsed)
  if (collapsed) {
    return (
      <aside className="alphas-setup collapsed" data-testid="alphas-setup">
        <button
          className="setup-expand"
          onClick={toggleSetup}
          title="Show the universe, alphas and formula"
          data-testid="alphas-setup-toggle"
        >
          »
        </button>
        <span className="setup-vertical">Setup</span>
      </aside>
    )
  }
  return (
    <aside className="alphas-setup" data-testid="alphas-setup">
      <div className="setup-head">
        <span className="setup-title">Alpha screen</span>
        <button
          className="setup-collapse"
          onClick={toggleSetup}
          title="Hide this panel (more room for results)"
          data-testid="alphas-setup-toggle"
        >
          «
        </button>
      </div>
      <div className="setup-body">
        <ErrorBoundary what="the universe">
          <UniversePanel />
        </ErrorBoundary>
        <ErrorBoundary what="the alpha list">
          <AlphaPicker />
        </ErrorBoundary>
        <ErrorBoundary what="the formula editor">
          <FormulaEditor />
        </ErrorBoundary>
      </div>
      <ComputeBar />
    </aside>
  )
}

function ComputeBar() {
  const state = useAlphas()
  const run = state.run
  const blocker = computeBlocker(state)
  const count = keysToCompute(state.selected, state.library.data?.formulas ?? []).length
  const adhoc = adhocIncluded(state)
  if (run.status === 'loading') {
    return (
      <div className="compute-bar">
        <JobProgress
          job={run.job}
          label={`Computing ${computeLabel(count, adhoc).replace('Compute ', '')}…`}
          onCancel={cancelCompute}
          testId="alphas-compute-progress"
        />
      </div>
    )
  }
  return (
    <div className="compute-bar">
      <button
        className="primary compute-button"
        onClick={() => void compute()}
        disabled={Boolean(blocker)}
        data-testid="alphas-compute"
        title={blocker ?? 'Ctrl+Enter in the editor also computes'}
      >
        {computeLabel(count, adhoc)}
      </button>
      {blocker && (
        <div className="compute-blocker muted" data-testid="alphas-compute-blocker">
          {blocker}
        </div>
      )}
    </div>
  )
}
