import { useEffect } from 'react'
import { ErrorBoundary } from '../../components/ErrorBoundary'
import { loadRoots, setTab, step, stopPlay, togglePlay } from '../../stores/curves/actions'
import { curveTabs, useCurves, type CurveTab } from '../../stores/curves/state'
import { ContinuousView } from './ContinuousView'
import { CurveChart } from './CurveChart'
import { CurveToolbar } from './CurveToolbar'
import { DeviationView } from './DeviationView'
import { FactorsView } from './FactorsView'
import { PcaView } from './PcaView'
import { SpecsView } from './SpecsView'
import { SpreadsView } from './SpreadsView'
import { ViewState } from './ViewState'
import './curves.css'

const tabTitles: Record<CurveTab, string> = {
  deviation: 'Deviation',
  spreads: 'Spreads & carry',
  factors: 'Nelson–Siegel',
  pca: 'PCA',
  continuous: 'Continuous',
  specs: 'Contract specs',
}

const views: Record<CurveTab, () => React.JSX.Element> = {
  deviation: DeviationView,
  spreads: SpreadsView,
  factors: FactorsView,
  pca: PcaView,
  continuous: ContinuousView,
  specs: SpecsView,
}

/** Futures term structures: the curve of a date (scrub, play, overlay) above the analysis views. */
export function CurvesScreen() {
  const panel = useCurves((s) => s.panel)
  const tab = useCurves((s) => s.tab)
  const root = useCurves((s) => s.root)

  useEffect(() => {
    void loadRoots()
    return stopPlay
  }, [])

  // ← / → step through dates (shift: 20 at a time), space plays, wherever no input takes the key.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return
      if (t && t !== document.body && t.closest('input, select, textarea, [contenteditable=true]')) return
      if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
        e.preventDefault()
        step((e.key === 'ArrowLeft' ? -1 : 1) * (e.shiftKey ? 20 : 1))
      } else if (e.key === ' ') {
        e.preventDefault()
        togglePlay()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  const View = views[tab]
  return (
    <div className="curves-screen" data-testid="screen-curves" data-root={root ?? ''} data-state={panel.status}>
      <CurveToolbar />
      {panel.data ? (
        <>
          {panel.data.warnings.length > 0 && (
            <div className="curves-warnings muted" data-testid="curves-warnings">
              {panel.data.warnings.map((w) => `⚠ ${w.message}`).join(' · ')}
            </div>
          )}
          <ErrorBoundary what="the curve chart">
            <CurveChart />
          </ErrorBoundary>
          <div className="curves-tabs" role="tablist">
            {curveTabs.map((t) => (
              <button key={t} type="button" role="tab" aria-selected={t === tab} onClick={() => setTab(t)} data-testid={`curves-tab-${t}`}>
                {tabTitles[t]}
              </button>
            ))}
          </div>
          <ErrorBoundary what={tabTitles[tab]} resetKey={tab}>
            <View />
          </ErrorBoundary>
        </>
      ) : (
        <ViewState loadable={panel} what="the curves" />
      )}
    </div>
  )
}
