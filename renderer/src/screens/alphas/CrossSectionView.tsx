import { useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import { type AlphaRun, lowCoverage } from '../../../../electron/contract'
import { ErrorBoundary } from '../../components/ErrorBoundary'
import { ErrorBox } from '../../components/ErrorBox'
import { Spinner, StatePanel } from '../../components/StatePanel'
import { formatCount, formatDate, formatFixed, formatSignificant } from '../../components/format'
import {
  compute,
  loadCross,
  moveInstrument,
  openInstrument,
  setDateIndex,
  setDateIso,
  setExtreme,
  setExtremeN,
  setFilter,
  sortBy,
  stepDate,
} from '../../stores/alphas/actions'
import { isRunGone, isoDate, okColumns, rankingKey, shortLabel, tableRows, type CrossRow } from '../../stores/alphas/selectors'
import { useAlphas, type Extreme } from '../../stores/alphas/state'
import { InstrumentChart } from './InstrumentChart'

const ROW_H = 26
const INDEX_W = 40
const SYMBOL_W = 74
const SECTOR_W = 176
const VALUE_W = 84
const RANK_W = 62
const GROUP_W = VALUE_W + RANK_W
const FIXED_W = INDEX_W + SYMBOL_W + SECTOR_W

/** The cross-section for one date: toolbar (date stepping, filter, top / bottom N), table, instrument chart. */
export function CrossSectionView({ run }: { run: AlphaRun }) {
  const instrument = useAlphas((s) => s.instrument)
  const ok = okColumns(run)
  if (!ok.length) {
    return (
      <StatePanel kind="empty" testId="cross-empty">
        No alpha in this run produced values (see the errors above). Choose other alphas or fix the formula, then compute again.
      </StatePanel>
    )
  }
  return (
    <div className="cross-view" data-testid="cross-view">
      <CrossToolbar run={run} />
      <div className={`cross-body${instrument ? ' split' : ''}`}>
        <CrossTable run={run} />
        {instrument && (
          <ErrorBoundary what="the instrument chart" resetKey={instrument.id}>
            <InstrumentChart run={run} />
          </ErrorBoundary>
        )}
      </div>
    </div>
  )
}

function CrossToolbar({ run }: { run: AlphaRun }) {
  const dateIndex = useAlphas((s) => s.dateIndex)
  const filter = useAlphas((s) => s.filter)
  const extreme = useAlphas((s) => s.extreme)
  const extremeN = useAlphas((s) => s.extremeN)
  const cross = useAlphas((s) => s.cross)
  const sort = useAlphas((s) => s.sort)
  const [nText, setNText] = useState(String(extremeN))
  useEffect(() => setNText(String(extremeN)), [extremeN])
  const n = run.dates.length
  const date = run.dates[dateIndex]
  const keys = cross.data?.keys ?? okColumns(run).map((a) => a.key)
  const by = rankingKey(keys, sort)
  const byName = run.alphas.find((a) => a.key === by)?.name ?? by

  return (
    <div className="cross-toolbar">
      <div className="date-stepper" role="group" aria-label="Date">
        <button onClick={() => stepDate(-1)} disabled={dateIndex <= 0} title="Previous date (← or [)" data-testid="cross-prev">
          ‹
        </button>
        <input
          type="date"
          value={isoDate(date)}
          min={isoDate(run.dates[0])}
          max={isoDate(run.dates[n - 1])}
          onChange={(e) => e.target.value && setDateIso(e.target.value)}
          aria-label="Cross-section date"
          data-testid="cross-date"
        />
        <button onClick={() => stepDate(1)} disabled={dateIndex >= n - 1} title="Next date (→ or ])" data-testid="cross-next">
          ›
        </button>
      </div>
      <input
        type="range"
        className="date-slider"
        min={0}
        max={Math.max(0, n - 1)}
        step={1}
        value={dateIndex}
        onChange={(e) => setDateIndex(Number(e.target.value))}
        aria-label="Date slider"
        data-testid="cross-date-slider"
        title={`${formatDate(run.dates[0])} → ${formatDate(run.dates[n - 1])}`}
      />
      <span className="date-position num muted" data-testid="cross-date-label" data-date={isoDate(date)}>
        {formatCount(dateIndex + 1)} / {formatCount(n)}
        {cross.status === 'loading' && <Spinner size={10} />}
      </span>
      <span className="toolbar-sep" />
      <input
        type="search"
        className="cross-filter"
        placeholder="Filter symbol, sector"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && filter) {
            e.stopPropagation()
            setFilter('')
          }
        }}
        aria-label="Filter rows by symbol or sector"
        data-testid="cross-filter"
        spellCheck={false}
      />
      <div className="btn-group" role="group" aria-label="Rows shown">
        {(['all', 'top', 'bottom'] as Extreme[]).map((e) => (
          <button
            key={e}
            className={extreme === e ? 'active' : ''}
            onClick={() => setExtreme(e)}
            data-testid={`cross-extreme-${e}`}
            title={e === 'all' ? 'Every row' : `The ${extremeN} ${e === 'top' ? 'highest' : 'lowest'} values of ${byName}`}
          >
            {e === 'all' ? 'All' : e === 'top' ? 'Top' : 'Bottom'}
          </button>
        ))}
      </div>
      <input
        type="number"
        className="extreme-n num"
        min={1}
        max={5000}
        value={nText}
        onChange={(e) => {
          setNText(e.target.value)
          const v = Number(e.target.value)
          if (Number.isInteger(v) && v >= 1) setExtremeN(v)
        }}
        aria-label="N for top / bottom"
        data-testid="cross-extreme-n"
        disabled={extreme === 'all'}
        title="How many rows top / bottom shows"
      />
      {extreme !== 'all' && (
        <span className="muted by-label" title={`Top / bottom by ${byName} (the sort column, or the first alpha)`}>
          by {by ? shortLabel(by, byName ?? by) : '—'}
        </span>
      )}
    </div>
  )
}

