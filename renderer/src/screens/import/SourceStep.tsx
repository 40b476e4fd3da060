import { useRef, useState } from 'react'
import { csvKinds, type CsvKind } from '../../../../electron/contract'
import { canPickPath, pickCsvPath } from '../../api/pick-path'
import { formatBytes, formatCount } from '../../components/format'
import { addFiles, clearFiles, goToPreview, removeFile, setKind, setPath, setSourceMode } from '../../stores/imports/actions'
import { useImports } from '../../stores/imports/state'

const kindText: Record<CsvKind, { title: string; hint: string }> = {
  ohlcv: { title: 'OHLCV bars', hint: 'date, open, high, low, close, volume per symbol — one long file or one file per symbol' },
  futures: { title: 'Futures contracts', hint: 'date, contract, expiry, settle (OHLC optional) per contract' },
}

export function SourceStep() {
  const kind = useImports((s) => s.kind)
  const mode = useImports((s) => s.sourceMode)
  return (
    <div className="source-step">
      <fieldset className="kind-picker">
        <legend>What the files hold</legend>
        {csvKinds.map((k) => (
          <label key={k} className={`kind-option${kind === k ? ' active' : ''}`}>
            <input
              type="radio"
              name="csv-kind"
              value={k}
              checked={kind === k}
              onChange={() => setKind(k)}
              data-testid={`import-kind-${k}`}
            />
            <span>
              <b>{kindText[k].title}</b>
              <span className="muted">{kindText[k].hint}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <div className="source-tabs" role="tablist">
        <button
          role="tab"
          aria-selected={mode === 'files'}
          className={mode === 'files' ? 'active' : ''}
          onClick={() => setSourceMode('files')}
        >
          Files from this computer
        </button>
        <button
          role="tab"
          aria-selected={mode === 'path'}
          className={mode === 'path' ? 'active' : ''}
          onClick={() => setSourceMode('path')}
          data-testid="import-mode-path"
        >
          Path on the backend machine
        </button>
      </div>
      {mode === 'files' ? <FilePicker /> : <PathInput />}
    </div>
  )
}

function FilePicker() {
  const files = useImports((s) => s.files)
  const reading = useImports((s) => s.reading)
  const readError = useImports((s) => s.readError)
  const fileInput = useRef<HTMLInputElement>(null)
  const [dragging, setDragging] = useState(false)
  const totalBytes = files.reduce((n, f) => n + f.size, 0)

  return (
    <div className="file-picker">
      <div
        className={`drop-zone${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault()
          setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault()
          setDragging(false)
          if (e.dataTransfer.files.length) void addFiles(e.dataTransfer.files)
        }}
      >
        <div>Drop CSV files here, or</div>
        <div className="picker-buttons">
          <button onClick={() => fileInput.current?.click()}>Choose files…</button>
          <label className="button-like">
            Choose a folder…
            <input
              type="file"
              multiple
              className="visually-hidden"
              ref={(el) => {
                if (el) el.webkitdirectory = true
              }}
              onChange={(e) => {
                if (e.target.files?.length) void addFiles(e.target.files, { fromFolder: true })
                e.target.value = ''
              }}
              data-testid="import-folder-input"
            />
          </label>
        </div>
        <div className="muted small">
          Files are read in this browser and sent to the backend. .csv (and .csv.gz dropped or from a folder).
        </div>
        <input
          ref={fileInput}
          type="file"
          multiple
          accept=".csv,text/csv"
          className="visually-hidden"
          onChange={(e) => {
            if (e.target.files?.length) void addFiles(e.target.files)
            e.target.value = ''
          }}
          data-testid="import-file-input"
        />
      </div>

      {reading && (
        <div className="read-progress" role="status" data-testid="import-reading">
          <span>
            Reading {reading.file} — {formatBytes(reading.bytesDone)} of {formatBytes(reading.bytesTotal)}
            {reading.filesTotal > 1 ? ` (${reading.filesDone + 1}/${reading.filesTotal} files)` : ''}
          </span>
          <div className="progress">
            <div style={{ width: `${reading.bytesTotal ? (100 * reading.bytesDone) / reading.bytesTotal : 0}%` }} />
          </div>
        </div>
      )}
      {readError && <div className="error-text">Could not read the files: {readError}</div>}

      {files.length > 0 && (
        <div className="file-list" data-testid="import-file-list">
          <div className="file-list-head">
            <span>
              {formatCount(files.length)} file{files.length > 1 ? 's' : ''} · {formatBytes(totalBytes)}
            </span>
            <button className="link-button" onClick={clearFiles}>
              Clear
            </button>
          </div>
          <ul>
            {files.slice(0, 200).map((f, i) => (
              <li key={f.name}>
                <span className="num">{f.name}</span>
                <span className="muted num">{formatBytes(f.size)}</span>
                <button className="link-button" onClick={() => removeFile(i)} aria-label={`Remove ${f.name}`}>
                  ×
                </button>
              </li>
            ))}
            {files.length > 200 && <li className="muted">… and {formatCount(files.length - 200)} more</li>}
          </ul>
        </div>
      )}
    </div>
  )
}

function PathInput() {
  const path = useImports((s) => s.path)
  const dialog = canPickPath()
  const pick = async (kind: 'file' | 'folder') => {
    const picked = await pickCsvPath(kind)
    if (picked) setPath(picked)
  }
  return (
    <div className="path-input">
      <label htmlFor="import-path">A CSV file or a folder of per-symbol CSV files, as the backend machine sees it</label>
      {dialog && (
        <div className="picker-buttons">
          <button onClick={() => void pick('file')}>Choose a file…</button>
          <button onClick={() => void pick('folder')}>Choose a folder…</button>
        </div>
      )}
      <input
        id="import-path"
        type="text"
        className="num"
        placeholder="/data/prices/sp500_daily.csv  or  /data/prices/per_symbol/"
        value={path}
        onChange={(e) => setPath(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && path.trim() && void goToPreview()}
        spellCheck={false}
        data-testid="import-path-input"
      />
      <div className="muted small">
        {dialog
          ? 'Only a file or folder chosen with the buttons above can be read.'
          : 'The path is read on the backend machine, nothing is uploaded, and only inside its import folder (alphadesk serve --import-dir; default <data dir>/imports); a relative path is taken from there.'}
      </div>
    </div>
  )
}
