import { useEffect, useMemo, useRef, type CSSProperties, type KeyboardEvent } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { Dataset, Instrument } from '../../../../electron/contract'
import { ErrorBox } from '../../components/ErrorBox'
import { Spinner, StatePanel } from '../../components/StatePanel'
import { formatCount, formatDate } from '../../components/format'
import { loadInstruments, moveSelection, selectInstrument, selectLast, setRoot, setSearch, setSector } from '../../stores/market/actions'
import { hasMoreInstruments, selectedDataset } from '../../stores/market/selectors'
import { useMarket } from '../../stores/market/state'

type Row = { type: 'header'; root: string; count: number } | { type: 'item'; item: Instrument; index: number }

const ITEM_HEIGHT = 42
const HEADER_HEIGHT = 26

/** Futures listed without a root filter get a header per root. */
function buildRows(items: Instrument[], grouped: boolean): Row[] {
  if (!grouped) return items.map((item, index) => ({ type: 'item', item, index }))
  const counts = new Map<string, number>()
  for (const i of items) counts.set(i.root ?? '—', (counts.get(i.root ?? '—') ?? 0) + 1)
  const rows: Row[] = []
  let last: string | null = null
  items.forEach((item, index) => {
    const root = item.root ?? '—'
    if (root !== last) {
      rows.push({ type: 'header', root, count: counts.get(root) ?? 0 })
      last = root
    }
    rows.push({ type: 'item', item, index })
  })
  return rows
}

export function InstrumentList() {
  const dataset = useMarket(selectedDataset)
  const page = useMarket((s) => s.instruments)
  const selectedId = useMarket((s) => s.selectedId)
  const search = useMarket((s) => s.search)
  const sector = useMarket((s) => s.sector)
  const root = useMarket((s) => s.root)
  const hasMore = useMarket(hasMoreInstruments)
  const parentRef = useRef<HTMLDivElement>(null)

  const grouped = dataset?.kind === 'futures' && root === null && new Set(page.items.map((i) => i.root)).size > 1
  const rows = useMemo(() => buildRows(page.items, grouped), [page.items, grouped])

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parentRef.current,
    estimateSize: (i) => (rows[i]?.type === 'header' ? HEADER_HEIGHT : ITEM_HEIGHT),
    overscan: 12,
  })
  const virtualItems = virtualizer.getVirtualItems()

  // Keep the selected row in view when the keyboard moves it.
  useEffect(() => {
    if (selectedId === null) return
    const at = rows.findIndex((r) => r.type === 'item' && r.item.id === selectedId)
    if (at >= 0) virtualizer.scrollToIndex(at, { align: 'auto' })
  }, [selectedId, rows, virtualizer])

  // Near the end of the loaded rows: fetch the next page.
  const lastVisible = virtualItems.length ? virtualItems[virtualItems.length - 1].index : -1
  useEffect(() => {
    if (hasMore && lastVisible >= rows.length - 15) void loadInstruments({ append: true })
  }, [hasMore, lastVisible, rows.length])

  const visibleRows = Math.max(1, Math.floor((parentRef.current?.clientHeight ?? 400) / ITEM_HEIGHT) - 1)
  const onKeyDown = (e: KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: visibleRows,
      PageUp: -visibleRows,
      Home: -Infinity,
      End: Infinity,
    }
    const delta = moves[e.key]
    if (delta === undefined) return
    e.preventDefault()
    if (delta === Infinity) void selectLast()
    else moveSelection(Number.isFinite(delta) ? delta : -page.items.length)
  }

  if (!dataset) return <div className="instrument-list-wrap" />
  const filtered = Boolean(search.trim() || sector || root)

  return (
    <div className="instrument-list-wrap">
      <div className="list-count" data-testid="instrument-count">
        {page.status === 'loading' ? (
          <>
            <Spinner size={10} /> Searching…
          </>
        ) : page.status === 'ready' ? (
          filtered ? (
            `${formatCount(page.total)} of ${formatCount(dataset.instrumentCount)} match`
          ) : (
            `${formatCount(page.total)} ${dataset.kind === 'futures' ? 'contract' : 'instrument'}${page.total === 1 ? '' : 's'}`
          )
        ) : (
          '\u00a0'
        )}
        <span className="list-hint muted">↑↓ to move</span>
      </div>
      {page.status === 'error' && page.items.length === 0 ? (
        <div className="sidebar-pad">
          <ErrorBox error={page.error!} title="Could not list instruments" onRetry={() => void loadInstruments()} compact />
        </div>
      ) : page.status === 'loading' && page.items.length === 0 ? (
        <StatePanel kind="loading">Loading instruments…</StatePanel>
      ) : page.status === 'ready' && page.items.length === 0 ? (
        <div className="state-panel empty" data-testid="instrument-empty">
          <div>
            No instruments match{search.trim() ? ` “${search.trim()}”` : ''}
            {sector ? ` in ${sector}` : ''}
            {root ? ` in ${root}` : ''}.
            <div style={{ marginTop: 8 }}>
              <button
                onClick={() => {
                  setSearch('')
                  if (sector) setSector(null)
                  if (root) setRoot(null)
                }}
              >
                Clear filters
              </button>
            </div>
          </div>
        </div>
      ) : (
        <div
          ref={parentRef}
          className={`instrument-list${page.status === 'loading' ? ' stale' : ''}`}
          tabIndex={0}
          role="listbox"
          aria-label="Instruments"
          aria-activedescendant={selectedId !== null ? `instrument-${selectedId}` : undefined}
          onKeyDown={onKeyDown}
          data-testid="instrument-list"
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualItems.map((v) => {
              const row = rows[v.index]
              const style = {
                position: 'absolute' as const,
                top: 0,
                left: 0,
                right: 0,
                height: v.size,
                transform: `translateY(${v.start}px)`,
              }
              if (row.type === 'header') {
                return (
                  <div key={`h-${row.root}`} className="group-header" style={style}>
                    <span>{row.root}</span>
                    <span className="num muted">{row.count} contracts</span>
                  </div>
                )
              }
              return (
                <InstrumentRow key={row.item.id} item={row.item} dataset={dataset} selected={row.item.id === selectedId} style={style} />
              )
            })}
          </div>
          {page.loadingMore && (
            <div className="list-more muted">
              <Spinner size={10} /> Loading more…
            </div>
          )}
        </div>
      )}
    </div>
  )
}

