import type { Dataset } from '../../../../electron/contract'
import { ErrorBox } from '../../components/ErrorBox'
import { StatePanel } from '../../components/StatePanel'
import { formatCompact, formatCount, formatDate } from '../../components/format'
import { openImport } from '../../stores/imports/actions'
import { useApp } from '../../stores/app/state'
import { loadDatasets, moveSelection, selectDataset, setRoot, setSearch, setSector } from '../../stores/market/actions'
import { groupKind, selectedDataset } from '../../stores/market/selectors'
import { useMarket } from '../../stores/market/state'
import { InstrumentList } from './InstrumentList'

const kindLabel: Record<Dataset['kind'], string> = { stocks: 'STK', futures: 'FUT', intraday: '1m' }

export function Sidebar() {
  return (
    <aside className="data-sidebar">
      <div className="sidebar-head">
        <span className="sidebar-title">Datasets</span>
        <button data-testid="import-button" onClick={openImport} title="Import your own CSV files">
          Import CSV…
        </button>
      </div>
      <DatasetPicker />
      <Filters />
      <InstrumentList />
      <DatasetSource />
    </aside>
  )
}

function DatasetPicker() {
  const datasets = useMarket((s) => s.datasets)
  const datasetId = useMarket((s) => s.datasetId)
  const sample = useApp((s) => s.sample)

  if (datasets.status === 'error' && !datasets.data) {
    return (
      <div className="sidebar-pad">
        <ErrorBox error={datasets.error!} title="Could not list datasets" onRetry={() => void loadDatasets()} compact />
      </div>
    )
  }
  if (!datasets.data) return <StatePanel kind="loading">Loading datasets…</StatePanel>
  if (datasets.data.length === 0) {
    const importing = sample && (sample.state === 'running' || sample.state === 'idle')
    return (
      <div className="sidebar-pad muted" data-testid="no-datasets">
        {importing ? 'The sample data is being imported; it shows up here when done.' : 'No datasets yet. Import CSV files to start.'}
      </div>
    )
  }
  return (
    <div className="dataset-list" role="tablist" aria-label="Datasets">
      {datasets.data.map((d) => (
        <button
          key={d.id}
          role="tab"
          aria-selected={d.id === datasetId}
          className={`dataset-option${d.id === datasetId ? ' active' : ''}`}
          onClick={() => d.id !== datasetId && selectDataset(d.id)}
          data-testid="dataset-option"
          data-dataset-key={d.key}
          title={`${d.name}\n${formatCount(d.instrumentCount)} instruments · ${formatCount(d.barCount)} bars\n${formatDate(d.from)} → ${formatDate(d.to)}`}
        >
          <span className={`kind-badge kind-${d.kind}`}>{kindLabel[d.kind]}</span>
          <span className="dataset-name">{d.name}</span>
          <span className="dataset-counts num muted">
            <span className="dataset-count">{formatCount(d.instrumentCount)}</span>{' '}
            {d.kind === 'futures' ? 'contracts' : d.instrumentCount === 1 ? 'instrument' : 'instruments'} · {formatCompact(d.barCount)} bars
          </span>
        </button>
      ))}
    </div>
  )
}

function Filters() {
  const dataset = useMarket(selectedDataset)
  const search = useMarket((s) => s.search)
  const sector = useMarket((s) => s.sector)
  const root = useMarket((s) => s.root)
  const groups = useMarket((s) => s.groups)
  const kind = groupKind(dataset)
  if (!dataset) return null
  const total = groups.data?.reduce((n, g) => n + g.count, 0) || dataset.instrumentCount
  // A user import without sectors has nothing to filter by.
  const noSectors = kind === 'sector' && groups.status === 'ready' && !groups.data?.length

  return (
    <div className="filters">
      <div className="search-box">
        <input
          type="search"
          placeholder={dataset.kind === 'futures' ? 'Search contracts (e.g. VXF24, CL)' : 'Search symbol or name'}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault()
              moveSelection(e.key === 'ArrowDown' ? 1 : -1)
            } else if (e.key === 'Escape' && search) {
              e.stopPropagation()
              setSearch('')
            }
          }}
          aria-label="Search instruments"
          data-testid="instrument-search"
          spellCheck={false}
        />
      </div>
      {kind === 'sector' && !noSectors && (
        <select
          value={sector ?? ''}
          onChange={(e) => setSector(e.target.value || null)}
          aria-label="Sector"
          data-testid="sector-filter"
          disabled={groups.status !== 'ready'}
        >
          <option value="">
            {groups.status === 'loading'
              ? 'Loading sectors…'
              : groups.status === 'error'
                ? 'Sectors unavailable'
                : `All sectors (${formatCount(total)})`}
          </option>
          {groups.data?.map((g) => (
            <option key={g.key} value={g.key}>
              {g.key} ({g.count})
            </option>
          ))}
        </select>
      )}
      {kind === 'root' && groups.data && groups.data.length > 0 && (
        <div className="root-chips" role="group" aria-label="Contract root" data-testid="root-filter">
          <button className={root === null ? 'chip active' : 'chip'} onClick={() => setRoot(null)} data-root="">
            All <span className="num muted">{total}</span>
          </button>
          {groups.data.map((g) => (
            <button
              key={g.key}
              className={root === g.key ? 'chip active' : 'chip'}
              onClick={() => setRoot(root === g.key ? null : g.key)}
              data-root={g.key}
            >
              {g.key} <span className="num muted">{g.count}</span>
            </button>
          ))}
        </div>
      )}
      {groups.status === 'error' && (
        <div className="filter-error error-text">
          Filters unavailable: {groups.error?.message} ({groups.error?.code})
        </div>
      )}
    </div>
  )
}

function DatasetSource() {
  const dataset = useMarket(selectedDataset)
  if (!dataset?.source) return null
  return (
    <div className="dataset-source muted" title={dataset.source}>
      Source: {dataset.source}
    </div>
  )
}
