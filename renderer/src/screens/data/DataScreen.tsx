import { useEffect, useRef } from 'react'
import { ErrorBoundary } from '../../components/ErrorBoundary'
import { useApp } from '../../stores/app/state'
import { loadDatasets } from '../../stores/market/actions'
import { useMarket } from '../../stores/market/state'
import { useImports } from '../../stores/imports/state'
import { ImportDialog } from '../import/ImportDialog'
import { Sidebar } from './Sidebar'
import { InstrumentView } from './InstrumentView'
import './data.css'

/** Datasets and instruments on the left; the selected instrument's header, stats and chart on the right. */
export function DataScreen() {
  const importOpen = useImports((s) => s.open)
  const selectedId = useMarket((s) => s.selectedId)
  const sampleState = useApp((s) => s.sample?.state)
  // Refresh on every visit (keeps the current selection): datasets may have been imported meanwhile.
  useEffect(() => {
    void loadDatasets()
  }, [])

  // First run: the sample data lands while this screen is open; list it once it is in.
  const prevSample = useRef(sampleState)
  useEffect(() => {
    if (prevSample.current && prevSample.current !== 'done' && sampleState === 'done') void loadDatasets()
    prevSample.current = sampleState
  }, [sampleState])

  return (
    <div className="data-screen" data-testid="screen-data">
      <ErrorBoundary what="the instrument list">
        <Sidebar />
      </ErrorBoundary>
      <ErrorBoundary what="the instrument" resetKey={selectedId}>
        <InstrumentView />
      </ErrorBoundary>
      {importOpen && (
        <ErrorBoundary what="the import dialog">
          <ImportDialog />
        </ErrorBoundary>
      )}
    </div>
  )
}
