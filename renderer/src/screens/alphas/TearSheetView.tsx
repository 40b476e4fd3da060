import { useMemo, type ReactNode } from 'react'
import { type AlphaRun, type AlphaRunColumn, emptyQuantilesOf, lowCoverage, type TearSheet } from '../../../../electron/contract'
import { SeriesChart } from '../../charts/SeriesChart'
import type { SeriesSpec } from '../../charts/series'
import { BarChart } from '../../components/BarChart'
import { StatePanel } from '../../components/StatePanel'
import { formatBasisPoints, formatCompact, formatCount, formatFixed, formatNumber, formatPercent, formatSig } from '../../components/format'
import { emptyQuantilesNote, shortSampleDays } from '../../stores/alphas/leaderboard'
import { TEAR_QUANTILES, cancelTearSheet, loadTearSheet, setTearKey } from '../../stores/alphas/actions'
import { okColumns, rollingMean } from '../../stores/alphas/selectors'
import { useAlphas } from '../../stores/alphas/state'
import { AnalysisError } from './AnalysisError'
import { JobProgress } from '../../components/JobProgress'

const IC_ROLLING = 63
/** Q1 (lowest alpha) → Qn (highest): red through grey to green. */
export const QUANTILE_COLORS = ['#ef5350', '#f0965a', '#8a93a0', '#6cc6a4', '#26a69a']

/** A diverging palette interpolated along the stops, so any number of quantiles stays distinct. */
export function quantileColor(q: number, n: number): string {
  if (n === QUANTILE_COLORS.length) return QUANTILE_COLORS[q - 1]
  const x = ((q - 1) / Math.max(1, n - 1)) * (QUANTILE_COLORS.length - 1)
  const i = Math.min(QUANTILE_COLORS.length - 2, Math.floor(x))
  const f = x - i
  const rgb = (hex: string) => [1, 3, 5].map((k) => Number.parseInt(hex.slice(k, k + 2), 16))
  const [a, b] = [rgb(QUANTILE_COLORS[i]), rgb(QUANTILE_COLORS[i + 1])]
  return `#${a
    .map((v, k) =>
      Math.round(v + (b[k] - v) * f)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`
}

/** An IC: 3 decimals, 4 when it is tiny. */
const ic3 = (v: number | null) => formatFixed(v, v !== null && Math.abs(v) < 0.01 ? 4 : 3)

/** Factor tear sheet of one alpha of the run. */
export function TearSheetView({ run }: { run: AlphaRun }) {
  const tearKey = useAlphas((s) => s.tearKey)
  const task = useAlphas((s) => (s.tearKey ? s.tearSheets[s.tearKey] : undefined))
  const ok = okColumns(run)
  const column = run.alphas.find((a) => a.key === tearKey)

  if (!ok.length) {
    return <StatePanel kind="empty">No alpha in this run produced values, so there is nothing to analyse.</StatePanel>
  }
  return (
    <div className="analysis-view" data-testid="tearsheet-view">
      <div className="analysis-toolbar">
        <label className="muted" htmlFor="tear-key">
          Alpha
        </label>
        <select id="tear-key" value={tearKey ?? ''} onChange={(e) => setTearKey(e.target.value)} data-testid="tear-key">
          {ok.map((a) => (
            <option key={a.key} value={a.key}>
              {a.name}
            </option>
          ))}
        </select>
        {column && (
          <code className="toolbar-formula" title={column.text}>
            {column.text}
          </code>
        )}
        <span className="muted toolbar-note">{TEAR_QUANTILES} quantiles · forward returns close-to-close from the factor date</span>
      </div>
      <div className="analysis-body">
        {!task || task.status === 'idle' ? (
          <StatePanel kind="loading">Starting…</StatePanel>
        ) : task.status === 'loading' ? (
          <div className="center-progress">
            <JobProgress
              job={task.job}
              label={`Computing the tear sheet of ${column?.name ?? tearKey}…`}
              onCancel={() => tearKey && cancelTearSheet(tearKey)}
              testId="tear-progress"
              big
            />
          </div>
        ) : task.status === 'error' ? (
          <AnalysisError
            error={task.error!}
            cancelledTitle="Tear sheet cancelled"
            failedTitle="The tear sheet failed"
            onRetry={() => tearKey && void loadTearSheet(tearKey)}
            testId="tear-error"
          />
        ) : task.data ? (
          <>
            {column && <CoverageNote column={column} />}
            <TearSheetBody sheet={task.data} />
          </>
        ) : null}
      </div>
    </div>
  )
}

/** Low coverage: say which operator lost the values and why, above the numbers it makes unreliable. */
function CoverageNote({ column }: { column: AlphaRunColumn }) {
  if (column.coverage >= lowCoverage) return null
  const c = column.diagnosis?.culprits ?? []
  return (
    <div className="coverage-note warn" data-testid="tear-coverage-note">
      <b>Low coverage: {formatPercent(column.coverage, 1)} of cells have a value.</b>{' '}
      {c.length ? (
        <>
          <code>{c[0].operator}</code> ({c[0].expression}): {c[0].reason}
          {c[1] && (
            <>
              ; then <code>{c[1].operator}</code>: {c[1].reason}
            </>
          )}
          .
        </>
      ) : (
        'The statistics below rest on few values.'
      )}{' '}
      <span className="muted">Try the lenient missing-value policy to study it.</span>
    </div>
  )
}

