import { useEffect, useState } from 'react'
import type { ContractSpec } from '../../../../electron/contract'
import { resetSpec, saveSpec } from '../../stores/curves/actions'
import { useCurves } from '../../stores/curves/state'
import { ViewState } from './ViewState'

const numeric = ['tickSize', 'tickValue', 'pointValue', 'slippageTicks', 'commission'] as const
const text = ['name', 'exchange', 'currency', 'months'] as const

const ruleKinds = 'businessDaysBeforeDay, nthLastBusinessDay, nthWeekday, businessDaysBeforeNthWeekday, vix'

function SpecRow({ spec }: { spec: ContractSpec }) {
  const [draft, setDraft] = useState(spec)
  const [ruleText, setRuleText] = useState(JSON.stringify(spec.expiryRule))
  const [ruleError, setRuleError] = useState<string | null>(null)
  useEffect(() => {
    setDraft(spec)
    setRuleText(JSON.stringify(spec.expiryRule))
  }, [spec])
  const changed = JSON.stringify(draft) !== JSON.stringify(spec) || ruleText !== JSON.stringify(spec.expiryRule)
  const save = () => {
    try {
      setRuleError(null)
      void saveSpec({ ...draft, expiryRule: JSON.parse(ruleText) })
    } catch {
      setRuleError('the expiry rule is not valid JSON')
    }
  }
  return (
    <tr data-testid="spec-row" data-root={spec.root}>
      <td>
        <b>{spec.root}</b>
        {spec.edited && <span className="muted"> (edited)</span>}
      </td>
      {text.map((f) => (
        <td key={f}>
          <input value={draft[f]} onChange={(e) => setDraft({ ...draft, [f]: e.target.value })} className={f === 'name' ? 'wide' : ''} />
        </td>
      ))}
      {numeric.map((f) => (
        <td key={f}>
          <input
            type="number"
            step="any"
            value={draft[f]}
            onChange={(e) => setDraft({ ...draft, [f]: Number(e.target.value) })}
            data-testid={`spec-${f}`}
          />
        </td>
      ))}
      <td className="spec-rule">
        <div>{spec.expiryText}</div>
        <input
          className="rule"
          value={ruleText}
          onChange={(e) => setRuleText(e.target.value)}
          title={`Expiry rule as JSON; kinds: ${ruleKinds}`}
        />
        {ruleError && <div className="error-text">{ruleError}</div>}
      </td>
      <td>
        <button type="button" disabled={!changed} onClick={save} data-testid="spec-save">
          Save
        </button>
        {spec.edited && (
          <button type="button" onClick={() => void resetSpec(spec.root)} data-testid="spec-reset">
            Reset
          </button>
        )}
      </td>
    </tr>
  )
}

/** Contract specifications per root (shipped file + the user's edits), editable. */
export function SpecsView() {
  const specs = useCurves((s) => s.specs)
  const error = useCurves((s) => s.specError)
  if (!specs.data) return <ViewState loadable={specs} what="contract specs" />
  return (
    <div className="curves-view specs-view" data-testid="specs-view">
      {error && <div className="error-text">{error.message}</div>}
      <table className="specs-table">
        <thead>
          <tr>
            <th>root</th>
            <th>name</th>
            <th>exchange</th>
            <th>ccy</th>
            <th>months</th>
            <th>tick</th>
            <th>tick value</th>
            <th>point value</th>
            <th>slippage ticks</th>
            <th>commission</th>
            <th>expiry rule</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {specs.data.map((s) => (
            <SpecRow key={s.root} spec={s} />
          ))}
        </tbody>
      </table>
    </div>
  )
}
