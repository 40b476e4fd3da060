import { useEffect, useRef, type ReactNode } from 'react'
import './components.css'

interface Props {
  title: ReactNode
  onClose: () => void
  /** When false, Esc and the backdrop do nothing (e.g. while a job runs). */
  closable?: boolean
  children: ReactNode
  footer?: ReactNode
  width?: number
  testId?: string
}

/** A modal overlay: Esc or the backdrop closes it, focus moves inside and comes back on close. */
export function Modal({ title, onClose, closable = true, children, footer, width = 880, testId }: Props) {
  const boxRef = useRef<HTMLDivElement>(null)
  const closeRef = useRef(onClose)
  closeRef.current = onClose
  const closableRef = useRef(closable)
  closableRef.current = closable

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null
    boxRef.current?.focus()
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && closableRef.current) {
        e.stopPropagation()
        closeRef.current()
      }
    }
    window.addEventListener('keydown', onKey, true)
    return () => {
      window.removeEventListener('keydown', onKey, true)
      previous?.focus?.()
    }
  }, [])

  return (
    <div
      className="modal-backdrop"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget && closable) onClose()
      }}
    >
      <div className="modal" role="dialog" aria-modal="true" tabIndex={-1} ref={boxRef} style={{ width }} data-testid={testId}>
        <header className="modal-head">
          <h2>{title}</h2>
          <button
            className="modal-close"
            onClick={onClose}
            disabled={!closable}
            aria-label="Close"
            title={closable ? 'Close (Esc)' : 'Busy'}
          >
            ×
          </button>
        </header>
        <div className="modal-body">{children}</div>
        {footer && <footer className="modal-foot">{footer}</footer>}
      </div>
    </div>
  )
}
