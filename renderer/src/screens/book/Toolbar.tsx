import { useRef, useState } from 'react'
import { exportFormatNames, type ExportFormatName } from '../../../../electron/contract'
import { ErrorBox } from '../../components/ErrorBox'
import { formatCount } from '../../components/format'
import { cancelExport, clearChecked, exportTrades, importCsvFile, toggleColumn } from '../../stores/book/actions'
import { tradeColumns, useBook } from '../../stores/book/state'

/** Above the table: rows shown, the column chooser, import, export of the filter or the ticked rows with progress and cancel. */
export function Toolbar() {
  const total = useBook((s) => s.total)
  const queryMs = useBook((s) => s.lastQueryMs)
  const checked = useBook((s) => s.checked)
  const job = useBook((s) => s.exportJob)
  const importResult = useBook((s) => s.importResult)
  const importError = useBook((s) => s.importError)
  const [format, setFormat] = useState<ExportFormatName>('csv')
  const [chooser, setChooser] = useState(false)
  const file = useRef<HTMLInputElement>(null)
  const running = job?.state === 'running'
  return (
    <>
      <div className="book-toolbar">
        <span className="num" data-testid="book-total">
          {total === null ? 'Loading…' : `${formatCount(total)} ${total === 1 ? 'trade' : 'trades'}`}
        </span>
        {queryMs !== null && <span className="muted small">page in {queryMs.toFixed(0)} ms</span>}
        <span className="spacer" />
        <div className="book-chooser">
          <button onClick={() => setChooser(!chooser)} aria-expanded={chooser} data-testid="column-chooser">
            Columns
          </button>
          {chooser && <ColumnChooser />}
        </div>
        <input
          ref={file}
          type="file"
          accept=".csv,text/csv"
          hidden
          onChange={(e) => e.target.files?.[0] && void importCsvFile(e.target.files[0])}
          data-testid="import-file"
        />
        <button onClick={() => file.current?.click()}>Import CSV…</button>
        <select
          aria-label="Export format"
          value={format}
          onChange={(e) => setFormat(e.target.value as ExportFormatName)}
          data-testid="export-format"
        >
          {exportFormatNames.map((f) => (
            <option key={f} value={f}>
              {f.toUpperCase()}
            </option>
          ))}
        </select>
        <button
          className="primary"
          disabled={running || !total}
          onClick={() => void exportTrades(format, false)}
          data-testid="export-filter"
        >
          Export filter
        </button>
        <button disabled={running || checked.size === 0} onClick={() => void exportTrades(format, true)} data-testid="export-selection">
          Export {checked.size ? formatCount(checked.size) : ''} selected
        </button>
        {checked.size > 0 && <button onClick={clearChecked}>Clear selection</button>}
      </div>
      {job && (
        <div className="book-job" data-testid="export-job" data-state={job.state}>
          {job.state === 'running' && (
            <>
              <span>Exporting {job.format.toUpperCase()}…</span>
              <div className="progress">
                <div style={{ width: `${job.total ? (100 * job.done) / job.total : 0}%` }} />
              </div>
              <span className="num muted">
                {formatCount(job.done)} / {formatCount(job.total)}
              </span>
              <button onClick={cancelExport}>Cancel</button>
            </>
          )}
          {job.state === 'done' && job.result && (
            <span>
              Exported {formatCount(job.result.rows)} {job.result.rows === 1 ? 'trade' : 'trades'} ({formatBytes(job.result.bytes)}){' '}
              {job.result.path ? `to ${job.result.path}` : '— downloading'}
            </span>
          )}
          {(job.state === 'failed' || job.state === 'cancelled') && job.error && (
            <ErrorBox
              error={job.error}
              title={job.state === 'cancelled' ? 'Export cancelled' : 'Export failed'}
              tone={job.state === 'cancelled' ? 'warn' : 'error'}
              compact
            />
          )}
        </div>
      )}
      {importResult && (
        <div className="book-job" data-testid="import-result">
          Imported {formatCount(importResult.inserted)} trades from {importResult.file}.
        </div>
      )}
      {importError && <ErrorBox error={importError} title="Import failed (nothing was written)" compact />}
    </>
  )
}

const formatBytes = (n: number) =>
  n < 1024 ? `${n} bytes` : n < 2 ** 20 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 2 ** 20).toFixed(1)} MiB`

function ColumnChooser() {
  const columns = useBook((s) => s.columns)
  return (
    <div className="book-chooser-menu" data-testid="column-menu">
      {tradeColumns.map((c) => (
        <label key={c.key}>
          <input type="checkbox" checked={columns.includes(c.key)} onChange={() => toggleColumn(c.key)} /> {c.label}
        </label>
      ))}
    </div>
  )
}
