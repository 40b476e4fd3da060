import { useEffect, useRef, useState } from 'react'
import type { Trade } from '../../../../electron/contract'
import { useChart } from '../../charts/useChart'
import { createTradeChart } from '../../charts/trade-chart'
import { ErrorBox } from '../../components/ErrorBox'
import { formatDateTime, formatNumber } from '../../components/format'
import { saveNote, saveTags, selectTrade, undoEdit } from '../../stores/book/actions'
import { useBook } from '../../stores/book/state'

/** The selected trade: its price chart with entry and exit marked, and its tags and note (saved at once). */
export function TradeDetail() {
  const chart = useBook((s) => s.chart)
  const lastEdit = useBook((s) => s.lastEdit)
  const editError = useBook((s) => s.editError)
  const trade = chart.data?.trade
  return (
    <div className="book-side book-detail" data-testid="trade-detail">
      <div className="book-detail-head">
        <b>{trade ? `Trade #${trade.id} · ${trade.instrument || '—'} · ${trade.direction}` : 'Trade'}</b>
        <span className="spacer" />
        {lastEdit && (
          <button onClick={() => void undoEdit()} data-testid="undo-edit" title={`Undo the last ${lastEdit.field} edit`}>
            Undo {lastEdit.field} edit
          </button>
        )}
        <button onClick={() => void selectTrade(null)} aria-label="Close trade">
          ✕
        </button>
      </div>
      {chart.status === 'error' && chart.error && <ErrorBox error={chart.error} title="Loading the trade failed" compact />}
      {trade && (
        <>
          <TradeFacts trade={trade} />
          {chart.data?.bars ? (
            <PriceChart trade={trade} />
          ) : (
            <div className="book-nochart muted">
              No price data for {trade.instrument || 'this trade'} around its dates (import its bars to see it on a chart).
            </div>
          )}
          {chart.data?.dataset && <div className="muted small">Prices: {chart.data.dataset}</div>}
          <TagsEditor trade={trade} />
          <NoteEditor trade={trade} />
          {editError && <ErrorBox error={editError} title="Saving failed" compact />}
        </>
      )}
    </div>
  )
}

function TradeFacts({ trade }: { trade: Trade }) {
  const facts: [string, string][] = [
    ['Entry', `${trade.entryTs === null ? '—' : formatDateTime(trade.entryTs)} @ ${formatNumber(trade.entryPrice, 4)}`],
    ['Exit', trade.active ? 'open' : `${trade.exitTs === null ? '—' : formatDateTime(trade.exitTs)} @ ${formatNumber(trade.exitPrice, 4)}`],
    ['Quantity', formatNumber(trade.quantity, Number.isInteger(trade.quantity) ? 0 : 2)],
    ['P&L net', formatNumber(trade.pnlNet, 2)],
    ['SL / TP', `${formatNumber(trade.stopLoss, 4)} / ${formatNumber(trade.takeProfit, 4)}`],
    ['Source', trade.source === 'live' ? `live ${trade.user}/${trade.alpha}` : trade.source === 'run' ? `run #${trade.runId}` : 'imported'],
  ]
  return (
    <dl className="book-facts">
      {facts.map(([k, v]) => (
        <div key={k}>
          <dt className="muted">{k}</dt>
          <dd className="num">{v}</dd>
        </div>
      ))}
    </dl>
  )
}

function PriceChart({ trade }: { trade: Trade }) {
  const ref = useRef<HTMLDivElement>(null)
  const chart = useChart(ref, createTradeChart)
  const bars = useBook((s) => s.chart.data?.bars)
  useEffect(() => {
    if (chart && bars) chart.show(bars, trade)
  }, [chart, bars, trade])
  return <div className="book-price-chart" ref={ref} data-testid="trade-chart" />
}

function TagsEditor({ trade }: { trade: Trade }) {
  const [draft, setDraft] = useState('')
  const add = () => {
    const tag = draft.trim()
    if (tag && !trade.tags.includes(tag)) void saveTags(trade, [...trade.tags, tag])
    setDraft('')
  }
  return (
    <div className="book-tags" data-testid="tags-editor">
      {trade.tags.map((t) => (
        <span key={t} className="book-tag">
          #{t}
          <button
            aria-label={`Remove tag ${t}`}
            onClick={() =>
              void saveTags(
                trade,
                trade.tags.filter((x) => x !== t),
              )
            }
          >
            ×
          </button>
        </span>
      ))}
      <input
        placeholder="Add a tag…"
        value={draft}
        maxLength={40}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && add()}
        data-testid="tag-input"
      />
    </div>
  )
}

function NoteEditor({ trade }: { trade: Trade }) {
  const [draft, setDraft] = useState(trade.note)
  // Another trade (or an undo) replaces the draft.
  // biome-ignore lint/correctness/useExhaustiveDependencies: trade.id resets the draft when switching trades with equal notes
  useEffect(() => setDraft(trade.note), [trade.id, trade.note])
  return (
    <textarea
      className="book-note"
      placeholder="Note (saved when you leave the field)"
      value={draft}
      maxLength={10_000}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => void saveNote(trade, draft)}
      data-testid="note-input"
    />
  )
}
