import type { ErrorData } from '../../../../electron/contract'
import { ErrorBox } from '../../components/ErrorBox'
import { compute } from '../../stores/alphas/actions'
import { isRunGone } from '../../stores/alphas/selectors'

interface Props {
  error: ErrorData
  cancelledTitle: string
  failedTitle: string
  /** Runs the analysis again; when the run itself is gone, Retry computes the run instead. */
  onRetry: () => void
  testId: string
}

/** An analysis job that did not finish: cancelled (a warning), its run gone from the backend's cache, or failed. */
export function AnalysisError({ error, cancelledTitle, failedTitle, onRetry, testId }: Props) {
  const cancelled = error.code === 'JOB_CANCELLED'
  const runGone = isRunGone(error)
  return (
    <div className="panel-pad">
      <ErrorBox
        error={error}
        title={cancelled ? cancelledTitle : runGone ? 'This run is no longer available: Retry computes again' : failedTitle}
        tone={cancelled ? 'warn' : 'error'}
        onRetry={() => (runGone ? void compute() : onRetry())}
        testId={testId}
      />
    </div>
  )
}
