import { useMemo } from 'react'
import { SeriesChart } from '../../charts/SeriesChart'
import type { SeriesSpec } from '../../charts/series'
import { ErrorBox } from '../../components/ErrorBox'
import { formatCount, formatNumber, formatPercent } from '../../components/format'
import { loadSummary } from '../../stores/book/actions'
import { useBook } from '../../stores/book/state'

/** Statistics of what the filter shows: headline figures, the equity curve, by month and by instrument. */
export function SummaryPanel() {
  const summary = useBook((s) => s.summary)
  const s = summary.data
  const equity = useMemo<SeriesSpec[]>(
    () =>
      s?.equity.length
        ? [
            {
              id: 'equity',
              label: 'Equity',
              kind: 'area',
              color: '#4f9dff',
              time: s.equity.map((p) => p.ts),
              values: s.equity.map((p) => p.equity),
              format: 'number',
              precision: 2,
              baseline: 0,
            },
          ]
        : [],
    [s],
  )
  if (summary.status === 'error' && summary.error)
    return <ErrorBox error={summary.error} title="Summary failed" onRetry={loadSummary} compact />
  if (!s) return <div className="book-side muted">{summary.status === 'loading' ? 'Summarising…' : ''}</div>
  const stats: [string, string, string?][] = [
    ['Trades', formatCount(s.count)],
    ['Win rate', formatPercent(s.winRate)],
    ['Profit factor', s.profitFactor === null && s.wins > 0 && s.losses === 0 ? '∞' : formatNumber(s.profitFactor, 2)],
    ['Expectancy', formatNumber(s.expectancy, 2), (s.expectancy ?? 0) >= 0 ? 'pos' : 'neg'],
    ['Net P&L', formatNumber(s.netPnl, 2), s.netPnl >= 0 ? 'pos' : 'neg'],
    ['Fees', formatNumber(s.fees, 2)],
  ]
  return (
    <div className="book-side" data-testid="book-summary" data-count={s.count} style={{ opacity: summary.status === 'loading' ? 0.6 : 1 }}>
      <div className="book-stats">
        {stats.map(([label, value, cls]) => (
          <div key={label} className="book-stat">
            <div className="muted">{label}</div>
            <div className={`num ${cls ?? ''}`} data-testid={`stat-${label.toLowerCase().replace(/[^a-z]+/g, '-')}`}>
              {value}
            </div>
          </div>
        ))}
      </div>
      <div className="book-equity">
        {equity.length ? <SeriesChart series={equity} testId="book-equity" /> : <div className="muted">No closed trades.</div>}
      </div>
      <div className="book-breakdowns">
        <Breakdown title="By month" rows={s.byMonth.slice(-24)} />
        <Breakdown title="By instrument" rows={s.byInstrument} />
      </div>
    </div>
  )
}

function Breakdown({ title, rows }: { title: string; rows: { key: string; count: number; netPnl: number; winRate: number | null }[] }) {
  return (
    <table className="book-breakdown">
      <thead>
        <tr>
          <th>{title}</th>
          <th className="right">Trades</th>
          <th className="right">Win</th>
          <th className="right">Net P&L</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td>{r.key || '—'}</td>
            <td className="num right">{formatCount(r.count)}</td>
            <td className="num right">{formatPercent(r.winRate, 0)}</td>
            <td className={`num right ${r.netPnl >= 0 ? 'pos' : 'neg'}`}>{formatNumber(r.netPnl, 0)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
