import { useEffect } from 'react'
import { startAppInfo } from '../stores/app/actions'
import { useApp } from '../stores/app/state'
import { startPoolStatus } from '../stores/pool/actions'
import { Nav } from './Nav'
import { SampleImportBanner } from './SampleImportBanner'
import { screenEntry } from './screens'
import { StatusBar } from './StatusBar'

export function App() {
  const Current = screenEntry(useApp((s) => s.screen)).component
  useEffect(() => {
    const stops = [startAppInfo(), startPoolStatus()]
    return () => stops.forEach((stop) => stop())
  }, [])
  return (
    <div className="shell">
      <Nav />
      <main className="main" style={{ display: 'flex', flexDirection: 'column' }}>
        <SampleImportBanner />
        <div style={{ flex: 1, minHeight: 0 }}>
          <Current />
        </div>
      </main>
      <StatusBar />
    </div>
  )
}
