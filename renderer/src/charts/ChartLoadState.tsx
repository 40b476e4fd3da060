import type { ErrorData } from '../../../electron/contract'
import { ErrorBox } from '../components/ErrorBox'
import { Spinner } from '../components/StatePanel'
import './price-chart.css'

interface Props {
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: ErrorData | null
  /** The loaded bars are empty. */
  empty: boolean
  symbol: string
  onRetry: () => void
  emptyText: string
  loadingTestId?: string
  emptyTestId?: string
}

/** Over the chart while its bars load, failed or came back empty; nothing once there are bars. */
export function ChartLoadState({ status, error, empty, symbol, onRetry, emptyText, loadingTestId, emptyTestId }: Props) {
  if (status === 'loading') {
    return (
      <div className="chart-overlay-state" data-testid={loadingTestId}>
        <span className="chart-loading-chip">
          <Spinner /> Loading bars for {symbol}…
        </span>
      </div>
    )
  }
  if (status === 'error' && error) {
    return (
      <div className="chart-overlay-state">
        <ErrorBox error={error} title={`Could not load bars for ${symbol}`} onRetry={onRetry} />
      </div>
    )
  }
  if (status === 'ready' && empty) {
    return (
      <div className="chart-overlay-state muted" data-testid={emptyTestId}>
        {emptyText}
      </div>
    )
  }
  return null
}
