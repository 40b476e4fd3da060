import { useMemo } from 'react'
import type { BacktestRun, BacktestSet } from '../../../../electron/contract'
import { SeriesChart } from '../../charts/SeriesChart'
import type { SeriesSpec } from '../../charts/series'
import { ErrorBox } from '../../components/ErrorBox'
import { StatePanel } from '../../components/StatePanel'
import { keepSet } from '../../stores/backtests/actions'
import { formatMetric } from '../../stores/backtests/selectors'
import { useBacktests } from '../../stores/backtests/state'
import { TradeChart } from './TradeChart'
import { TradeTable } from './TradeTable'

function Stats({ set }: { set: BacktestSet }) {
  const s = set.stats
  const items: [string, string][] = [
    ['Trades', formatMetric('trades', s.trades)],
    ['Win rate', formatMetric('winRate', s.winRate)],
    ['Profit factor', s.profitFactor === null && s.trades > 0 && s.wins > 0 ? '∞' : formatMetric('profitFactor', s.profitFactor)],
    ['Expectancy', formatMetric('expectancy', s.expectancy)],
    ['Net P&L', formatMetric('netPnl', s.netPnl)],
    ['Max drawdown', formatMetric('maxDrawdown', s.maxDrawdown)],
    ['Sharpe (daily)', formatMetric('sharpe', s.sharpe)],
    ['Exposure', formatMetric('exposure', s.exposure)],
    ['Ambiguous', formatMetric('ambiguous', s.ambiguous)],
    ['Exits SL / TP', `${s.slExits} / ${s.tpExits}`],
    ['Time / end', `${s.timeExits} / ${s.endExits}`],
    ['Skipped signals', formatMetric('trades', s.skipped)],
  ]
  return (
    <div className="bt-stats num" data-testid="bt-set-stats">
      {items.map(([k, v]) => (
        <div key={k}>
          <span className="muted small">{k}</span>
          <b>{v}</b>
        </div>
      ))}
    </div>
  )
}

/** One parameter set: statistics, keep, equity and drawdown, the price chart with its trades; the trade list (its own grid area). */
export function SetPanel({ run }: { run: BacktestRun }) {
  return (
    <>
      <SetView run={run} />
      <SetTrades />
    </>
  )
}

function SetTrades() {
  const set = useBacktests((s) => s.set.data)
  const trade = useBacktests((s) => s.trade)
  return set ? <TradeTable trades={set.trades} selected={trade} /> : <div className="bt-trades" />
}

function SetView({ run }: { run: BacktestRun }) {
  const set = useBacktests((s) => s.set)
  const trade = useBacktests((s) => s.trade)
  const bars = useBacktests((s) => s.bars.data)
  const keep = useBacktests((s) => s.keep)
  const data = set.data
  const series = useMemo<SeriesSpec[]>(() => {
    if (!data) return []
    return [
      {
        id: 'equity',
        label: 'Equity',
        kind: 'line',
        color: '#4f9dff',
        time: data.equity.time,
        values: data.equity.equity,
        precision: 2,
        baseline: 0,
      },
      {
        id: 'dd',
        label: 'Drawdown',
        kind: 'area',
        color: '#ef5350',
        time: data.equity.time,
        values: data.equity.drawdown,
        pane: 1,
        precision: 2,
        invert: true,
      },
    ]
  }, [data])
  if (set.status === 'error' && set.error) {
    return (
      <div className="bt-set">
        <ErrorBox error={set.error} title="Loading the set failed" />
      </div>
    )
  }
  if (!data) {
    return (
      <div className="bt-set">
        <StatePanel kind={set.status === 'loading' ? 'loading' : 'empty'}>
          {set.status === 'loading' ? 'Simulating the set…' : 'Click a cell of the heatmap to open that set.'}
        </StatePanel>
      </div>
    )
  }
  // Equity needs distinct times: trades exiting on the same bar are summed by the chart's last value.
  const unique = new Set(data.equity.time).size === data.equity.time.length
  return (
    <div className={`bt-set${set.status === 'loading' ? ' stale' : ''}`} data-testid="bt-set" data-sl={data.sl} data-tp={data.tp}>
      <div className="bt-set-head">
        <b>
          SL {data.sl} × TP {data.tp} {run.spec.unit}
        </b>
        <span className="muted small">{data.source === 'stored' ? 'kept trades (stored)' : 're-simulated now'}</span>
        <button
          type="button"
          className="small"
          disabled={keep.status === 'saving'}
          onClick={() => void keepSet(!data.kept)}
          data-testid="bt-keep"
        >
          {data.kept ? 'Kept ✓ (drop)' : 'Keep trades'}
        </button>
        {keep.error && <span className="bt-problem small">{keep.error.message}</span>}
      </div>
      <Stats set={data} />
      <div className="bt-set-charts">
        <div className="bt-price-panel">
          <TradeChart bars={bars} trades={data.trades} selected={trade} />
        </div>
        <div className="bt-equity-panel">
          {data.trades.length > 0 && unique ? (
            <SeriesChart series={series} paneStretch={[3, 1]} testId="bt-equity" />
          ) : data.trades.length > 0 ? (
            <SeriesChart series={series.map((s) => ({ ...s, ...dedupe(s.time, s.values) }))} paneStretch={[3, 1]} testId="bt-equity" />
          ) : (
            <StatePanel kind="empty">No trades in this set.</StatePanel>
          )}
        </div>
      </div>
    </div>
  )
}

/** Keeps the last value at each time (the equity after every exit of that bar). */
function dedupe(time: readonly number[], values: readonly (number | null)[]): { time: number[]; values: (number | null)[] } {
  const t: number[] = []
  const v: (number | null)[] = []
  time.forEach((x, i) => {
    if (t.length && t[t.length - 1] === x) v[v.length - 1] = values[i]
    else {
      t.push(x)
      v.push(values[i])
    }
  })
  return { time: t, values: v }
}
