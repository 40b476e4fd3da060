import { useMemo } from 'react'
import { type AlphaCorrelation, type AlphaRun, lowCoverage } from '../../../../electron/contract'
import { Heatmap } from '../../components/Heatmap'
import { StatePanel } from '../../components/StatePanel'
import { formatCount, formatFixed } from '../../components/format'
import { cancelCorrelation, loadCorrelation } from '../../stores/alphas/actions'
import { divergingColor, okColumns, shortLabel, strongestPairs } from '../../stores/alphas/selectors'
import { clusterOrder } from '../../stores/alphas/cluster'
import { useAlphas } from '../../stores/alphas/state'
import { AnalysisError } from './AnalysisError'
import { JobProgress } from '../../components/JobProgress'

/** Correlation matrix of the run's alphas as a diverging heatmap, with the strongest pairs listed. */
export function CorrelationView({ run }: { run: AlphaRun }) {
  const task = useAlphas((s) => s.correlation)
  const ok = okColumns(run)
  if (ok.length < 2) {
    return (
      <StatePanel kind="empty" testId="correlation-too-few">
        A correlation matrix needs at least two alphas with values; this run has {ok.length}. Choose more alphas and compute again.
      </StatePanel>
    )
  }
  return (
    <div className="analysis-view" data-testid="correlation-view">
      <div className="analysis-toolbar">
        <span className="muted toolbar-note">
          Mean over dates of the cross-sectional Spearman correlation between each pair of alphas, clustered (average linkage on 1 − ρ)
          {task.data?.days ? ` · ${formatCount(task.data.days)} dates` : ''}
          {task.data?.sampledEvery && task.data.sampledEvery > 1 ? ` (sampled: one date in ${task.data.sampledEvery})` : ''}
        </span>
      </div>
      <div className="analysis-body">
        {task.status === 'idle' ? (
          <StatePanel kind="loading">Starting…</StatePanel>
        ) : task.status === 'loading' ? (
          <div className="center-progress">
            <JobProgress job={task.job} label="Correlating the alphas…" onCancel={cancelCorrelation} testId="correlation-progress" big />
          </div>
        ) : task.status === 'error' ? (
          <AnalysisError
            error={task.error!}
            cancelledTitle="Correlation cancelled"
            failedTitle="The correlation failed"
            onRetry={() => void loadCorrelation()}
            testId="correlation-error"
          />
        ) : task.data ? (
          <CorrelationBody run={run} data={task.data} />
        ) : null}
      </div>
    </div>
  )
}

function CorrelationBody({ run, data }: { run: AlphaRun; data: AlphaCorrelation }) {
  const byKey = useMemo(() => new Map(run.alphas.map((a) => [a.key, a])), [run])
  // Clustered order: alphas carrying the same bet sit together.
  const order = useMemo(() => clusterOrder(data.matrix), [data])
  const keys = order.map((i) => data.keys[i])
  const matrix = useMemo(() => order.map((i) => order.map((j) => data.matrix[i][j])), [data, order])
  const low = (k: string) => (byKey.get(k)?.coverage ?? 1) < lowCoverage
  const labels = keys.map((k) => `${shortLabel(k, byKey.get(k)?.name ?? k)}${low(k) ? ' ⚠' : ''}`)
  const names = keys.map((k) => {
    const a = byKey.get(k)
    return `${a?.name ?? k}${a && low(k) ? ` (low coverage ${Math.round(100 * a.coverage)}%${a.diagnosis ? `: ${a.diagnosis.culprits[0]?.reason ?? ''}` : ''})` : ''}`
  })
  const pairs = strongestPairs(data.keys, data.matrix, 10)
  return (
    <div className="correlation-body">
      <div className="heatmap-wrap">
        <Heatmap
          labels={labels}
          names={names}
          matrix={matrix}
          colorOf={divergingColor}
          format={(v) => formatFixed(v, 2)}
          legend={{
            colors: [divergingColor(-1), divergingColor(-0.5), divergingColor(0), divergingColor(0.5), divergingColor(1)],
            captions: ['−1', '0', '+1'],
          }}
          testId="correlation-heatmap"
        />
      </div>
      <aside className="pairs" data-testid="correlation-pairs">
        <div className="panel-title">Strongest pairs</div>
        {pairs.length === 0 ? (
          <div className="muted">No pair has a value.</div>
        ) : (
          <table className="pairs-table num">
            <tbody>
              {pairs.map((p) => (
                <tr key={`${p.a}-${p.b}`}>
                  <td title={byKey.get(p.a)?.text}>{byKey.get(p.a)?.name ?? p.a}</td>
                  <td title={byKey.get(p.b)?.text}>{byKey.get(p.b)?.name ?? p.b}</td>
                  <td className="pair-value">
                    <span className="swatch" style={{ background: divergingColor(p.value) }} />
                    {formatFixed(p.value, 2)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="muted pairs-note">Highly correlated alphas carry the same bet; pick one of each cluster for a combined book.</p>
      </aside>
    </div>
  )
}
