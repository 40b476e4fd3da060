import { useMemo } from 'react'
import type { Bars, Dataset, Instrument, SummaryStats } from '../../../../electron/contract'
import { barStyleOf, isIntraday, medianStepSeconds } from '../../charts/bars'
import { ErrorBox } from '../../components/ErrorBox'
import { Spinner, StatePanel } from '../../components/StatePanel'
import { formatCount, formatDate, formatDateTime, formatNumber, formatPercent, formatSignedPercent } from '../../components/format'
import { useApp } from '../../stores/app/state'
import { reloadDetail } from '../../stores/market/actions'
import { selectedDataset } from '../../stores/market/selectors'
import type { Loadable } from '../../stores/loadable'
import { useMarket } from '../../stores/market/state'
import { ChartPanel } from './ChartPanel'

export function InstrumentView() {
  const dataset = useMarket(selectedDataset)
  const datasets = useMarket((s) => s.datasets)
  const selected = useMarket((s) => s.selected)
  const page = useMarket((s) => s.instruments)

  const sampleRunning = useApp((s) => s.sample?.state === 'running')
  let empty: string | null = null
  if (!dataset) {
    if (datasets.status === 'ready' && datasets.data?.length === 0 && !sampleRunning)
      empty = 'No data yet: import CSV files to get started.'
  } else if (!selected)
    empty =
      page.status === 'ready' && page.total === 0 && page.items.length === 0 ? 'No instruments here.' : 'Select an instrument on the left.'

  if (!dataset || !selected) {
    return (
      <section className="instrument-view" data-testid="instrument-view">
        {empty ? (
          <StatePanel kind="empty" testId="instrument-empty-view">
            {empty}
          </StatePanel>
        ) : (
          <StatePanel kind="loading">{sampleRunning ? 'Importing the bundled sample data…' : 'Loading…'}</StatePanel>
        )}
      </section>
    )
  }
  return (
    <section className="instrument-view" data-testid="instrument-view">
      <Header dataset={dataset} instrument={selected} />
      <ChartPanel dataset={dataset} instrument={selected} />
    </section>
  )
}

function Header({ dataset, instrument }: { dataset: Dataset; instrument: Instrument }) {
  const bars = useMarket((s) => s.bars)
  const summary = useMarket((s) => s.summary)
  const rangeSummary = useMarket((s) => s.rangeSummary)
  const data = bars.data && bars.data.instrumentId === instrument.id ? bars.data : null
  const style = useMemo(() => (data ? barStyleOf(data) : null), [data])
  const intraday = useMemo(() => (data ? isIntraday(data.time) : dataset.kind === 'intraday'), [data, dataset.kind])
  const from = data?.time[0] ?? instrument.from
  const to = data ? data.time[data.time.length - 1] : instrument.to
  const count = data?.time.length ?? instrument.barCount
  const fmt = intraday ? (t: number | null) => (t === null ? '—' : formatDateTime(t)) : formatDate

  const meta: string[] = []
  if (dataset.kind === 'stocks') {
    if (instrument.sector) meta.push(instrument.sector)
    if (instrument.industry && instrument.industry !== instrument.sector) meta.push(instrument.industry)
    if (instrument.subindustry && instrument.subindustry !== instrument.industry) meta.push(instrument.subindustry)
  }

  return (
    <header className="instrument-header" data-testid="instrument-header">
      <div className="header-title">
        <h1 className="num" data-testid="instrument-symbol">
          {instrument.symbol}
        </h1>
        {instrument.name && <span className="header-name">{instrument.name}</span>}
        {instrument.root && <span className="tag">{instrument.root}</span>}
        {instrument.expiry && (
          <span className="tag" data-testid="instrument-expiry">
            expiry <span className="num">{instrument.expiry}</span>
          </span>
        )}
        {style === 'line' && (
          <span
            className="tag tag-info"
            data-testid="settlement-only"
            title="No open/high/low in the data: the chart draws the settlement (close) line"
          >
            settlement prices
          </span>
        )}
        {intraday && <span className="tag">{barSpacingLabel(data?.time)}</span>}
        <span className="header-dataset muted">{dataset.name}</span>
      </div>
      <div className="header-meta muted">
        {meta.length > 0 && <span data-testid="instrument-sector">{meta.join(' · ')}</span>}
        <span className="num">
          {fmt(from)} → {fmt(to)}
        </span>
        <span className="num">{formatCount(count)} bars</span>
        {bars.status === 'loading' && (
          <span>
            <Spinner size={10} /> loading bars
          </span>
        )}
      </div>
      <Stats summary={summary} bars={data} intraday={intraday} onRetry={reloadDetail} label="Full history" testId="summary-stats" />
      {rangeSummary.data && (
        <Stats
          summary={rangeSummary}
          bars={data}
          intraday={intraday}
          onRetry={reloadDetail}
          label={`Visible ${fmt(rangeSummary.data.from)} → ${fmt(rangeSummary.data.to)}`}
          testId="range-stats"
        />
      )}
    </header>
  )
}

