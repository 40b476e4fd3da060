import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import type { AlphaFormula, ErrorData } from '../../../../electron/contract'
import { ErrorBox } from '../../components/ErrorBox'
import { Modal } from '../../components/Modal'
import { Spinner } from '../../components/StatePanel'
import {
  clearSelected,
  deleteFormula,
  editFormula,
  focusKey,
  loadLibrary,
  selectKeys,
  setSearch,
  toggleKey,
} from '../../stores/alphas/actions'
import { filterFormulas } from '../../stores/alphas/selectors'
import { useAlphas } from '../../stores/alphas/state'

/** Searchable list of the 101 alphas and the saved formulas, with checkboxes; the focused one shown in full. */
export function AlphaPicker() {
  const library = useAlphas((s) => s.library)
  const selected = useAlphas((s) => s.selected)
  const search = useAlphas((s) => s.search)
  const focusedKey = useAlphas((s) => s.focusedKey)
  const [confirm, setConfirm] = useState<AlphaFormula | null>(null)
  const listRef = useRef<HTMLDivElement>(null)

  const formulas = library.data?.formulas
  const shown = useMemo(() => filterFormulas(formulas ?? [], search), [formulas, search])
  const user = shown.filter((f) => f.source === 'user')
  const paper = shown.filter((f) => f.source === 'paper')
  const ordered = useMemo(() => [...user, ...paper], [user, paper])
  const chosen = useMemo(() => new Set(selected), [selected])
  const allShownChosen = shown.length > 0 && shown.every((f) => chosen.has(f.key))
  const focused = formulas?.find((f) => f.key === focusedKey) ?? null

  // Keep the focused row in view when the keyboard moves it.
  useEffect(() => {
    if (!focusedKey) return
    listRef.current?.querySelector(`[data-key="${CSS.escape(focusedKey)}"]`)?.scrollIntoView({ block: 'nearest' })
  }, [focusedKey])

  const onKeyDown = (e: KeyboardEvent) => {
    if (!ordered.length) return
    const at = ordered.findIndex((f) => f.key === focusedKey)
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      const next = at < 0 ? 0 : Math.max(0, Math.min(ordered.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))
      focusKey(ordered[next].key)
    } else if ((e.key === ' ' || e.key === 'Enter') && at >= 0) {
      e.preventDefault()
      toggleKey(ordered[at].key)
    }
  }

  return (
    <section className="setup-section alpha-picker" aria-label="Alphas">
      <div className="section-title">
        Alphas
        <span className="section-count num" data-testid="alphas-selected-count">
          {selected.length} selected
        </span>
      </div>
      <div className="picker-tools">
        <input
          type="search"
          placeholder="Search: 12, rank, vwap, correlation…"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault()
              listRef.current?.focus()
              if (ordered.length && !ordered.some((f) => f.key === focusedKey)) focusKey(ordered[0].key)
            } else if (e.key === 'Escape' && search) {
              e.stopPropagation()
              setSearch('')
            }
          }}
          aria-label="Search alphas"
          data-testid="alphas-search"
          spellCheck={false}
        />
        <button
          onClick={() =>
            selectKeys(
              shown.map((f) => f.key),
              !allShownChosen,
            )
          }
          disabled={!shown.length}
          data-testid="alphas-select-all"
          title={search ? 'Select (or unselect) every formula the search shows' : 'Select (or unselect) every formula'}
        >
          {allShownChosen ? 'Unselect' : 'Select'} {search ? `${shown.length} shown` : 'all'}
        </button>
        <button onClick={clearSelected} disabled={!selected.length} data-testid="alphas-clear">
          Clear
        </button>
      </div>
      {library.status === 'error' && !library.data ? (
        <div className="picker-state">
          <ErrorBox error={library.error!} title="Could not load the formula library" onRetry={() => void loadLibrary()} compact />
        </div>
      ) : !library.data ? (
        <div className="picker-state muted">
          <Spinner size={10} /> Loading the 101 formulas…
        </div>
      ) : (
        <div
          className="alpha-list"
          ref={listRef}
          tabIndex={0}
          role="listbox"
          aria-multiselectable="true"
          aria-label="Alpha formulas"
          aria-activedescendant={focusedKey ? `alpha-opt-${focusedKey}` : undefined}
          onKeyDown={onKeyDown}
          data-testid="alphas-list"
        >
          {shown.length === 0 && (
            <div className="picker-state muted" data-testid="alphas-no-match">
              No formula matches “{search.trim()}”.{' '}
              <button className="link-button" onClick={() => setSearch('')}>
                Clear the search
              </button>
            </div>
          )}
          {user.length > 0 && <div className="alpha-group">Saved formulas</div>}
          {user.map((f) => (
            <AlphaRow key={f.key} formula={f} checked={chosen.has(f.key)} focused={f.key === focusedKey} onDelete={() => setConfirm(f)} />
          ))}
          {paper.length > 0 && user.length > 0 && <div className="alpha-group">101 Formulaic Alphas</div>}
          {paper.map((f) => (
            <AlphaRow key={f.key} formula={f} checked={chosen.has(f.key)} focused={f.key === focusedKey} />
          ))}
        </div>
      )}
      <FocusedFormula formula={focused} citation={library.data?.citation} />
      {confirm && <DeleteDialog formula={confirm} onClose={() => setConfirm(null)} />}
    </section>
  )
}

