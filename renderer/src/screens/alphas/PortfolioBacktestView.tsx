import { useEffect, useMemo, useState } from 'react'
import type { PortfolioBacktest, AlphaRun } from '../../../../electron/contract'
import { SeriesChart } from '../../charts/SeriesChart'
import type { SeriesSpec } from '../../charts/series'
import { StatePanel } from '../../components/StatePanel'
import { formatCount, formatNumber, formatPercent, formatSignedPercent } from '../../components/format'
import { portfolioBacktestProblem, cancelPortfolioBacktest, runPortfolioBacktest, setPortfolioConfig } from '../../stores/alphas/actions'
import { equityOf, okColumns } from '../../stores/alphas/selectors'
import { useAlphas } from '../../stores/alphas/state'
import { AnalysisError } from './AnalysisError'
import { JobProgress } from '../../components/JobProgress'
import { shortSampleDays } from '../../stores/alphas/leaderboard'
import { Panel, Stat } from './TearSheetView'

/** Long/short portfolio of one alpha: controls, equity curve with drawdown, stats; stored as a run. */
export function PortfolioBacktestView({ run }: { run: AlphaRun }) {
  const task = useAlphas((s) => s.portfolioBacktest)
  const config = useAlphas((s) => s.portfolioConfig)
  const ok = okColumns(run)
  const [qText, setQText] = useState(String(Math.round(config.quantile * 1000) / 10))
  const [costText, setCostText] = useState(String(config.costBps))
  useEffect(() => setQText(String(Math.round(config.quantile * 1000) / 10)), [config.quantile])
  useEffect(() => setCostText(String(config.costBps)), [config.costBps])
  const problem = portfolioBacktestProblem(config)
  const running = task.status === 'loading'
  const name = run.alphas.find((a) => a.key === config.key)?.name ?? config.key

  if (!ok.length) return <StatePanel kind="empty">No alpha in this run produced values, so there is no portfolio to backtest.</StatePanel>

  return (
    <div className="analysis-view" data-testid="portfolio-backtest-view">
      <form
        className="analysis-toolbar portfolio-backtest-controls"
        onSubmit={(e) => {
          e.preventDefault()
          void runPortfolioBacktest()
        }}
      >
        <label className="muted" htmlFor="bt-key">
          Alpha
        </label>
        <select
          id="bt-key"
          value={config.key ?? ''}
          onChange={(e) => setPortfolioConfig({ key: e.target.value })}
          disabled={running}
          data-testid="bt-key"
        >
          {ok.map((a) => (
            <option key={a.key} value={a.key}>
              {a.name}
            </option>
          ))}
        </select>
        <div className="btn-group" role="group" aria-label="Weighting">
          <button
            type="button"
            className={config.weighting === 'quantile' ? 'active' : ''}
            onClick={() => setPortfolioConfig({ weighting: 'quantile' })}
            disabled={running}
            data-testid="bt-weighting-quantile"
            title="Equal-weight long the top quantile, short the bottom quantile"
          >
            Quantile long/short
          </button>
          <button
            type="button"
            className={config.weighting === 'rank' ? 'active' : ''}
            onClick={() => setPortfolioConfig({ weighting: 'rank' })}
            disabled={running}
            data-testid="bt-weighting-rank"
            title="Weights proportional to the demeaned cross-sectional rank (dollar neutral)"
          >
            Rank-weighted
          </button>
        </div>
        {config.weighting === 'quantile' && (
          <>
            <label className="muted" htmlFor="bt-quantile">
              Each leg
            </label>
            <span className="input-suffix">
              <input
                id="bt-quantile"
                type="number"
                className="num small-input"
                min={1}
                max={50}
                step={1}
                value={qText}
                onChange={(e) => {
                  setQText(e.target.value)
                  const v = Number(e.target.value)
                  if (e.target.value !== '' && Number.isFinite(v)) setPortfolioConfig({ quantile: v / 100 })
                }}
                disabled={running}
                data-testid="bt-quantile"
                title="Share of the universe held long (top) and short (bottom), 1–50%"
              />
              %
            </span>
          </>
        )}
        <label className="muted" htmlFor="bt-cost">
          Cost
        </label>
        <span className="input-suffix">
          <input
            id="bt-cost"
            type="number"
            className="num small-input"
            min={0}
            max={1000}
            step={0.5}
            value={costText}
            onChange={(e) => {
              setCostText(e.target.value)
              const v = Number(e.target.value)
              if (e.target.value !== '' && Number.isFinite(v)) setPortfolioConfig({ costBps: v })
            }}
            disabled={running}
            data-testid="bt-cost"
            title="Cost per unit of turnover, in basis points"
          />
          bps
        </span>
        <button
          type="submit"
          className="primary"
          disabled={running || Boolean(problem)}
          data-testid="bt-run"
          title={problem ?? 'Run the portfolio backtest in the engine'}
        >
          Run portfolio backtest
        </button>
        {problem && <span className="error-text toolbar-note">{problem}</span>}
        <span className="muted toolbar-note">Weights from the close of t, traded at the close of t+1, held to t+2.</span>
      </form>
      <div className="analysis-body">
        {running ? (
          <div className="center-progress">
            <JobProgress
              job={task.job}
              label={`Backtesting the ${name} portfolio…`}
              onCancel={cancelPortfolioBacktest}
              testId="bt-progress"
              big
            />
          </div>
        ) : task.status === 'error' ? (
          <AnalysisError
            error={task.error!}
            cancelledTitle="Portfolio backtest cancelled"
            failedTitle="The portfolio backtest failed"
            onRetry={() => void runPortfolioBacktest()}
            testId="bt-error"
          />
        ) : task.data ? (
          <PortfolioBacktestBody run={run} data={task.data} />
        ) : (
          <StatePanel kind="empty" testId="bt-empty">
            Choose an alpha, the weighting and the cost, then Run portfolio backtest. Each portfolio backtest is stored as a run in the
            trade book database.
          </StatePanel>
        )}
      </div>
    </div>
  )
}

