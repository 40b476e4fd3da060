import { navigate } from '../stores/app/actions'
import { screens, useApp, type Screen } from '../stores/app/state'

export const screenTitles: Record<Screen, string> = {
  data: 'Data',
  alphas: 'Alphas',
  curves: 'Curves',
  backtests: 'Backtests',
  book: 'Trade book',
}

export function Nav() {
  const current = useApp((s) => s.screen)
  return (
    <nav className="nav" aria-label="Screens">
      <div className="brand">
        alpha<span>desk</span>
      </div>
      {screens.map((screen) => (
        <button
          key={screen}
          aria-current={screen === current ? 'page' : undefined}
          onClick={() => navigate(screen)}
          data-testid={`nav-${screen}`}
        >
          {screenTitles[screen]}
        </button>
      ))}
    </nav>
  )
}