function CrossTable({ run }: { run: AlphaRun }) {
  const cross = useAlphas((s) => s.cross)
  const sort = useAlphas((s) => s.sort)
  const filter = useAlphas((s) => s.filter)
  const extreme = useAlphas((s) => s.extreme)
  const extremeN = useAlphas((s) => s.extremeN)
  const instrument = useAlphas((s) => s.instrument)
  const dateIndex = useAlphas((s) => s.dateIndex)
  const scrollRef = useRef<HTMLDivElement>(null)
  const data = cross.data && cross.data.runId === run.runId ? cross.data : null
  const rows = useMemo(() => tableRows(data, { filter, sort, extreme, n: extremeN }), [data, filter, sort, extreme, extremeN])
  const keys = data?.keys ?? []
  const names = useMemo(() => new Map(run.alphas.map((a) => [a.key, a])), [run])

  const rowV = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_H, overscan: 12 })
  const colV = useVirtualizer({
    horizontal: true,
    count: keys.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => GROUP_W,
    overscan: 3,
    paddingStart: FIXED_W,
  })
  const totalW = FIXED_W + keys.length * GROUP_W
  const vRows = rowV.getVirtualItems()
  const vCols = colV.getVirtualItems()

  // Keep the open instrument in view when the keyboard moves it.
  useEffect(() => {
    if (!instrument) return
    const at = rows.findIndex((r) => r.instrumentId === instrument.id)
    if (at >= 0) rowV.scrollToIndex(at, { align: 'auto' })
  }, [instrument, rows, rowV])

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return
    e.preventDefault()
    moveInstrument(
      rows.map((r) => ({ id: r.instrumentId, symbol: r.symbol, sector: r.sector })),
      e.key === 'ArrowDown' ? 1 : -1,
    )
  }

  // No rows to show, or rows of a run that is gone: the error takes the panel.
  if (cross.status === 'error' && (!data || isRunGone(cross.error))) {
    return (
      <div className="cross-table-wrap">
        <div className="panel-pad">
          <ErrorBox
            error={cross.error!}
            title={isRunGone(cross.error) ? 'This run is no longer available: Retry computes again' : 'Could not read the cross-section'}
            onRetry={() => void (isRunGone(cross.error) ? compute() : loadCross())}
            testId="cross-error-box"
          />
        </div>
      </div>
    )
  }
  if (!data) {
    return (
      <div className="cross-table-wrap">
        <StatePanel kind="loading">Reading the cross-section…</StatePanel>
      </div>
    )
  }

  const sortMark = (column: string) => (sort.column === column ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : '')
  const ariaSort = (column: string) => (sort.column === column ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none')

  return (
    <div className="cross-table-wrap">
      <div className="cross-count muted" data-testid="cross-count" data-rows={rows.length}>
        <span>
          {formatDate(data.date)} · {formatCount(rows.length)} of {formatCount(data.rows.length)} instruments
          {extreme !== 'all' ? ` (${extreme} ${extremeN})` : ''}
          {filter.trim() ? ` matching “${filter.trim()}”` : ''}
        </span>
        <span className="list-hint">click a row for its chart · ↑↓ instruments · ←→ or [ ] dates</span>
      </div>
      {cross.status === 'error' && cross.error && (
        <div className="cross-inline-error error-text" data-testid="cross-error">
          Could not read {formatDate(run.dates[dateIndex])}: {cross.error.message} <code>{cross.error.code}</code> — showing{' '}
          {formatDate(data.date)}.{' '}
          <button className="link-button" onClick={() => void loadCross()}>
            retry
          </button>
        </div>
      )}
      <div
        ref={scrollRef}
        className={`cross-table${cross.status === 'loading' ? ' stale' : ''}`}
        tabIndex={0}
        role="grid"
        aria-rowcount={rows.length}
        aria-label="Cross-section"
        onKeyDown={onKeyDown}
        data-testid="cross-table"
        data-date={isoDate(data.date)}
      >
        <div className="cross-head" style={{ width: totalW }} role="row">
          <div className="cross-fixed head" style={{ width: FIXED_W }}>
            <span className="cell idx" style={{ width: INDEX_W }}>
              #
            </span>
            <button
              className="cell head-cell"
              style={{ width: SYMBOL_W }}
              onClick={() => sortBy('symbol')}
              role="columnheader"
              aria-sort={ariaSort('symbol')}
              data-testid="cross-sort-symbol"
            >
              Symbol{sortMark('symbol')}
            </button>
            <button
              className="cell head-cell"
              style={{ width: SECTOR_W }}
              onClick={() => sortBy('sector')}
              role="columnheader"
              aria-sort={ariaSort('sector')}
              data-testid="cross-sort-sector"
            >
              Sector{sortMark('sector')}
            </button>
          </div>
          {vCols.map((v) => {
            const key = keys[v.index]
            const col = names.get(key)
            return (
              <button
                key={key}
                className={`group-head${sort.column === key ? ' sorted' : ''}${col && col.coverage < lowCoverage ? ' low-coverage' : ''}`}
                style={{ left: v.start, width: GROUP_W }}
                onClick={() => sortBy(key)}
                role="columnheader"
                aria-sort={ariaSort(key)}
                data-testid={`cross-sort-${key}`}
                title={`${col?.name ?? key}: ${col?.text ?? ''}${col?.diagnosis ? `\n${col.diagnosis.summary}` : ''}\nClick to sort (again to reverse)`}
              >
                <span className="group-name">
                  {col && col.coverage < lowCoverage && '⚠ '}
                  {shortLabel(key, col?.name ?? key)}
                  {sortMark(key)}
                </span>
                <span className="group-sub">
                  <span style={{ width: VALUE_W }}>value</span>
                  <span style={{ width: RANK_W }}>rank %</span>
                </span>
              </button>
            )
          })}
        </div>
        <div style={{ height: rowV.getTotalSize(), width: totalW, position: 'relative' }}>
          {rows.length === 0 && (
            <div className="cross-none muted" data-testid="cross-no-rows" style={{ width: 'min(100%, 520px)' }}>
              {filter.trim() ? `No instrument matches “${filter.trim()}”.` : 'No instrument has a value on this date.'}{' '}
              {filter.trim() && (
                <button className="link-button" onClick={() => setFilter('')}>
                  Clear the filter
                </button>
              )}
            </div>
          )}
          {vRows.map((v) => (
            <Row
              key={rows[v.index].instrumentId}
              row={rows[v.index]}
              index={v.index}
              selected={rows[v.index].instrumentId === instrument?.id}
              style={{ transform: `translateY(${v.start}px)`, width: totalW }}
              cols={vCols.map((c) => ({ i: c.index, start: c.start }))}
            />
          ))}
        </div>
      </div>
    </div>
  )
}

