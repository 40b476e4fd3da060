import { useEffect, useState } from 'react'
import { signalGenerators, sltpUnits, tiePolicies } from '../../../../electron/contract'
import {
  chooseDataset,
  chooseInstrument,
  launch,
  previewGenerator,
  searchInstruments,
  setCost,
  setForm,
} from '../../stores/backtests/actions'
import { gridSize, specOf } from '../../stores/backtests/selectors'
import { type FormState, type SignalKind, useBacktests } from '../../stores/backtests/state'

const generatorLabels = { breakout: 'Channel breakout', 'ma-cross': 'Moving-average cross', reversal: 'N-bar reversal' } as const
const unitLabels = { ticks: 'ticks', price: 'price', pct: '% of entry', atr: '× ATR' } as const
const tieLabels = { stop: 'stop first (pessimistic)', target: 'target first', nearest: 'nearest to the open' } as const

function Levels({
  label,
  value,
  onChange,
  testId,
}: {
  label: string
  value: FormState['sl']
  onChange: (v: FormState['sl']) => void
  testId: string
}) {
  const n = gridSize(Number(value.from), Number(value.to), Number(value.step))
  return (
    <div className="bt-levels">
      <span className="bt-levels-label">{label}</span>
      {(['from', 'to', 'step'] as const).map((k) => (
        <input
          key={k}
          aria-label={`${label} ${k}`}
          value={value[k]}
          onChange={(e) => onChange({ ...value, [k]: e.target.value })}
          data-testid={`${testId}-${k}`}
        />
      ))}
      <span className="muted num small">{Number.isFinite(n) && n > 0 ? `${n} levels` : ''}</span>
    </div>
  )
}