/** Below this many returns, Sharpe and volatility are noise: the row says so. */
const SHORT_SAMPLE = 30

function Stats({
  summary,
  bars,
  intraday,
  onRetry,
  label,
  testId,
}: {
  summary: Loadable<SummaryStats>
  bars: Bars | null
  intraday: boolean
  onRetry: () => void
  label: string
  testId: string
}) {
  if (summary.status === 'error' && summary.error) {
    return (
      <div className="stats-row" data-testid={testId}>
        <ErrorBox error={summary.error} title="Summary statistics failed" onRetry={onRetry} compact />
      </div>
    )
  }
  const s = summary.data
  const loading = summary.status === 'loading' || summary.status === 'idle'
  const ddWhen =
    s && bars && s.maxDrawdownStart !== null && s.maxDrawdownEnd !== null && bars.time[s.maxDrawdownStart] !== undefined
      ? `${formatDate(bars.time[s.maxDrawdownStart])} → ${formatDate(bars.time[s.maxDrawdownEnd])}`
      : null
  const perBar = intraday ? ' (bar returns annualised over 252 sessions of 6.5 h)' : ''
  const short = s !== null && s.count - 1 < SHORT_SAMPLE
  const cells: { key: string; label: string; value: string; cls?: string; title?: string; sub?: string | null }[] = [
    {
      key: 'last',
      label: 'Last',
      value: formatNumber(s?.last, s?.last !== null && s?.last !== undefined && Math.abs(s.last) < 10 ? 3 : 2),
    },
    {
      key: 'totalReturn',
      label: 'Total return',
      value: formatSignedPercent(s?.totalReturn),
      cls: s?.totalReturn ? (s.totalReturn >= 0 ? 'up' : 'down') : '',
    },
    {
      key: 'annualizedVolatility',
      label: 'Ann. vol',
      value: formatPercent(s?.annualizedVolatility),
      title: `Annualised volatility of returns${perBar}`,
    },
    { key: 'sharpe', label: 'Sharpe', value: formatNumber(s?.sharpe, 2), title: `Annualised Sharpe ratio, zero risk-free rate${perBar}` },
    {
      key: 'maxDrawdown',
      label: 'Max drawdown',
      value: s?.maxDrawdown !== null && s?.maxDrawdown !== undefined ? formatSignedPercent(-s.maxDrawdown) : '—',
      cls: s?.maxDrawdown ? 'down' : '',
      sub: ddWhen,
    },
  ]
  return (
    <div className={`stats-row${loading ? ' loading' : ''}`} data-testid={testId}>
      <div className="stat stat-scope">
        <span className="stat-label">{label}</span>
        <span
          className={`stat-sub num${short ? ' warn-text' : ' muted'}`}
          data-testid={`${testId}-n`}
          title={short ? 'Too few returns for volatility and Sharpe to mean much' : undefined}
        >
          n = {s ? formatCount(Math.max(0, s.count - 1)) : '…'} returns{short ? ' · short sample' : ''}
        </span>
      </div>
      {cells.map((c) => (
        <div className="stat" key={c.key} data-stat={c.key} title={c.title}>
          <span className="stat-label">{c.label}</span>
          <span className={`stat-value num ${c.cls ?? ''}`}>{loading ? '…' : c.value}</span>
          {c.sub && <span className="stat-sub num muted">{c.sub}</span>}
        </div>
      ))}
      <div className="stat-engine muted" title={`Computed by the native engine in a worker process${perBar}`}>
        {loading ? (
          <>
            <Spinner size={10} /> computing
          </>
        ) : (
          <>native engine{intraday ? ' · annualised from bars' : ''}</>
        )}
      </div>
    </div>
  )
}

/** "1-minute bars", "5-minute bars", "hourly bars" from the spacing of the bars. */
function barSpacingLabel(time: readonly number[] | undefined): string {
  if (!time || time.length < 2) return 'intraday'
  const step = medianStepSeconds(time)
  if (step < 60) return `${step}-second bars`
  if (step < 3600) return `${Math.round(step / 60)}-minute bars`
  return step === 3600 ? 'hourly bars' : `${Math.round(step / 3600)}-hour bars`
}