function Row({
  row,
  index,
  selected,
  style,
  cols,
}: {
  row: CrossRow
  index: number
  selected: boolean
  style: CSSProperties
  cols: { i: number; start: number }[]
}) {
  return (
    <div
      className={`cross-row${selected ? ' selected' : ''}`}
      style={style}
      role="row"
      aria-selected={selected}
      onClick={() => openInstrument({ id: row.instrumentId, symbol: row.symbol, sector: row.sector })}
      data-testid="cross-row"
      data-symbol={row.symbol}
    >
      <div className="cross-fixed" style={{ width: FIXED_W }}>
        <span className="cell idx num muted" style={{ width: INDEX_W }}>
          {index + 1}
        </span>
        <span className="cell sym num" style={{ width: SYMBOL_W }}>
          {row.symbol}
        </span>
        <span className="cell sector" style={{ width: SECTOR_W }} title={row.sector ?? ''}>
          {row.sector ?? '—'}
        </span>
      </div>
      {cols.map(({ i, start }) => {
        const v = row.values[i]
        const r = row.ranks[i]
        return (
          <div key={i} className="cross-group" style={{ left: start, width: GROUP_W }}>
            <span
              className={`cell val num${v === null ? ' muted' : v < 0 ? ' neg' : ''}`}
              style={{ width: VALUE_W }}
              data-testid="cross-value"
              data-col={i}
              data-value={v ?? ''}
            >
              {formatSignificant(v)}
            </span>
            <span className="cell rank num" style={{ width: RANK_W, ['--rank' as string]: r === null ? 0 : r }} data-rank={r ?? ''}>
              {r === null ? '—' : formatFixed(r * 100, 0)}
            </span>
          </div>
        )
      })}
    </div>
  )
}
