import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef } from 'react'
import { type TradeSortColumn, tradeSortColumns } from '../../../../electron/contract'
import { ErrorBox } from '../../components/ErrorBox'
import { PAGE_ROWS, ensureRows, reload, selectTrade, setSort, toggleChecked } from '../../stores/book/actions'
import { tradeColumns, useBook } from '../../stores/book/state'
import { cellText, isNumericColumn } from './cells'

const ROW_HEIGHT = 26
const sortable = new Set<string>(tradeSortColumns)

/** The trade table: a million rows scroll smoothly (only visible rows exist; pages come from SQL as they scroll into view). */
export function TradeTable() {
  const total = useBook((s) => s.total)
  const rows = useBook((s) => s.rows)
  const columnKeys = useBook((s) => s.columns)
  const sort = useBook((s) => s.sort)
  const selectedId = useBook((s) => s.selectedId)
  const checked = useBook((s) => s.checked)
  const version = useBook((s) => s.version)
  const pageError = useBook((s) => s.pageError)
  const liveFlash = useBook((s) => s.liveFlash)
  const parent = useRef<HTMLDivElement>(null)
  const columns = tradeColumns.filter((c) => columnKeys.includes(c.key))
  const width = 28 + columns.reduce((w, c) => w + c.width, 0)

  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => parent.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  })
  const items = virtualizer.getVirtualItems()

  useEffect(() => {
    if (total === null && version === 0) reload()
  }, [total, version])

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new query (version) scrolls back to the top
  useEffect(() => {
    parent.current?.scrollTo({ top: 0 })
  }, [version])

  // Rows scrolled into view that are not loaded yet: fetch their pages.
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? 0
  useEffect(() => {
    for (let i = first; i <= last; i += PAGE_ROWS) if (!rows.has(i)) void ensureRows(i)
    if (!rows.has(last)) void ensureRows(last)
  }, [first, last, rows])

  if (pageError) return <ErrorBox error={pageError} title="Loading trades failed" onRetry={reload} />

  return (
    <div className="book-table" ref={parent} data-testid="trade-table" data-total={total ?? ''}>
      <div className="book-table-head" style={{ width }}>
        <span className="book-check" />
        {columns.map((c) => {
          const canSort = sortable.has(c.key)
          const active = sort.column === c.key
          return (
            <button
              key={c.key}
              className={`book-th${isNumericColumn(c.key) ? ' right' : ''}${active ? ' active' : ''}`}
              style={{ width: c.width }}
              disabled={!canSort}
              onClick={() => canSort && setSort(c.key as TradeSortColumn)}
              data-testid={`th-${c.key}`}
            >
              {c.label}
              {active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
            </button>
          )
        })}
      </div>
      <div style={{ height: virtualizer.getTotalSize(), width, position: 'relative' }}>
        {items.map((item) => {
          const trade = rows.get(item.index)
          return (
            <div
              key={item.key}
              className={`book-row${trade && trade.id === selectedId ? ' selected' : ''}${trade && liveFlash.includes(trade.id) ? ' flash' : ''}`}
              style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
              onClick={() => trade && void selectTrade(trade.id)}
              data-testid={trade ? `trade-row-${trade.id}` : undefined}
            >
              <span className="book-check">
                {trade && (
                  <input
                    type="checkbox"
                    aria-label={`Select trade ${trade.id}`}
                    checked={checked.has(trade.id)}
                    onClick={(e) => e.stopPropagation()}
                    onChange={() => toggleChecked(trade.id)}
                  />
                )}
              </span>
              {columns.map((c) => {
                if (!trade) return <span key={c.key} className="book-td muted" style={{ width: c.width }} />
                const cell = cellText(trade, c.key)
                return (
                  <span
                    key={c.key}
                    className={`book-td${isNumericColumn(c.key) ? ' num right' : ''}${cell.className ? ` ${cell.className}` : ''}`}
                    style={{ width: c.width }}
                    title={cell.text}
                  >
                    {cell.text}
                  </span>
                )
              })}
            </div>
          )
        })}
      </div>
      {total === 0 && <div className="book-empty muted">No trades match this filter.</div>}
    </div>
  )
}