function AlphaRow({
  formula,
  checked,
  focused,
  onDelete,
}: {
  formula: AlphaFormula
  checked: boolean
  focused: boolean
  onDelete?: () => void
}) {
  const needsCap = formula.fields.includes('cap')
  return (
    <div
      id={`alpha-opt-${formula.key}`}
      role="option"
      aria-selected={checked}
      className={`alpha-row${focused ? ' focused' : ''}${checked ? ' checked' : ''}`}
      onClick={() => focusKey(formula.key)}
      data-testid="alpha-option"
      data-key={formula.key}
      title={`${formula.name}: ${formula.text}`}
    >
      <input
        type="checkbox"
        checked={checked}
        onChange={() => toggleKey(formula.key)}
        onClick={(e) => e.stopPropagation()}
        aria-label={`Compute ${formula.name}`}
        data-testid="alpha-check"
        tabIndex={-1}
      />
      <span className="alpha-name num">{formula.source === 'paper' ? formula.name.replace('Alpha', '') : formula.name}</span>
      <span className="alpha-text num">{formula.text}</span>
      {needsCap && (
        <span className="alpha-flag" title="Reads market cap (cap); datasets without it cannot compute this alpha">
          cap
        </span>
      )}
      {onDelete && (
        <button
          className="row-delete"
          onClick={(e) => {
            e.stopPropagation()
            onDelete()
          }}
          title={`Delete ${formula.name}`}
          aria-label={`Delete ${formula.name}`}
          data-testid="formula-delete"
        >
          ×
        </button>
      )}
    </div>
  )
}

function FocusedFormula({ formula, citation }: { formula: AlphaFormula | null; citation?: string }) {
  if (!formula) return <div className="focused-formula muted">Click a formula to see it in full.</div>
  return (
    <div className="focused-formula" data-testid="alphas-focused-formula" data-key={formula.key}>
      <div className="focused-head">
        <b>{formula.name}</b>
        {formula.fields.length > 0 && <span className="muted focused-fields">reads {formula.fields.join(', ')}</span>}
        <button
          className="link-button"
          onClick={() => editFormula(formula.text, formula.source === 'paper' ? `${formula.name} variant` : formula.name)}
          title="Copy this formula into the editor below to make a variant"
          data-testid="formula-edit-copy"
        >
          edit a copy
        </button>
      </div>
      <code className="focused-text" title={formula.source === 'paper' ? citation : undefined}>
        {formula.text}
      </code>
    </div>
  )
}

function DeleteDialog({ formula, onClose }: { formula: AlphaFormula; onClose: () => void }) {
  const [error, setError] = useState<ErrorData | null>(null)
  const [busy, setBusy] = useState(false)
  return (
    <Modal
      title={`Delete “${formula.name}”?`}
      onClose={onClose}
      closable={!busy}
      width={520}
      testId="formula-delete-dialog"
      footer={
        <>
          <button onClick={onClose} disabled={busy}>
            Keep it
          </button>
          <button
            className="primary danger"
            disabled={busy}
            data-testid="formula-delete-confirm"
            onClick={async () => {
              setBusy(true)
              const err = await deleteFormula(formula.key)
              setBusy(false)
              if (err) setError(err)
              else onClose()
            }}
          >
            Delete
          </button>
        </>
      }
    >
      <code className="focused-text">{formula.text}</code>
      <p className="muted">Runs already computed keep their values; the formula leaves the list.</p>
      {error && <ErrorBox error={error} title="Could not delete the formula" compact />}
    </Modal>
  )
}
