import { useMemo, useRef } from 'react'
import { SeriesChart } from '../../charts/SeriesChart'
import type { SeriesSpec } from '../../charts/series'
import { formatMs, formatNumber } from '../../components/format'
import { JobProgress } from '../../components/JobProgress'
import { cancelFit, clearFit, runFit, setFitConfig } from '../../stores/curves/actions'
import { column } from '../../stores/curves/selectors'
import { useCurves } from '../../stores/curves/state'
import { ExportButtons } from './ExportButtons'
import { ViewState } from './ViewState'

const betaNames = ['β0 level', 'β1 slope', 'β2 curvature', 'β3 second hump']
const betaColors = ['#4f9dff', '#f5b942', '#9c7cff', '#66bb6a']

/** Nelson–Siegel / Svensson per date: betas over history, λ and RMSE; the fitted curve is drawn on the curve chart. */
export function FactorsView() {
  const box = useRef<HTMLDivElement>(null)
  const fit = useCurves((s) => s.fit)
  const c = useCurves((s) => s.fitConfig)
  const d = useCurves((s) => s.dateIndex)
  const root = useCurves((s) => s.root)
  const data = fit.data

  const specs = useMemo<SeriesSpec[]>(() => {
    if (!data) return []
    const betas = Array.from({ length: data.params }, (_, k) => ({
      id: `b${k}`,
      label: betaNames[k],
      kind: 'line' as const,
      color: betaColors[k],
      time: data.dates,
      values: column(data.beta, data.params, k),
      precision: 3,
    }))
    const nl = data.params === 3 ? 1 : 2
    return [
      ...betas,
      ...Array.from({ length: nl }, (_, k) => ({
        id: `l${k}`,
        label: nl === 1 ? 'λ' : `λ${k + 1}`,
        kind: 'line' as const,
        color: k ? '#ff8a65' : '#4dd0e1',
        time: data.dates,
        values: column(data.lambda, nl, k),
        pane: 1,
        precision: 4,
      })),
      { id: 'rmse', label: 'RMSE', kind: 'area' as const, color: '#ef5350', time: data.dates, values: data.rmse, pane: 2, precision: 3 },
    ]
  }, [data])

  return (
    <div className="curves-view" ref={box} data-testid="factors-view">
      <div className="curves-view-head wrap">
        <select value={c.model} onChange={(e) => setFitConfig({ model: e.target.value as 'ns' | 'svensson' })} data-testid="fit-model">
          <option value="ns">Nelson–Siegel</option>
          <option value="svensson">Svensson</option>
        </select>
        <label className="curves-check">
          <input
            type="checkbox"
            checked={c.fitLambda}
            onChange={(e) => setFitConfig({ fitLambda: e.target.checked })}
            data-testid="fit-lambda"
          />{' '}
          fit λ per date
        </label>
        {!c.fitLambda && (
          <label>
            λ{c.model === 'svensson' ? '1' : ''}{' '}
            <input
              type="number"
              step={0.0001}
              min={0.0001}
              value={c.lambda}
              onChange={(e) => setFitConfig({ lambda: Number(e.target.value) })}
            />
          </label>
        )}
        {!c.fitLambda && c.model === 'svensson' && (
          <label>
            λ2{' '}
            <input
              type="number"
              step={0.001}
              min={0.0001}
              value={c.lambda2}
              onChange={(e) => setFitConfig({ lambda2: Number(e.target.value) })}
            />
          </label>
        )}
        <label>
          skip τ &lt;{' '}
          <input type="number" min={0} max={365} value={c.minTau} onChange={(e) => setFitConfig({ minTau: Number(e.target.value) })} /> d
        </label>
        <button type="button" className="primary" onClick={() => void runFit()} disabled={fit.status === 'loading'} data-testid="fit-run">
          {fit.status === 'loading' ? 'Fitting…' : 'Fit every date'}
        </button>
        {data && (
          <button type="button" onClick={clearFit}>
            clear
          </button>
        )}
        {data && (
          <span className="muted num" data-testid="fit-summary">
            {data.dates.length} dates in {formatMs(data.computeMs)} · this date:{' '}
            {betaNames
              .slice(0, data.params)
              .map((n, k) => `${n.split(' ')[0]} ${formatNumber(data.beta[d * data.params + k], 2)}`)
              .join(', ')}{' '}
            · RMSE {formatNumber(data.rmse[d], 3)}
          </span>
        )}
        <ExportButtons what="ns" target={box} name={`${root}-${c.model}`} />
      </div>
      {fit.status === 'loading' && (
        <JobProgress
          job={fit.job}
          label={`${c.model === 'ns' ? 'Nelson–Siegel' : 'Svensson'} fits of every date`}
          onCancel={cancelFit}
          testId="fit-progress"
        />
      )}
      {data?.warnings.map((w) => (
        <div key={w.code} className="muted">
          ⚠ {w.message}
        </div>
      ))}
      {data ? (
        <SeriesChart series={specs} paneStretch={[3, 1, 1]} testId="betas-chart" className="curves-series" />
      ) : (
        <ViewState loadable={fit} what="fits" />
      )}
    </div>
  )
}
