import { useMemo, useRef, useState } from 'react'
import { SeriesChart } from '../../charts/SeriesChart'
import type { SeriesSpec } from '../../charts/series'
import type { XYSeries } from '../../charts/xy'
import { BarChart } from '../../components/BarChart'
import { formatPercent } from '../../components/format'
import { setPcaMaturities } from '../../stores/curves/actions'
import { column, overlayColors } from '../../stores/curves/selectors'
import { useCurves } from '../../stores/curves/state'
import { ExportButtons } from './ExportButtons'
import { ViewState } from './ViewState'
import { XYChartView } from './XYChartView'

const shown = 3

/** Principal components of daily changes of constant-maturity prices: variance explained, loadings, scores over time. */
export function PcaView() {
  const box = useRef<HTMLDivElement>(null)
  const pca = useCurves((s) => s.pca)
  const maturities = useCurves((s) => s.pcaMaturities)
  const root = useCurves((s) => s.root)
  const [text, setText] = useState(maturities.join(','))
  const data = pca.data
  const m = data?.maturities.length ?? 0
  const k = Math.min(shown, m)

  const loadings = useMemo<XYSeries[]>(
    () =>
      data
        ? Array.from({ length: k }, (_, c) => ({
            id: `pc${c + 1}`,
            label: `PC${c + 1}`,
            color: overlayColors[c],
            points: data.maturities.map((x, j) => ({ x, y: data.loadings[c * m + j] })),
            markers: true,
          }))
        : [],
    [data, k, m],
  )
  const scores = useMemo<SeriesSpec[]>(
    () =>
      data
        ? Array.from({ length: k }, (_, c) => ({
            id: `s${c + 1}`,
            label: `PC${c + 1} score`,
            kind: 'line' as const,
            color: overlayColors[c],
            time: data.dates,
            values: column(data.scores, m, c),
            pane: c,
            precision: 3,
          }))
        : [],
    [data, k, m],
  )

  return (
    <div className="curves-view" ref={box} data-testid="pca-view">
      <div className="curves-view-head">
        <label>
          maturities (days){' '}
          <input
            className="wide"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onBlur={() => {
              const list = text
                .split(',')
                .map((s) => Number(s.trim()))
                .filter((v) => Number.isFinite(v) && v > 0)
              if (list.length >= 2) setPcaMaturities(list)
            }}
          />
        </label>
        {data && <span className="muted">{data.nObs} daily changes</span>}
        <ExportButtons what="pca" target={box} name={`${root}-pca`} />
      </div>
      {data ? (
        <div className="pca-grid">
          <div>
            <div className="muted">Variance explained</div>
            <BarChart
              bars={data.explained.slice(0, 6).map((v, i) => ({ label: `PC${i + 1}`, value: v }))}
              format={(v) => formatPercent(v)}
              title="Variance explained"
              height={150}
              testId="pca-explained"
            />
            <div className="muted">Loadings against maturity</div>
            <XYChartView
              series={loadings}
              domain={data ? [Math.min(...data.maturities), Math.max(...data.maturities)] : undefined}
              testId="pca-loadings"
              className="pca-loadings"
            />
          </div>
          <SeriesChart series={scores} paneStretch={scores.map(() => 1)} testId="pca-scores" className="curves-series" />
        </div>
      ) : (
        <ViewState loadable={pca} what="principal components" />
      )}
    </div>
  )
}
