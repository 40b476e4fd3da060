import { useEffect } from 'react'
import { startAppInfo } from '../stores/app/actions'
import { useApp } from '../stores/app/state'
import { startEngineStatus } from '../stores/engine/actions'
import { AlphasScreen } from '../screens/alphas/AlphasScreen'
import { BookScreen } from '../screens/book/BookScreen'
import { DataScreen } from '../screens/data/DataScreen'
import { PlannedScreen } from '../screens/PlannedScreen'
import { Nav } from './Nav'
import { SampleImportBanner } from './SampleImportBanner'
import { StatusBar } from './StatusBar'

export function App() {
  const screen = useApp((s) => s.screen)
  useEffect(() => {
    const stops = [startAppInfo(), startEngineStatus()]
    return () => stops.forEach((stop) => stop())
  }, [])
  return (
    <div className="shell">
      <Nav />
      <main className="main" style={{ display: 'flex', flexDirection: 'column' }}>
        <SampleImportBanner />
        <div style={{ flex: 1, minHeight: 0 }}>
          {screen === 'data' ? <DataScreen /> : screen === 'alphas' ? <AlphasScreen /> : screen === 'book' ? <BookScreen /> : <PlannedScreen screen={screen} />}
        </div>
      </main>
      <StatusBar />
    </div>
  )
}
