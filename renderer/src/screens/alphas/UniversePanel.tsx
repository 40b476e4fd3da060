import { useEffect, useRef, useState } from 'react'
import { ErrorBox } from '../../components/ErrorBox'
import { Spinner } from '../../components/StatePanel'
import { formatCount } from '../../components/format'
import { loadDatasets, loadSectors, resetRange, selectDataset, setRange, setSectors, toggleSector } from '../../stores/alphas/actions'
import { isoDate, rangeProblem, selectedDatasetOf, stockDatasets } from '../../stores/alphas/selectors'
import { setPolicy } from '../../stores/alphas/actions'
import { useAlphas } from '../../stores/alphas/state'
import { useApp } from '../../stores/app/state'

/** Universe: a stock dataset, its sectors (all by default), a date range (its whole span by default). */
export function UniversePanel() {
  const datasets = useAlphas((s) => s.datasets)
  const universe = useAlphas((s) => s.universe)
  const dataset = useAlphas(selectedDatasetOf)
  const sampleRunning = useApp((s) => s.sample?.state === 'running')
  const stocks = stockDatasets(datasets.data)
  const problem = rangeProblem(universe.from, universe.to, dataset)
  const whole = dataset && universe.from === isoDate(dataset.from) && universe.to === isoDate(dataset.to)

  return (
    <section className="setup-section" aria-label="Universe">
      <div className="section-title">Universe</div>
      {datasets.status === 'error' && !datasets.data ? (
        <ErrorBox error={datasets.error!} title="Could not list datasets" onRetry={() => void loadDatasets()} compact />
      ) : !datasets.data ? (
        <div className="muted setup-line">
          <Spinner size={10} /> Loading datasets…
        </div>
      ) : stocks.length === 0 ? (
        <div className="muted setup-line" data-testid="alphas-no-stocks">
          {sampleRunning
            ? 'The sample data is being imported; its stocks show up here when done.'
            : 'No stock datasets: import daily stock bars (Data screen → Import CSV) to screen alphas.'}
        </div>
      ) : (
        <>
          <div className="field-row">
            <label htmlFor="alphas-dataset">Dataset</label>
            <select
              id="alphas-dataset"
              value={universe.datasetId ?? ''}
              onChange={(e) => selectDataset(Number(e.target.value))}
              data-testid="alphas-dataset"
              title={dataset?.name}
            >
              {stocks.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name} ({formatCount(d.instrumentCount)})
                </option>
              ))}
            </select>
          </div>
          <div className="field-row">
            {/* biome-ignore lint/a11y/noLabelWithoutControl: captions the sector picker, a button that opens a list of checkboxes */}
            <label>Sectors</label>
            <SectorPicker />
          </div>
          <div className="field-row">
            <label htmlFor="alphas-from">Dates</label>
            <div className="date-range">
              <input
                id="alphas-from"
                type="date"
                value={universe.from}
                min={isoDate(dataset?.from)}
                max={isoDate(dataset?.to)}
                onChange={(e) => setRange({ from: e.target.value })}
                data-testid="alphas-from"
                aria-label="From date"
                className={problem ? 'invalid' : ''}
              />
              <span className="muted">→</span>
              <input
                type="date"
                value={universe.to}
                min={isoDate(dataset?.from)}
                max={isoDate(dataset?.to)}
                onChange={(e) => setRange({ to: e.target.value })}
                data-testid="alphas-to"
                aria-label="To date"
                className={problem ? 'invalid' : ''}
              />
            </div>
          </div>
          {(problem || !whole) && (
            <div className="field-note">
              {problem && (
                <span className="error-text" data-testid="alphas-range-problem">
                  {problem}{' '}
                </span>
              )}
              {!whole && (
                <button className="link-button" onClick={resetRange} data-testid="alphas-range-reset">
                  whole range
                </button>
              )}
            </div>
          )}
          <div className="field-row">
            <label htmlFor="alphas-policy" title="How windowed operators treat missing values">
              Missing
            </label>
            <select
              id="alphas-policy"
              value={universe.policy}
              onChange={(e) => setPolicy(e.target.value as 'strict' | 'lenient')}
              data-testid="alphas-policy"
            >
              <option value="strict">strict — a window needs every day (pandas)</option>
              <option value="lenient">lenient — half a window's days; constant window → corr 0</option>
            </select>
          </div>
        </>
      )}
    </section>
  )
}

/** A dropdown of the dataset's sectors with checkboxes; none checked = all. */
function SectorPicker() {
  const list = useAlphas((s) => s.sectorList)
  const chosen = useAlphas((s) => s.universe.sectors)
  const dataset = useAlphas(selectedDatasetOf)
  const [open, setOpen] = useState(false)
  const boxRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!open) return
    const onDown = (e: MouseEvent) => {
      if (!boxRef.current?.contains(e.target as Node)) setOpen(false)
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation()
        setOpen(false)
      }
    }
    window.addEventListener('mousedown', onDown)
    window.addEventListener('keydown', onKey, true)
    return () => {
      window.removeEventListener('mousedown', onDown)
      window.removeEventListener('keydown', onKey, true)
    }
  }, [open])

  if (list.status === 'error') {
    return (
      <span className="error-text field-inline" title={list.error?.message}>
        sectors unavailable ({list.error?.code}){' '}
        <button className="link-button" onClick={() => void loadSectors()}>
          retry
        </button>
      </span>
    )
  }
  const sectors = list.data ?? []
  const noSectors = list.status === 'ready' && sectors.length === 0
  const count = chosen.length
    ? sectors.filter((s) => chosen.includes(s.sector)).reduce((n, s) => n + s.count, 0)
    : (dataset?.instrumentCount ?? 0)
  const summary = noSectors
    ? 'no sector data (all stocks)'
    : chosen.length === 0
      ? `All sectors`
      : chosen.length === 1
        ? chosen[0]
        : `${chosen.length} sectors`

  return (
    <div className="sector-picker" ref={boxRef}>
      <button
        className="sector-button"
        onClick={() => setOpen(!open)}
        disabled={list.status !== 'ready' || noSectors}
        aria-haspopup="listbox"
        aria-expanded={open}
        data-testid="alphas-sectors"
        title={chosen.length ? chosen.join('\n') : 'Every stock in the dataset'}
      >
        <span className="sector-summary">{list.status === 'loading' ? 'Loading sectors…' : summary}</span>
        <span className="num muted">{formatCount(count)}</span>
        <span className="caret" aria-hidden>
          ▾
        </span>
      </button>
      {open && (
        <div className="sector-popover" role="listbox" aria-multiselectable="true" data-testid="alphas-sector-list">
          <div className="sector-actions">
            <button className="link-button" onClick={() => setSectors([])}>
              All (no filter)
            </button>
            <button className="link-button" onClick={() => setOpen(false)}>
              Done
            </button>
          </div>
          {sectors.map((s) => (
            <label key={s.sector} className="sector-option" data-testid="sector-option" data-sector={s.sector}>
              <input type="checkbox" checked={chosen.includes(s.sector)} onChange={() => toggleSector(s.sector)} />
              <span className="sector-name">{s.sector}</span>
              <span className="num muted">{s.count}</span>
            </label>
          ))}
        </div>
      )}
    </div>
  )
}