function InstrumentRow({
  item,
  dataset,
  selected,
  style,
}: {
  item: Instrument
  dataset: Dataset
  selected: boolean
  style: CSSProperties
}) {
  let sub: string
  let side: string
  if (dataset.kind === 'futures' || item.expiry) {
    sub = item.expiry ? `exp ${item.expiry}` : (item.name ?? '')
    side = item.from !== null ? `${formatDate(item.from).slice(0, 7)} → ${formatDate(item.to).slice(0, 7)}` : ''
  } else if (dataset.kind === 'stocks') {
    const range = item.from !== null ? `${formatDate(item.from)} → ${formatDate(item.to)}` : ''
    sub = item.name ?? range
    side = item.sector ?? (item.name ? range.slice(0, 7) : '')
  } else {
    sub = item.name ?? ''
    side = item.from !== null ? `${formatDate(item.from)} → ${formatDate(item.to).slice(5)}` : ''
  }
  return (
    <div
      id={`instrument-${item.id}`}
      role="option"
      aria-selected={selected}
      className={`instrument-row${selected ? ' selected' : ''}`}
      style={style}
      onClick={() => selectInstrument(item)}
      data-testid="instrument-row"
      data-symbol={item.symbol}
      title={[item.symbol, item.name, item.sector, item.industry, item.expiry && `expiry ${item.expiry}`].filter(Boolean).join(' · ')}
    >
      <span className="row-symbol num">{item.symbol}</span>
      <span className="row-bars num muted">{formatCount(item.barCount)}</span>
      <span className="row-sub">{sub}</span>
      <span className="row-side muted">{side}</span>
    </div>
  )
}
