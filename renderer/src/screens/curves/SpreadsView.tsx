import { useMemo, useRef, useState } from 'react'
import { spreadKinds, type CurveSeries, type SpreadKind } from '../../../../electron/contract'
import { SeriesChart } from '../../charts/SeriesChart'
import type { SeriesSpec } from '../../charts/series'
import { formatNumber } from '../../components/format'
import { setSpreadConfig } from '../../stores/curves/actions'
import { overlayColors } from '../../stores/curves/selectors'
import { useCurves } from '../../stores/curves/state'
import { ExportButtons } from './ExportButtons'
import { ViewState } from './ViewState'

const paneOf = (s: CurveSeries) =>
  s.key.startsWith('spread') ? 0 : s.key.startsWith('contango') ? 1 : s.key.startsWith('rollYield') ? 2 : s.key.startsWith('cm') ? 3 : 4

function formatValue(s: CurveSeries, v: number | null): string {
  if (v === null) return '—'
  if (s.key.startsWith('rollYield')) return `${formatNumber(v * 100, 1)}%/yr`
  if (s.key.startsWith('contango')) return `${formatNumber(v, 2)}%`
  return formatNumber(v, 2)
}

const parseList = (text: string) =>
  text
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((v) => Number.isFinite(v) && v > 0)

/** Calendar spreads, contango, roll yield, constant-maturity prices and slope over history; values of the chosen date in the header. */
export function SpreadsView() {
  const box = useRef<HTMLDivElement>(null)
  const spreads = useCurves((s) => s.spreads)
  const config = useCurves((s) => s.spreadConfig)
  const d = useCurves((s) => s.dateIndex)
  const root = useCurves((s) => s.root)
  const [cmText, setCmText] = useState(config.cm.join(','))
  const data = spreads.data

  const specs = useMemo<SeriesSpec[]>(() => {
    if (!data) return []
    return data.series.map((s, i) => ({
      id: s.key,
      label: s.label,
      kind: 'line' as const,
      color: overlayColors[i % overlayColors.length],
      time: data.dates,
      values: s.values,
      pane: paneOf(s),
      format: s.key.startsWith('rollYield') ? ('percent' as const) : ('number' as const),
      precision: 2,
    }))
  }, [data])
  const panes = [...new Set(specs.map((s) => s.pane ?? 0))].sort()
  const specsPacked = specs.map((s) => ({ ...s, pane: panes.indexOf(s.pane ?? 0) }))

  const setPair = (i: number, change: Partial<{ kind: SpreadKind; a: number; b: number }>) =>
    setSpreadConfig({ pairs: config.pairs.map((p, k) => (k === i ? { ...p, ...change } : p)) })

  return (
    <div className="curves-view" ref={box} data-testid="spreads-view">
      <div className="curves-view-head wrap">
        {config.pairs.map((p, i) => (
          <span key={i} className="spread-pair">
            <select value={p.kind} onChange={(e) => setPair(i, { kind: e.target.value as SpreadKind })}>
              {spreadKinds.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
            M<input type="number" min={1} max={60} value={p.a} onChange={(e) => setPair(i, { a: Number(e.target.value) })} />
            M<input type="number" min={1} max={60} value={p.b} onChange={(e) => setPair(i, { b: Number(e.target.value) })} />
            <button type="button" className="link" onClick={() => setSpreadConfig({ pairs: config.pairs.filter((_, k) => k !== i) })}>
              ×
            </button>
          </span>
        ))}
        <button
          type="button"
          onClick={() => setSpreadConfig({ pairs: [...config.pairs, { kind: 'spread', a: 1, b: 3 }] })}
          disabled={config.pairs.length >= 20}
        >
          + pair
        </button>
        <label>
          CM days{' '}
          <input
            className="wide"
            value={cmText}
            onChange={(e) => setCmText(e.target.value)}
            onBlur={() => setSpreadConfig({ cm: parseList(cmText) })}
          />
        </label>
        <label>
          slope over M1–M
          <input
            type="number"
            min={0}
            max={60}
            value={config.slopeTenors}
            onChange={(e) => setSpreadConfig({ slopeTenors: Number(e.target.value) })}
          />
        </label>
        <ExportButtons what="spreads" target={box} name={`${root}-spreads`} />
      </div>
      {data ? (
        <>
          <div className="spread-values num" data-testid="spread-values">
            {data.series.map((s, i) => (
              <span key={s.key}>
                <b style={{ color: overlayColors[i % overlayColors.length] }}>{s.label}</b> {formatValue(s, s.values[d] ?? null)}
              </span>
            ))}
          </div>
          <SeriesChart series={specsPacked} paneStretch={panes.map(() => 1)} testId="spreads-chart" className="curves-series" />
        </>
      ) : (
        <ViewState loadable={spreads} what="spreads" />
      )}
    </div>
  )
}
