import { useMemo } from 'react'
import { SeriesChart } from '../../charts/SeriesChart'
import type { SeriesSpec } from '../../charts/series'
import { ErrorBox } from '../../components/ErrorBox'
import { formatDate, formatDateTime, formatNumber, formatPercent } from '../../components/format'
import { loadCalendar, loadOpen, loadRuns, rotateToken, setApiSettings } from '../../stores/book/actions'
import { useBook } from '../../stores/book/state'

/** Live trades still open, updated the moment the live API writes one. */
export function OpenTradesView() {
  const open = useBook((s) => s.open)
  const flash = useBook((s) => s.liveFlash)
  if (open.status === 'error' && open.error) return <ErrorBox error={open.error} title="Loading open trades failed" onRetry={loadOpen} />
  const list = open.data ?? []
  return (
    <div className="book-view" data-testid="open-trades">
      <p className="muted">Trades live algorithms opened through the live API and have not closed. This list updates as they report.</p>
      <table className="book-list">
        <thead>
          <tr>
            <th>ID</th>
            <th>User</th>
            <th>Alpha</th>
            <th>Instrument</th>
            <th>Side</th>
            <th className="right">Qty</th>
            <th className="right">Entry</th>
            <th className="right">Stop</th>
            <th>Opened</th>
          </tr>
        </thead>
        <tbody>
          {list.map((t) => (
            <tr key={t.id} className={flash.includes(t.id) ? 'flash' : ''} data-testid={`open-trade-${t.user}-${t.alpha}`}>
              <td className="num">{t.id}</td>
              <td>{t.user}</td>
              <td>{t.alpha}</td>
              <td>{t.instrument || '—'}</td>
              <td>{t.direction}</td>
              <td className="num right">{formatNumber(t.quantity, Number.isInteger(t.quantity) ? 0 : 2)}</td>
              <td className="num right">{formatNumber(t.entryPrice, 4)}</td>
              <td className="num right">{formatNumber(t.stopLoss, 4)}</td>
              <td className="num">{t.entryTs === null ? '—' : formatDateTime(t.entryTs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.length === 0 && open.status === 'ready' && <div className="muted book-empty">No open live trades.</div>}
    </div>
  )
}

/** Holding windows live algorithms pushed (tradingCalendar/push), newest first, as bars on a time line. */
export function CalendarView() {
  const calendar = useBook((s) => s.calendar)
  if (calendar.status === 'error' && calendar.error)
    return <ErrorBox error={calendar.error} title="Loading the calendar failed" onRetry={loadCalendar} />
  const list = calendar.data ?? []
  const timed = list.filter((w) => w.startTs !== null && w.endTs !== null)
  const lo = Math.min(...timed.map((w) => w.startTs!))
  const hi = Math.max(...timed.map((w) => w.endTs!))
  const span = Math.max(1, hi - lo)
  return (
    <div className="book-view" data-testid="calendar-view">
      <p className="muted">Holding windows pushed by live algorithms.</p>
      <table className="book-list">
        <thead>
          <tr>
            <th>User</th>
            <th>Alpha</th>
            <th>Start</th>
            <th>End</th>
            <th style={{ width: '40%' }}>Window</th>
          </tr>
        </thead>
        <tbody>
          {list.map((w) => (
            <tr key={w.id}>
              <td>{w.user}</td>
              <td>{w.alpha}</td>
              <td className="num">{w.start}</td>
              <td className="num">{w.end}</td>
              <td>
                {w.startTs !== null && w.endTs !== null && (
                  <div className="book-window">
                    <div
                      style={{
                        left: `${(100 * (w.startTs - lo)) / span}%`,
                        width: `${Math.max(0.5, (100 * (w.endTs - w.startTs)) / span)}%`,
                      }}
                    />
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.length === 0 && calendar.status === 'ready' && <div className="muted book-empty">No windows pushed yet.</div>}
    </div>
  )
}

/** Stored runs (alpha portfolio backtests, SL/TP backtests) with their daily equity. */
export function RunsView() {
  const runs = useBook((s) => s.runs)
  const series = useMemo<SeriesSpec[]>(() => {
    const colors = ['#4f9dff', '#f5b942', '#9c7cff', '#26a69a', '#ef5350', '#4fc3f7']
    return (runs.data ?? []).slice(0, 6).map((r, i) => {
      let eq = 1
      return {
        id: `run-${r.id}`,
        label: `#${r.id}`,
        kind: 'line' as const,
        color: colors[i % colors.length],
        time: r.returns.map((p) => p.ts),
        values: r.returns.map((p) => p.equity ?? (eq *= 1 + p.ret)),
        format: 'number' as const,
        precision: 3,
      }
    })
  }, [runs.data])
  if (runs.status === 'error' && runs.error) return <ErrorBox error={runs.error} title="Loading runs failed" onRetry={loadRuns} />
  const list = runs.data ?? []
  return (
    <div className="book-view" data-testid="runs-view">
      {series.length > 0 && (
        <div className="book-runs-chart">
          <SeriesChart series={series} />
        </div>
      )}
      <table className="book-list">
        <thead>
          <tr>
            <th>ID</th>
            <th>Kind</th>
            <th>Name</th>
            <th>Created</th>
            <th className="right">Days</th>
            <th className="right">Trades</th>
            <th className="right">Total return</th>
          </tr>
        </thead>
        <tbody>
          {list.map((r) => {
            const total = r.returns.reduce((e, p) => e * (1 + p.ret), 1) - 1
            return (
              <tr key={r.id}>
                <td className="num">{r.id}</td>
                <td>{r.kind}</td>
                <td>{r.name}</td>
                <td className="num">{r.createdAt.slice(0, 16).replace('T', ' ')}</td>
                <td className="num right">{r.returns.length}</td>
                <td className="num right">{r.tradeCount}</td>
                <td className={`num right ${total >= 0 ? 'pos' : 'neg'}`}>{formatPercent(total)}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {list.length === 0 && runs.status === 'ready' && (
        <div className="muted book-empty">
          No stored runs yet: a portfolio backtest on the Alphas screen stores one ({formatDate(Date.now() / 1000)}).
        </div>
      )}
    </div>
  )
}

/** Settings of the live API: on/off, port, the token (shown, copied, rotated). */
export function ApiSettingsView() {
  const settings = useBook((s) => s.apiSettings)
  const s = settings.data
  if (settings.status === 'error' && settings.error && !s)
    return <ErrorBox error={settings.error} title="Loading the live API settings failed" />
  if (!s) return <div className="book-view muted">Loading…</div>
  return (
    <div className="book-view book-settings" data-testid="api-settings">
      <h3>Live trade API</h3>
      <p className="muted">
        Live algorithms push trades here over HTTP on this computer only (127.0.0.1), with the bearer token below. The seed's client works
        unchanged with the base URL and token.
      </p>
      <label>
        <input
          type="checkbox"
          checked={s.enabled}
          onChange={(e) => void setApiSettings({ enabled: e.target.checked })}
          data-testid="api-enabled"
        />{' '}
        Enabled
      </label>
      <label>
        Port{' '}
        <input
          type="number"
          min={1}
          max={65535}
          defaultValue={s.port}
          onBlur={(e) => Number(e.target.value) !== s.port && void setApiSettings({ port: Number(e.target.value) })}
          data-testid="api-port"
        />
      </label>
      <div>
        Status:{' '}
        {s.url ? (
          <span className="pos" data-testid="api-url">
            listening on {s.url}
          </span>
        ) : (
          <span className="muted">stopped</span>
        )}
      </div>
      {s.error && <div className="error-text">{s.error}</div>}
      {s.url && (
        <div className="num small">
          Seed base URL: {s.url}
          {s.basePath} · v1: {s.url}/v1 · OpenAPI: {s.url}/v1/openapi.json
        </div>
      )}
      <div className="book-token">
        Token: <code data-testid="api-token">{s.token}</code>
        <button onClick={() => void navigator.clipboard?.writeText(s.token)}>Copy</button>
        <button onClick={() => void rotateToken()} data-testid="api-rotate">
          Rotate
        </button>
      </div>
    </div>
  )
}