/** Instrument, signals, SL/TP mode and grid, costs, options; Launch (several runs can queue). */
export function BacktestForm() {
  const form = useBacktests((s) => s.form)
  // Select the stored arrays themselves: a fresh `?? []` per call would re-render forever.
  const datasets = useBacktests((s) => s.datasets.data) ?? []
  const instruments = useBacktests((s) => s.instruments.data) ?? []
  const generatorText = useBacktests((s) => s.generatorText)
  const [launchError, setLaunchError] = useState<string | null>(null)
  const { generator, length, slow } = form
  useEffect(() => {
    void previewGenerator(generator, length, slow)
  }, [generator, length, slow])
  const { problem } = specOf(form)
  const sets =
    gridSize(Number(form.sl.from), Number(form.sl.to), Number(form.sl.step)) *
    gridSize(Number(form.tp.from), Number(form.tp.to), Number(form.tp.step))

  return (
    <form
      className="bt-form"
      data-testid="bt-form"
      onSubmit={(e) => {
        e.preventDefault()
        setLaunchError(null)
        launch().catch((err: Error) => setLaunchError(err.message))
      }}
    >
      <div className="bt-section">
        <div className="section-title">Instrument</div>
        <div className="field-row">
          <label htmlFor="bt-dataset">Dataset</label>
          <select
            id="bt-dataset"
            value={form.datasetId ?? ''}
            onChange={(e) => chooseDataset(Number(e.target.value))}
            data-testid="bt-dataset"
          >
            {datasets.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field-row">
          <label htmlFor="bt-search">Symbol</label>
          <input
            id="bt-search"
            placeholder="search…"
            value={form.search}
            onChange={(e) => void searchInstruments(e.target.value)}
            data-testid="bt-search"
          />
        </div>
        <div className="field-row">
          <span />
          <select
            aria-label="Instrument"
            value={form.instrument?.id ?? ''}
            onChange={(e) => {
              const inst = instruments.find((i) => i.id === Number(e.target.value))
              if (inst) void chooseInstrument(inst)
            }}
            data-testid="bt-instrument"
          >
            {form.instrument && !instruments.some((i) => i.id === form.instrument?.id) && (
              <option value={form.instrument.id}>{form.instrument.symbol}</option>
            )}
            {instruments.map((i) => (
              <option key={i.id} value={i.id}>
                {i.symbol}
                {i.name ? ` — ${i.name}` : ''} ({i.barCount.toLocaleString('en-US')} bars)
              </option>
            ))}
          </select>
        </div>
        <div className="field-row">
          <span className="field-label">Range</span>
          <div className="date-range">
            <input type="date" aria-label="From" value={form.from} onChange={(e) => setForm({ from: e.target.value })} />
            <span className="muted">–</span>
            <input type="date" aria-label="To" value={form.to} onChange={(e) => setForm({ to: e.target.value })} />
          </div>
        </div>
      </div>

      <div className="bt-section">
        <div className="section-title">Signals</div>
        <div className="btn-group">
          {(['generator', 'formula', 'csv'] as SignalKind[]).map((k) => (
            <button
              type="button"
              key={k}
              className={form.signalKind === k ? 'active' : ''}
              onClick={() => setForm({ signalKind: k })}
              data-testid={`bt-signals-${k}`}
            >
              {k === 'generator' ? 'Built-in' : k === 'formula' ? 'Formula' : 'CSV'}
            </button>
          ))}
        </div>
        {form.signalKind === 'generator' && (
          <>
            <div className="field-row">
              <label htmlFor="bt-generator">Rule</label>
              <select
                id="bt-generator"
                value={form.generator}
                onChange={(e) => setForm({ generator: e.target.value as FormState['generator'] })}
                data-testid="bt-generator"
              >
                {signalGenerators.map((g) => (
                  <option key={g} value={g}>
                    {generatorLabels[g]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field-row">
              <label htmlFor="bt-length">{form.generator === 'ma-cross' ? 'Fast / slow' : 'Bars'}</label>
              <div className="bt-pair">
                <input id="bt-length" value={form.length} onChange={(e) => setForm({ length: e.target.value })} data-testid="bt-length" />
                {form.generator === 'ma-cross' && (
                  <input aria-label="Slow" value={form.slow} onChange={(e) => setForm({ slow: e.target.value })} />
                )}
              </div>
            </div>
            {generatorText && (
              <div className="bt-generator-text muted small" data-testid="bt-generator-text">
                <div>
                  long: <code>{generatorText.long}</code>
                </div>
                <div>
                  short: <code>{generatorText.short}</code>
                </div>
              </div>
            )}
          </>
        )}
        {form.signalKind === 'formula' && (
          <>
            <label className="bt-formula">
              <span className="muted small">Long when</span>
              <textarea
                rows={2}
                spellCheck={false}
                value={form.long}
                onChange={(e) => setForm({ long: e.target.value })}
                data-testid="bt-long"
              />
            </label>
            <label className="bt-formula">
              <span className="muted small">Short when</span>
              <textarea
                rows={2}
                spellCheck={false}
                value={form.short}
                onChange={(e) => setForm({ short: e.target.value })}
                data-testid="bt-short"
              />
            </label>
          </>
        )}
        {form.signalKind === 'csv' && (
          <label className="bt-formula">
            <span className="muted small">A CSV of time,direction (ISO 8601 or unix seconds; 1 / -1 / long / short)</span>
            <input
              type="file"
              accept=".csv,text/csv,text/plain"
              data-testid="bt-csv"
              onChange={async (e) => {
                const file = e.target.files?.[0]
                if (file) setForm({ csvText: await file.text(), csvName: file.name })
              }}
            />
            {form.csvName && <span className="muted small">{form.csvName}</span>}
          </label>
        )}
        {form.signalKind !== 'csv' && (
          <label className="field-inline">
            <input type="checkbox" checked={form.edge} onChange={(e) => setForm({ edge: e.target.checked })} /> only where the condition
            becomes true
          </label>
        )}
        <div className="field-row">
          <label htmlFor="bt-direction">Direction</label>
          <select
            id="bt-direction"
            value={form.direction}
            onChange={(e) => setForm({ direction: e.target.value as FormState['direction'] })}
          >
            <option value="both">long and short</option>
            <option value="long">long only</option>
            <option value="short">short only</option>
          </select>
        </div>
      </div>

      <div className="bt-section">
        <div className="section-title">Stop-loss × take-profit</div>
        <div className="field-row">
          <label htmlFor="bt-unit">Unit</label>
          <div className="bt-pair">
            <select
              id="bt-unit"
              value={form.unit}
              onChange={(e) => setForm({ unit: e.target.value as FormState['unit'] })}
              data-testid="bt-unit"
            >
              {sltpUnits.map((u) => (
                <option key={u} value={u}>
                  {unitLabels[u]}
                </option>
              ))}
            </select>
            {form.unit === 'atr' && (
              <input
                aria-label="ATR period"
                title="ATR period (bars)"
                value={form.atrPeriod}
                onChange={(e) => setForm({ atrPeriod: e.target.value })}
              />
            )}
          </div>
        </div>
        <div className="bt-levels head muted small">
          <span />
          <span>from</span>
          <span>to</span>
          <span>step</span>
        </div>
        <Levels label="SL" value={form.sl} onChange={(sl) => setForm({ sl })} testId="bt-sl" />
        <Levels label="TP" value={form.tp} onChange={(tp) => setForm({ tp })} testId="bt-tp" />
      </div>

      <div className="bt-section">
        <div className="section-title">
          Costs <span className="section-count muted">{form.costsSource}</span>
        </div>
        <div className="bt-costs">
          {(
            [
              ['tickSize', 'tick size'],
              ['tickValue', 'tick value'],
              ['commission', 'commission / side'],
              ['slippageTicks', 'slippage ticks / side'],
            ] as const
          ).map(([k, label]) => (
            <label key={k}>
              <span className="muted small">{label}</span>
              <input value={form.costs[k]} onChange={(e) => setCost(k, e.target.value)} data-testid={`bt-cost-${k}`} />
            </label>
          ))}
        </div>
      </div>

      <div className="bt-section">
        <div className="section-title">Options</div>
        <div className="field-row">
          <label htmlFor="bt-tie">Same bar</label>
          <select id="bt-tie" value={form.tie} onChange={(e) => setForm({ tie: e.target.value as FormState['tie'] })} data-testid="bt-tie">
            {tiePolicies.map((t) => (
              <option key={t} value={t}>
                {tieLabels[t]}
              </option>
            ))}
          </select>
        </div>
        <div className="field-row">
          <label htmlFor="bt-maxhold">Max hold</label>
          <input
            id="bt-maxhold"
            placeholder="bars (empty: no limit)"
            value={form.maxHold}
            onChange={(e) => setForm({ maxHold: e.target.value })}
          />
        </div>
        <label className="field-inline">
          <input type="checkbox" checked={form.overlap} onChange={(e) => setForm({ overlap: e.target.checked })} data-testid="bt-overlap" />{' '}
          a new signal may open while a trade is open
        </label>
        <div className="field-row">
          <label htmlFor="bt-name">Name</label>
          <input id="bt-name" placeholder="(automatic)" value={form.name} onChange={(e) => setForm({ name: e.target.value })} />
        </div>
      </div>

      <div className="bt-launch">
        <button type="submit" className="primary" disabled={problem !== null} data-testid="bt-launch">
          Launch {Number.isFinite(sets) && sets > 0 ? `${sets.toLocaleString('en-US')} set${sets === 1 ? '' : 's'}` : ''}
        </button>
        {(problem ?? launchError) && <span className="bt-problem small">{problem ?? launchError}</span>}
      </div>
    </form>
  )
}
