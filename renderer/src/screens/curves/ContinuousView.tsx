import { useMemo, useRef } from 'react'
import { adjustments, rollRules } from '../../../../electron/contract'
import { SeriesChart } from '../../charts/SeriesChart'
import type { SeriesSpec } from '../../charts/series'
import { buildContinuous, openSavedOnDataScreen, saveContinuous, setContinuousConfig } from '../../stores/curves/actions'
import { useCurves } from '../../stores/curves/state'
import { ExportButtons } from './ExportButtons'
import { ViewState } from './ViewState'

const ruleNames = { days: 'N days before expiry', volume: 'volume crossover', openInterest: 'open-interest crossover' }

/** Continuous contract builder: roll rule, adjustment, the series with its roll dates; saved as an instrument of the dataset. */
export function ContinuousView() {
  const box = useRef<HTMLDivElement>(null)
  const cont = useCurves((s) => s.continuous)
  const c = useCurves((s) => s.continuousConfig)
  const saved = useCurves((s) => s.saved)
  const root = useCurves((s) => s.root)
  const data = cont.data

  const specs = useMemo<SeriesSpec[]>(() => {
    if (!data) return []
    const gap = new Array<number | null>(data.dates.length).fill(null)
    const at = new Map(data.dates.map((t, i) => [t, i]))
    for (const r of data.rolls) {
      const i = at.get(r.date)
      if (i !== undefined) gap[i] = r.oldPrice !== null && r.newPrice !== null ? r.newPrice - r.oldPrice : 0
    }
    return [
      {
        id: 'adjusted',
        label: `${c.adjust === 'none' ? 'continuous' : `${c.adjust}-adjusted`}`,
        kind: 'line',
        color: '#4f9dff',
        time: data.dates,
        values: data.adjusted,
        precision: 2,
      },
      ...(c.adjust === 'none'
        ? []
        : [
            {
              id: 'raw',
              label: 'unadjusted',
              kind: 'line' as const,
              color: '#8a93a0',
              time: data.dates,
              values: data.raw,
              precision: 2,
              lineWidth: 1 as const,
            },
          ]),
      {
        id: 'rolls',
        label: 'roll gap (new − old)',
        kind: 'histogram',
        color: '#f5b942',
        negativeColor: '#9c7cff',
        time: data.dates,
        values: gap,
        pane: 1,
        precision: 2,
      },
    ]
  }, [data, c.adjust])

  return (
    <div className="curves-view" ref={box} data-testid="continuous-view">
      <div className="curves-view-head wrap">
        <select value={c.rule} onChange={(e) => setContinuousConfig({ rule: e.target.value as typeof c.rule })} data-testid="cont-rule">
          {rollRules.map((r) => (
            <option key={r} value={r}>
              roll on {ruleNames[r]}
            </option>
          ))}
        </select>
        {c.rule === 'days' && (
          <label>
            N{' '}
            <input
              type="number"
              min={0}
              max={60}
              value={c.days}
              onChange={(e) => setContinuousConfig({ days: Number(e.target.value) })}
              data-testid="cont-days"
            />
          </label>
        )}
        <select
          value={c.adjust}
          onChange={(e) => setContinuousConfig({ adjust: e.target.value as typeof c.adjust })}
          data-testid="cont-adjust"
        >
          {adjustments.map((a) => (
            <option key={a} value={a}>
              {a === 'none' ? 'unadjusted' : `${a}-back-adjusted`}
            </option>
          ))}
        </select>
        <button type="button" className="primary" onClick={buildContinuous} data-testid="cont-build">
          Build
        </button>
        <button type="button" onClick={() => void saveContinuous()} disabled={!data || saved.status === 'loading'} data-testid="cont-save">
          Save as instrument
        </button>
        {saved.data && (
          <>
            <span className="muted" data-testid="cont-saved">
              saved {saved.data.symbol} ({saved.data.bars} bars)
            </span>
            <button type="button" onClick={() => void openSavedOnDataScreen()} data-testid="cont-open">
              Open on Data screen
            </button>
          </>
        )}
        {saved.error && <span className="error-text">{saved.error.message}</span>}
        <ExportButtons what="continuous" target={box} name={`${root}-continuous`} />
      </div>
      {data && (
        <div className="muted" data-testid="cont-rolls">
          {data.rolls.length} rolls
          {data.rolls.length ? `, last ${data.rolls[data.rolls.length - 1].from} → ${data.rolls[data.rolls.length - 1].to}` : ''}
          {data.warnings.map((w) => ` · ⚠ ${w.message}`).join('')}
        </div>
      )}
      {data ? (
        <SeriesChart series={specs} paneStretch={[3, 1]} testId="continuous-chart" className="curves-series" />
      ) : (
        <ViewState loadable={cont} what="a continuous series (press Build)" />
      )}
    </div>
  )
}