function TearSheetBody({ sheet }: { sheet: TearSheet }) {
  const { icStats } = sheet
  const icSeries = useMemo<SeriesSpec[]>(
    () => [
      {
        id: 'ic',
        label: 'IC',
        kind: 'histogram',
        color: 'rgba(38, 166, 154, 0.55)',
        negativeColor: 'rgba(239, 83, 80, 0.55)',
        time: sheet.ic.time,
        values: sheet.ic.values,
        precision: 3,
        baseline: 0,
      },
      {
        id: 'mean',
        label: `${IC_ROLLING}-day mean`,
        kind: 'line',
        color: '#f5b942',
        time: sheet.ic.time,
        values: rollingMean(sheet.ic.values, IC_ROLLING),
        precision: 4,
        lineWidth: 2,
      },
    ],
    [sheet],
  )
  const n = sheet.quantileCumulative.series.length
  const cumSeries = useMemo<SeriesSpec[]>(
    () =>
      sheet.quantileCumulative.series.map((values, i) => ({
        id: `q${i + 1}`,
        label: `Q${i + 1}`,
        kind: 'line' as const,
        color: quantileColor(i + 1, n),
        time: sheet.quantileCumulative.time,
        values,
        format: 'signedPercent' as const,
        lineWidth: (i === 0 || i === n - 1 ? 2 : 1) as 1 | 2,
        baseline: i === 0 ? 0 : undefined,
      })),
    [sheet, n],
  )
  const spreadSeries = useMemo<SeriesSpec[]>(
    () => [
      {
        id: 'spread',
        label: `Q${n} − Q1`,
        kind: 'area',
        color: '#4f9dff',
        time: sheet.spread.time,
        values: sheet.spread.cumulative,
        format: 'signedPercent',
        lineWidth: 2,
        baseline: 0,
      },
    ],
    [sheet, n],
  )
  const decayBars = sheet.icDecay.map((d) => ({
    label: `${d.horizon}d`,
    value: d.mean,
    sub: `t ${formatFixed(d.tStat, 2)}`,
    detail: `mean IC at ${d.horizon}-day horizon; t-stat ${formatFixed(d.tStat, 2)}`,
  }))
  const quantileBars = sheet.quantileMeans.map((q) => ({
    label: `Q${q.quantile}`,
    value: q.meanReturn,
    color: quantileColor(q.quantile, sheet.quantileMeans.length),
    sub: `n ${formatCompact(q.count)}`,
    detail: `${formatCount(q.count)} observations`,
  }))

  const demeanedBars = sheet.quantileMeans.map((q) => ({
    label: `Q${q.quantile}`,
    value: q.meanDemeaned ?? null,
    color: quantileColor(q.quantile, sheet.quantileMeans.length),
    sub: '',
    detail: 'mean next-day return minus the universe mean that day',
  }))
  if (icStats.days === 0) {
    return (
      <StatePanel kind="empty" testId="tear-empty">
        No date has the alpha and a next-day return for at least three instruments, so the IC, quantiles and spread are undefined
        {sheet.coverage < lowCoverage ? ` (the alpha has a value in ${formatPercent(sheet.coverage, 1)} of cells)` : ''}. Widen the dates or
        the universe, or see the coverage note above.
      </StatePanel>
    )
  }
  const short = icStats.days < shortSampleDays
  const tied = emptyQuantilesNote(emptyQuantilesOf(sheet.quantileMeans), n)
  return (
    <div className="tearsheet" data-testid="tearsheet">
      {tied && (
        <div className="coverage-note warn" data-testid="tear-empty-quantiles">
          {tied}
        </div>
      )}
      {short && (
        <div className="coverage-note warn" data-testid="tear-short-sample">
          Only {icStats.days} days with an IC (n = {icStats.days}): the mean, IR and t-stat below are dominated by noise.
        </div>
      )}
      <div className="stat-strip" data-testid="tear-stats">
        <Stat label="IC mean" value={ic3(icStats.mean)} raw={icStats.mean} testId="tear-ic-mean" tone={icStats.mean} />
        <Stat label="IC std" value={ic3(icStats.std)} raw={icStats.std} testId="tear-ic-std" />
        <Stat
          label="IR"
          value={formatNumber(icStats.ir, 3)}
          raw={icStats.ir}
          testId="tear-ic-ir"
          tone={icStats.ir}
          title="IC mean / IC std (daily)"
        />
        <Stat
          label="t-stat"
          value={formatNumber(icStats.tStat, 2)}
          raw={icStats.tStat}
          testId="tear-ic-t"
          tone={icStats.tStat}
          title="IC mean / (std / √days)"
        />
        <Stat label="Days" value={formatCount(icStats.days)} raw={icStats.days} testId="tear-ic-days" />
        <Stat
          label={`Q${n} − Q1 daily`}
          value={formatBasisPoints(sheet.spread.meanDaily)}
          raw={sheet.spread.meanDaily}
          testId="tear-spread-mean"
          tone={sheet.spread.meanDaily}
        />
        <Stat
          label="Rank autocorr"
          value={formatNumber(sheet.rankAutocorrelation, 3)}
          raw={sheet.rankAutocorrelation}
          testId="tear-autocorr"
          title="Mean day-to-day Spearman correlation of the alpha's ranks (high = slow signal)"
        />
        <Stat
          label="Turnover"
          value={formatPercent(sheet.turnover, 1)}
          raw={sheet.turnover}
          testId="tear-turnover"
          title="Mean daily share of names changing quantile"
        />
        <Stat
          label="Coverage"
          value={formatPercent(sheet.coverage, 1)}
          raw={sheet.coverage}
          testId="tear-coverage"
          title="Share of (date, instrument) cells with a value"
        />
      </div>
      <div className="tear-grid">
        <Panel title={`Daily IC (Spearman vs next-day return) and its ${IC_ROLLING}-day mean`} wide>
          <SeriesChart series={icSeries} testId="tear-ic-chart" />
        </Panel>
        <Panel title="IC decay: mean IC by forward horizon">
          <BarChart bars={decayBars} format={ic3} height={238} title="IC decay" testId="tear-decay" />
        </Panel>
        <Panel title={`Cumulative return by quantile (Q1 lowest alpha → Q${n} highest)`} wide>
          <SeriesChart series={cumSeries} testId="tear-quantile-cum" />
        </Panel>
        <Panel title="Mean next-day return by quantile (bp)">
          <BarChart
            bars={quantileBars}
            format={(v) => formatBasisPoints(v)}
            valueFormat={(v) => formatBasisPoints(v, false)}
            height={238}
            title="Mean forward return by quantile"
            testId="tear-quantile-means"
          />
        </Panel>
        <Panel title={`Top − bottom spread (Q${n} − Q1), cumulative`} wide>
          <SeriesChart series={spreadSeries} testId="tear-spread" />
        </Panel>
        <Panel title="Mean next-day return by quantile, demeaned (bp)">
          <BarChart
            bars={demeanedBars}
            format={(v) => formatBasisPoints(v)}
            valueFormat={(v) => formatBasisPoints(v, false)}
            height={238}
            title="Demeaned quantile returns"
            testId="tear-quantile-demeaned"
          />
        </Panel>
        <Panel title="IC by sector (ranked within the sector)" testId="tear-ic-sector" wide fit>
          {sheet.icBySector?.length ? (
            <BreakdownTable
              rows={sheet.icBySector.map((x) => ({ label: `${x.sector} (${x.instruments})`, mean: x.mean, tStat: x.tStat, days: x.days }))}
            />
          ) : (
            <div className="muted">The universe has no sector information, so there is no breakdown.</div>
          )}
        </Panel>
        <Panel title="IC by year" testId="tear-ic-year" fit>
          <BreakdownTable
            rows={(sheet.icByYear ?? []).map((y) => ({ label: String(y.year), mean: y.mean, tStat: y.tStat, days: y.days }))}
          />
        </Panel>
      </div>
    </div>
  )
}

