import { useEffect } from 'react'
import { loadFacets, setTab, startBookEvents } from '../../stores/book/actions'
import { type BookTab, useBook } from '../../stores/book/state'
import { FilterBar } from './FilterBar'
import { ApiSettingsView, CalendarView, OpenTradesView, RunsView } from './LiveViews'
import { SummaryPanel } from './SummaryPanel'
import { Toolbar } from './Toolbar'
import { TradeDetail } from './TradeDetail'
import { TradeTable } from './TradeTable'
import './book.css'

const tabs: [BookTab, string][] = [
  ['trades', 'Trades'],
  ['runs', 'Runs'],
  ['open', 'Open trades (live)'],
  ['calendar', 'Calendar'],
  ['settings', 'Live API'],
]

/** The trade book: every simulated, imported and live trade; filter, read, annotate, export; live trades as they arrive. */
export function BookScreen() {
  const tab = useBook((s) => s.tab)
  const selected = useBook((s) => s.selectedId)
  useEffect(() => {
    void loadFacets()
    setTab(useBook.getState().tab)
    return startBookEvents()
  }, [])
  return (
    <div className="book" data-testid="book-screen">
      <div className="book-tabs" role="tablist">
        {tabs.map(([key, label]) => (
          <button key={key} role="tab" aria-selected={tab === key} onClick={() => setTab(key)} data-testid={`book-tab-${key}`}>
            {label}
          </button>
        ))}
      </div>
      {tab === 'trades' && (
        <>
          <FilterBar />
          <Toolbar />
          <div className="book-main">
            <TradeTable />
            {selected === null ? <SummaryPanel /> : <TradeDetail />}
          </div>
        </>
      )}
      {tab === 'runs' && <RunsView />}
      {tab === 'open' && <OpenTradesView />}
      {tab === 'calendar' && <CalendarView />}
      {tab === 'settings' && <ApiSettingsView />}
    </div>
  )
}