function PortfolioBacktestBody({ run, data }: { run: AlphaRun; data: PortfolioBacktest }) {
  const { stats } = data
  const name = run.alphas.find((a) => a.key === data.key)?.name ?? data.key
  const series = useMemo<SeriesSpec[]>(() => {
    const out: SeriesSpec[] = [
      {
        id: 'equity',
        label: 'Equity (net)',
        kind: 'line',
        color: '#4f9dff',
        time: data.time,
        values: data.equity,
        precision: 3,
        lineWidth: 2,
        baseline: 1,
      },
    ]
    if (data.gross?.length === data.time.length) {
      out.push({
        id: 'gross',
        label: 'Equity before cost',
        kind: 'line',
        color: '#8a93a0',
        time: data.time,
        values: equityOf(data.gross),
        precision: 3,
        lineWidth: 1,
        dashed: true,
      })
    }
    out.push({
      id: 'drawdown',
      label: 'Drawdown',
      kind: 'area',
      color: '#ef5350',
      time: data.time,
      values: data.drawdown,
      format: 'percent',
      pane: 1,
      lineWidth: 1,
      invert: true,
    })
    return out
  }, [data])

  return (
    <div className="portfolio-backtest-result" data-testid="bt-result">
      {stats.days < shortSampleDays && (
        <div className="coverage-note warn" data-testid="bt-short-sample">
          Only {stats.days} days of returns (n = {stats.days}): the Sharpe, volatility and drawdown below are dominated by noise.
        </div>
      )}
      <div className="stat-strip" data-testid="bt-stats">
        <Stat
          label="Annual return"
          value={formatSignedPercent(stats.annualizedReturn, 1)}
          raw={stats.annualizedReturn}
          tone={stats.annualizedReturn}
          testId="bt-ann-return"
        />
        <Stat
          label="Annual vol"
          value={formatPercent(stats.annualizedVolatility, 1)}
          raw={stats.annualizedVolatility}
          testId="bt-ann-vol"
        />
        <Stat label="Sharpe" value={formatNumber(stats.sharpe, 2)} raw={stats.sharpe} tone={stats.sharpe} testId="bt-sharpe" />
        <Stat
          label="Max drawdown"
          value={formatPercent(stats.maxDrawdown, 1)}
          raw={stats.maxDrawdown}
          tone={stats.maxDrawdown ? -1 : 0}
          testId="bt-max-dd"
        />
        <Stat
          label="Turnover / day"
          value={formatPercent(stats.meanTurnover, 0)}
          raw={stats.meanTurnover}
          testId="bt-turnover"
          title="Mean daily turnover (sum of absolute weight changes)"
        />
        <Stat
          label="Total return"
          value={formatSignedPercent(stats.totalReturn, 1)}
          raw={stats.totalReturn}
          tone={stats.totalReturn}
          testId="bt-total"
        />
        <Stat label="Days" value={formatCount(stats.days)} raw={stats.days} testId="bt-days" />
        <div className="stored-note muted" data-testid="bt-stored" data-backtest-id={data.backtestId}>
          Stored in the trade book database as portfolio backtest run <b className="num">#{data.backtestId}</b> ({name})
        </div>
      </div>
      <div className="portfolio-backtest-chart">
        <Panel title={`${name}: equity (start = 1) and drawdown`} full>
          <SeriesChart series={series} paneStretch={[0.72, 0.28]} testId="bt-equity-chart" />
        </Panel>
      </div>
    </div>
  )
}
