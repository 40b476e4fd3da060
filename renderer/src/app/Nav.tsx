import { navigate } from '../stores/app/actions'
import { useApp } from '../stores/app/state'
import { screens } from './screens'

export function Nav() {
  const current = useApp((s) => s.screen)
  return (
    <nav className="nav" aria-label="Screens">
      <div className="brand">
        alpha<span>desk</span>
      </div>
      {screens.map(({ id, title }) => (
        <button key={id} aria-current={id === current ? 'page' : undefined} onClick={() => navigate(id)} data-testid={`nav-${id}`}>
          {title}
        </button>
      ))}
    </nav>
  )
}
