import type { BacktestRun, SetMetric } from '../../../../electron/contract'
import { bestCell, formatMetric, metricLabels, metricMatrix, metricRange } from '../../stores/backtests/selectors'
import { SweepHeatmap } from './SweepHeatmap'

function setupRows(run: BacktestRun): [string, string][] {
  const s = run.spec
  const signals =
    s.signals.kind === 'generator' ? `${s.signals.generator} ${s.signals.length}` : s.signals.kind === 'formula' ? 'formula' : 'CSV'
  return [
    ['Instrument', run.instrument.symbol],
    ['Bars', `${run.bars.count.toLocaleString('en-US')}`],
    ['Signals', `${signals}: ${run.signals.total} (${run.signals.long} long, ${run.signals.short} short)`],
    ['Grid', `${run.sl.length} SL × ${run.tp.length} TP (${s.unit})`],
    ['Tie / overlap', `${s.tie} / ${s.overlap ? 'on' : 'off'}`],
    ['Max hold', s.maxHold === null ? '—' : `${s.maxHold} bars`],
    ['Costs', `tick ${s.costs.tickSize} = ${s.costs.tickValue}, comm ${s.costs.commission}, slip ${s.costs.slippageTicks}`],
  ]
}

/** Two runs side by side: their setups, their heatmaps on the chosen metric (one colour scale, so a colour means the same value in both), and their best sets. */
export function CompareView({ a, b, metric }: { a: BacktestRun; b: BacktestRun; metric: SetMetric }) {
  const range = metricRange(metricMatrix(a, metric), metricMatrix(b, metric))
  return (
    <div className="bt-compare" data-testid="bt-compare">
      {[a, b].map((run) => {
        const best = bestCell(run, metric)
        const i = best ? best.slIndex * run.tp.length + best.tpIndex : -1
        return (
          <div key={run.runId} className="bt-compare-col">
            <div className="bt-compare-title">
              #{run.runId} {run.name}
            </div>
            <table className="bt-compare-table num">
              <tbody>
                {setupRows(run).map(([k, v]) => (
                  <tr key={k}>
                    <td className="muted">{k}</td>
                    <td>{v}</td>
                  </tr>
                ))}
                <tr>
                  <td className="muted">Best by {metricLabels[metric].toLowerCase()}</td>
                  <td>
                    {best
                      ? `SL ${run.sl[best.slIndex]} × TP ${run.tp[best.tpIndex]}: ${formatMetric(metric, run.stats[metric][i] as number | null)}`
                      : '—'}
                  </td>
                </tr>
                {best && (
                  <tr>
                    <td className="muted">…its net / trades / win</td>
                    <td>
                      {formatMetric('netPnl', run.stats.netPnl[i])} / {run.stats.trades[i]} /{' '}
                      {formatMetric('winRate', run.stats.winRate[i])}
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
            <div className="bt-compare-heatmap">
              <SweepHeatmap run={run} metric={metric} selected={best} range={range} />
            </div>
            <div className="bt-compare-scale muted num" data-testid="bt-compare-scale">
              {metricLabels[metric]}: one colour scale for both runs, {formatMetric(metric, range.lo)} … {formatMetric(metric, range.hi)}
            </div>
          </div>
        )
      })}
    </div>
  )
}
