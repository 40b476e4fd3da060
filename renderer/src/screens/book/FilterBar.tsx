import { useState } from 'react'
import type { TradeFilter } from '../../../../electron/contract'
import { clearFilter, setFilter } from '../../stores/book/actions'
import { useBook } from '../../stores/book/state'

const toTs = (day: string, end = false) => (day ? Date.parse(`${day}T00:00:00Z`) / 1000 + (end ? 86_399 : 0) : undefined)
const toDay = (ts: number | undefined) => (ts === undefined ? '' : new Date(ts * 1000).toISOString().slice(0, 10))
const toNum = (s: string) => (s.trim() === '' || !Number.isFinite(Number(s)) ? undefined : Number(s))

/** The table's filters; each change queries SQL again (text and numbers on Enter or blur). */
export function FilterBar() {
  const filter = useBook((s) => s.filter)
  const facets = useBook((s) => s.facets)
  const [text, setText] = useState(filter.text ?? '')
  const one = (v: string) => (v ? [v] : undefined)
  const apply = (patch: Partial<TradeFilter>) => setFilter(patch)
  return (
    <div className="book-filters" data-testid="book-filters">
      <select
        aria-label="Instrument"
        value={filter.instruments?.[0] ?? ''}
        onChange={(e) => apply({ instruments: one(e.target.value) })}
        data-testid="filter-instrument"
      >
        <option value="">All instruments</option>
        {facets.instruments.map((i) => (
          <option key={i} value={i}>
            {i || '(none)'}
          </option>
        ))}
      </select>
      <select
        aria-label="Source"
        value={filter.sources?.[0] ?? ''}
        onChange={(e) => apply({ sources: one(e.target.value) as TradeFilter['sources'] })}
      >
        <option value="">All sources</option>
        <option value="run">Backtest runs</option>
        <option value="live">Live</option>
        <option value="import">Imported</option>
      </select>
      {facets.runs.length > 0 && (
        <select
          aria-label="Run"
          value={filter.runIds?.[0] ?? ''}
          onChange={(e) => apply({ runIds: e.target.value ? [Number(e.target.value)] : undefined })}
        >
          <option value="">All runs</option>
          {facets.runs.map((r) => (
            <option key={r.id} value={r.id}>
              #{r.id} {r.name}
            </option>
          ))}
        </select>
      )}
      <select
        aria-label="Direction"
        value={filter.direction ?? ''}
        onChange={(e) => apply({ direction: (e.target.value || undefined) as TradeFilter['direction'] })}
        data-testid="filter-direction"
      >
        <option value="">Long & short</option>
        <option value="long">Long</option>
        <option value="short">Short</option>
      </select>
      <label className="book-field">
        From <input type="date" value={toDay(filter.from)} onChange={(e) => apply({ from: toTs(e.target.value) })} />
      </label>
      <label className="book-field">
        To{' '}
        <input
          type="date"
          value={toDay(filter.to === undefined ? undefined : filter.to - 86_399)}
          onChange={(e) => apply({ to: toTs(e.target.value, true) })}
        />
      </label>
      <input
        className="book-num-input"
        aria-label="Minimum net P&L"
        placeholder="P&L ≥"
        defaultValue={filter.pnlMin ?? ''}
        onBlur={(e) => apply({ pnlMin: toNum(e.target.value) })}
        onKeyDown={(e) => e.key === 'Enter' && apply({ pnlMin: toNum(e.currentTarget.value) })}
        data-testid="filter-pnl-min"
      />
      <input
        className="book-num-input"
        aria-label="Maximum net P&L"
        placeholder="P&L ≤"
        defaultValue={filter.pnlMax ?? ''}
        onBlur={(e) => apply({ pnlMax: toNum(e.target.value) })}
        onKeyDown={(e) => e.key === 'Enter' && apply({ pnlMax: toNum(e.currentTarget.value) })}
      />
      <select aria-label="Exit reason" value={filter.exitReasons?.[0] ?? ''} onChange={(e) => apply({ exitReasons: one(e.target.value) })}>
        <option value="">Any exit</option>
        {facets.exitReasons.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <select
        aria-label="Tag"
        value={filter.tag ?? ''}
        onChange={(e) => apply({ tag: e.target.value || undefined })}
        data-testid="filter-tag"
      >
        <option value="">Any tag</option>
        {facets.tags.map((t) => (
          <option key={t} value={t}>
            #{t}
          </option>
        ))}
      </select>
      <input
        aria-label="Search notes"
        placeholder="Search notes…"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && apply({ text: text.trim() || undefined })}
        onBlur={() => (text.trim() || undefined) !== filter.text && apply({ text: text.trim() || undefined })}
        data-testid="filter-text"
      />
      <button
        onClick={() => {
          setText('')
          clearFilter()
        }}
        disabled={Object.keys(filter).length === 0}
      >
        Clear
      </button>
    </div>
  )
}
