import { screenTitles } from '../app/Nav'
import type { Screen } from '../stores/app/state'

const plans: Record<Screen, string> = {
  data: '',
  alphas: 'Screen the 101 Formulaic Alphas and your own formulas over a universe, with factor tear sheets.',
  curves: 'Futures term-structure curves per date, overlays, spreads, roll yield and Nelson–Siegel factors.',
  backtests: 'Stop-loss / take-profit simulation sweeps and portfolio backtests on the native engine.',
  book: 'Every simulated and live trade, with filters, notes, exports and the live trading API.',
}

/** Screens whose issues are still open say what they will hold instead of showing fake data. */
export function PlannedScreen({ screen }: { screen: Screen }) {
  return (
    <div className="placeholder" data-testid={`screen-${screen}`}>
      <h1>{screenTitles[screen]}</h1>
      <p className="muted">{plans[screen]}</p>
      <p className="muted">Not built yet in this version.</p>
    </div>
  )
}
