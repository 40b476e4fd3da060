import type { ReactNode } from 'react'
import './components.css'

/** A placeholder for a panel with nothing to show yet: loading, empty, or a hint. Never a blank panel. */
export function StatePanel({ kind, children, testId }: { kind: 'loading' | 'empty'; children: ReactNode; testId?: string }) {
  return (
    <div className={`state-panel ${kind}`} data-testid={testId} role={kind === 'loading' ? 'status' : undefined}>
      {kind === 'loading' && <span className="spinner" aria-hidden />}
      <div>{children}</div>
    </div>
  )
}

export function Spinner({ size = 12 }: { size?: number }) {
  return <span className="spinner" style={{ width: size, height: size }} aria-hidden />
}
