import { useMemo } from 'react'
import { csvFields, dateFormats, type CsvField, type CsvIssue, type DateFormat } from '../../../../electron/contract'
import { ErrorBox } from '../../components/ErrorBox'
import { Spinner } from '../../components/StatePanel'
import { formatCount } from '../../components/format'
import { issueLocation } from '../../components/issues'
import { runPreview, setColumnField, setDatasetName, setDateFormat, setDelimiter } from '../../stores/imports/actions'
import { fieldsByColumn } from '../../stores/imports/selectors'
import { delimiters, useImports, type Delimiter } from '../../stores/imports/state'

const delimiterNames: Record<string, string> = { ',': 'comma  ,', ';': 'semicolon  ;', '\t': 'tab', '|': 'pipe  |' }
const fieldLabels: Record<CsvField, string> = {
  date: 'date',
  time: 'time',
  symbol: 'symbol',
  open: 'open',
  high: 'high',
  low: 'low',
  close: 'close',
  volume: 'volume',
  settle: 'settle',
  openInterest: 'open interest',
  expiry: 'expiry',
  root: 'root',
}

export function PreviewStep() {
  const preview = useImports((s) => s.preview)
  const mapping = useImports((s) => s.mapping)
  const dateFormat = useImports((s) => s.dateFormat)
  const delimiter = useImports((s) => s.delimiter)
  const datasetName = useImports((s) => s.datasetName)
  const kind = useImports((s) => s.kind)
  const p = preview.data
  const byColumn = useMemo(() => fieldsByColumn(mapping), [mapping])

  // Cells named by an issue in the first file (sample row i is line i + 2, after the header).
  const flagged = useMemo(() => {
    const m = new Map<string, 'error' | 'warning'>()
    if (!p?.files[0]) return m
    const first = p.files[0].name
    const mark = (list: CsvIssue[], level: 'error' | 'warning') =>
      list.forEach((i) => {
        if (i.file === first && i.line > 1 && i.column !== undefined && !m.has(`${i.line}:${i.column}`))
          m.set(`${i.line}:${i.column}`, level)
      })
    mark(p.errors, 'error')
    mark(p.warnings, 'warning')
    return m
  }, [p])

  if (preview.status === 'error' && preview.error) {
    return (
      <div className="preview-step" data-testid="import-preview" data-state="error">
        <ErrorBox error={preview.error} title="The preview failed" onRetry={() => void runPreview()} testId="import-error" />
      </div>
    )
  }
  if (!p) {
    return (
      <div className="preview-step state-panel" data-testid="import-preview" data-state="loading">
        <Spinner /> Reading the files on the backend and detecting the format…
      </div>
    )
  }

  const mappedSymbol = byColumn.size > 0 && [...byColumn.values()].includes('symbol')
  return (
    <div
      className={`preview-step${preview.status === 'loading' ? ' refreshing' : ''}`}
      data-testid="import-preview"
      data-state={preview.status}
    >
      <div className="preview-summary">
        <div className="summary-item">
          <span className="muted">Files</span>
          <b className="num">{formatCount(p.files.length)}</b>
        </div>
        <div className="summary-item">
          <span className="muted">Rows</span>
          <b className="num" data-testid="import-row-count">
            {formatCount(p.rowCount)}
          </b>
        </div>
        <div className="summary-item">
          <span className="muted">{kind === 'futures' ? 'Contracts' : 'Symbols'}</span>
          <b className="num" data-testid="import-symbol-count">
            {formatCount(p.symbols)}
          </b>
        </div>
        <label className="summary-item">
          <span className="muted">Delimiter</span>
          <select
            value={delimiter ?? ''}
            onChange={(e) => setDelimiter((e.target.value || undefined) as Delimiter | undefined)}
            data-testid="import-delimiter"
          >
            <option value="">auto ({delimiterNames[p.delimiter] ?? JSON.stringify(p.delimiter)})</option>
            {delimiters.map((d) => (
              <option key={d} value={d}>
                {delimiterNames[d]}
              </option>
            ))}
          </select>
        </label>
        <label className="summary-item">
          <span className="muted">Date format</span>
          <select value={dateFormat} onChange={(e) => setDateFormat(e.target.value as DateFormat)} data-testid="import-date-format">
            {dateFormats.map((f) => (
              <option key={f} value={f}>
                {f === 'auto' ? `auto (${p.dateFormat})` : f}
              </option>
            ))}
          </select>
        </label>
        {preview.status === 'loading' && (
          <span className="muted">
            <Spinner size={10} /> updating…
          </span>
        )}
      </div>

      {p.files.length > 1 && (
        <div className="preview-files muted">
          {p.files.slice(0, 8).map((f) => (
            <span key={f.name} className="num">
              {f.name} ({formatCount(f.rows)})
            </span>
          ))}
          {p.files.length > 8 && <span>… {formatCount(p.files.length - 8)} more</span>}
        </div>
      )}

      <div className="mapping-note muted">
        Map each column to a field; unmapped columns are ignored.
        {!mappedSymbol && ' No symbol column: each file name is the symbol.'} The sample shows the first rows of{' '}
        {p.files[0]?.name ?? 'the file'}.
      </div>
      <div className="sample-wrap">
        <table className="sample-table num" data-testid="import-sample">
          <thead>
            <tr>
              <th className="rownum">line</th>
              {p.header.map((h, c) => (
                <th key={c} className={byColumn.has(c) ? '' : 'ignored'}>
                  <div className="col-name" title={h}>
                    {h || `column ${c + 1}`}
                  </div>
                  <select
                    value={byColumn.get(c) ?? ''}
                    onChange={(e) => setColumnField(c, (e.target.value || null) as CsvField | null)}
                    aria-label={`Field for column ${h || c + 1}`}
                    data-testid="import-mapping-select"
                    data-column={c}
                  >
                    <option value="">ignore</option>
                    {csvFields.map((f) => (
                      <option key={f} value={f}>
                        {fieldLabels[f]}
                      </option>
                    ))}
                  </select>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {p.sample.map((row, r) => (
              <tr key={r}>
                <td className="rownum muted">{r + 2}</td>
                {p.header.map((_, c) => {
                  const flag = flagged.get(`${r + 2}:${c + 1}`)
                  return (
                    <td key={c} className={`${byColumn.has(c) ? '' : 'ignored'} ${flag ?? ''}`}>
                      {row[c] ?? ''}
                    </td>
                  )
                })}
              </tr>
            ))}
            {p.sample.length === 0 && (
              <tr>
                <td colSpan={p.header.length + 1} className="muted">
                  No data rows.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>

      <Issues errors={p.errors} warnings={p.warnings} />

      <div className="dataset-name-row">
        <label htmlFor="import-dataset-name">Dataset name</label>
        <input
          id="import-dataset-name"
          type="text"
          value={datasetName}
          maxLength={100}
          onChange={(e) => setDatasetName(e.target.value)}
          placeholder="e.g. My universe 2020–2024"
          data-testid="import-dataset-name"
        />
      </div>
    </div>
  )
}

function Issues({ errors, warnings }: { errors: CsvIssue[]; warnings: CsvIssue[] }) {
  if (!errors.length && !warnings.length) {
    return (
      <div className="issues ok" data-testid="import-issues">
        No problems found in the preview.
      </div>
    )
  }
  return (
    <div className="issues" data-testid="import-issues">
      {errors.length > 0 && (
        <div className="issues-head error-text">
          {errors.length === 1
            ? '1 error — the import is blocked until it is fixed'
            : `${errors.length} errors — the import is blocked until they are fixed`}
        </div>
      )}
      {warnings.length > 0 && (
        <div className="issues-head warn-text">
          {warnings.length} warning{warnings.length > 1 ? 's' : ''}
        </div>
      )}
      <ul className="issue-list">
        {errors.map((i, k) => (
          <li key={`e${k}`} className="issue error" data-testid="import-issue-error">
            <span className="issue-where num">{issueLocation(i)}</span>
            <span>{i.message}</span>
          </li>
        ))}
        {warnings.map((i, k) => (
          <li key={`w${k}`} className="issue warning" data-testid="import-issue-warning">
            <span className="issue-where num">{issueLocation(i)}</span>
            <span>{i.message}</span>
          </li>
        ))}
      </ul>
    </div>
  )
}