function BreakdownTable({ rows }: { rows: { label: string; mean: number | null; tStat: number | null; days: number }[] }) {
  if (!rows.length) return <div className="muted">No IC values.</div>
  return (
    <table className="breakdown-table num">
      <thead>
        <tr>
          <th />
          <th>mean IC</th>
          <th>t-stat</th>
          <th>days</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <td>{r.label}</td>
            <td className={r.mean === null ? '' : r.mean > 0 ? 'up' : 'down'}>{formatSig(r.mean, 3)}</td>
            <td>{formatSig(r.tStat, 3)}</td>
            <td className={r.days < shortSampleDays ? 'warn-text' : ''} title={r.days < shortSampleDays ? 'short sample' : undefined}>
              {formatCount(r.days)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function Stat({
  label,
  value,
  raw,
  testId,
  tone,
  title,
}: {
  label: string
  value: string
  raw?: number | null
  testId?: string
  tone?: number | null
  title?: string
}) {
  const cls = tone === undefined || tone === null || !Number.isFinite(tone) || tone === 0 ? '' : tone > 0 ? 'up' : 'down'
  return (
    <div className="stat-cell" title={title}>
      <span className="stat-label">{label}</span>
      <span className={`stat-value num ${cls}`} data-testid={testId} data-value={raw ?? ''}>
        {value}
      </span>
    </div>
  )
}

export function Panel({
  title,
  children,
  wide,
  full,
  fit,
  testId,
}: {
  title: string
  children: ReactNode
  wide?: boolean
  full?: boolean
  /** As tall as its content (tables), at least a chart panel's height. */
  fit?: boolean
  testId?: string
}) {
  return (
    <section className={`panel${wide ? ' wide' : ''}${full ? ' full' : ''}${fit ? ' fit' : ''}`} data-testid={testId}>
      <header className="panel-title">{title}</header>
      <div className="panel-content">{children}</div>
    </section>
  )
}
