import { ErrorBox } from '../../components/ErrorBox'
import { formatBytes, formatCount, formatDate, formatMs } from '../../components/format'
import { deleteRun, openRun, pinRun } from '../../stores/alphas/actions'
import { useAlphas } from '../../stores/alphas/state'

/** Every compute of the session (and pinned runs of earlier ones): reopen, pin, delete. */
export function RunHistory() {
  const history = useAlphas((s) => s.history)
  const current = useAlphas((s) => s.run.data?.runId)
  const runs = history.data ?? []
  return (
    <div className="run-history" data-testid="run-history">
      <div className="panel-title">
        Runs of this session{' '}
        <span className="muted">— pinned runs are kept on disk across restarts; the others go when the app closes</span>
      </div>
      {history.error && <ErrorBox error={history.error} title="The history could not be read" compact />}
      {runs.length === 0 ? (
        <div className="muted">{history.status === 'loading' ? 'Loading…' : 'No runs yet: compute some alphas.'}</div>
      ) : (
        <table className="history-table">
          <tbody>
            {runs.map((r) => (
              <tr key={r.runId} className={r.runId === current ? 'current' : undefined} data-testid="history-row" data-run-id={r.runId}>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => void openRun(r.runId)}
                    disabled={r.runId === current}
                    data-testid="history-open"
                  >
                    {r.runId === current ? 'open' : 'reopen'}
                  </button>
                </td>
                <td className="history-what" title={r.alphas.map((a) => `${a.name}: ${a.text}`).join('\n')}>
                  <b>{r.alphas.length === 1 ? r.alphas[0].name : `${r.alphas.length} alphas`}</b>{' '}
                  <span className="muted">
                    {r.datasetKey ?? `dataset ${r.datasetId}`}
                    {r.sectors?.length ? ` · ${r.sectors.length} sector${r.sectors.length > 1 ? 's' : ''}` : ''} · {formatDate(r.from)} →{' '}
                    {formatDate(r.to)} · {formatCount(r.instruments)} instr. ·{' '}
                    {r.policy.mode === 'strict' ? 'strict' : `lenient ${Math.round(r.policy.minShare * 100)}%`}
                  </span>
                </td>
                <td className="num muted" title={`computed ${r.createdAt} in ${formatMs(r.computeMs)}`}>
                  {new Date(r.createdAt).toLocaleTimeString('en-GB', { hour12: false, hour: '2-digit', minute: '2-digit' })} ·{' '}
                  {formatBytes(r.bytes)}
                </td>
                <td>
                  <button
                    type="button"
                    className={`link-button${r.pinned ? ' pinned' : ''}`}
                    onClick={() => void pinRun(r.runId, !r.pinned)}
                    title={r.pinned ? 'Unpin: keep it only for this session' : 'Pin: keep it on disk across restarts'}
                    data-testid="history-pin"
                  >
                    {r.pinned ? '★ pinned' : '☆ pin'}
                  </button>
                </td>
                <td>
                  <button
                    type="button"
                    className="link-button history-delete"
                    onClick={() => void deleteRun(r.runId)}
                    disabled={r.runId === current}
                    data-testid="history-delete"
                  >
                    delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
