import { useEffect, useRef } from 'react'
import { ErrorBoundary } from '../../components/ErrorBoundary'
import { useApp } from '../../stores/app/state'
import { loadDatasets, moveSelection } from '../../stores/market/actions'
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

  // Up/down move the selection from anywhere on the screen that does not take arrow keys itself.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return
      if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.defaultPrevented || useImports.getState().open) return
      const t = e.target as HTMLElement | null
      if (t && t !== document.body && t.closest('input, select, textarea, [role=listbox], [contenteditable=true]')) return
      e.preventDefault()
      moveSelection(e.key === 'ArrowDown' ? 1 : -1)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
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
