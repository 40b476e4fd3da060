import type { Loadable } from '../../stores/loadable'

/** What a view shows before its data is there: loading, the error, or nothing yet. */
export function ViewState({ loadable, what }: { loadable: Loadable<unknown>; what: string }) {
  if (loadable.status === 'error') {
    return (
      <div className="curves-empty error-text" data-testid="curves-view-error">
        Cannot compute {what}: {loadable.error?.message}
      </div>
    )
  }
  return <div className="curves-empty muted">{loadable.status === 'loading' ? `Computing ${what}…` : `No ${what} yet.`}</div>
}
