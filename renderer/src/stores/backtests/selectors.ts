/** Pure derivations for the backtest screens: the form as a spec (or what is wrong with it), heatmap values and colours. */
import type { BacktestRun, BacktestSpecInput, SetMetric, SweepStats } from '../../../../electron/contract'
import type { FormState, QueuedRun } from './state'

export const metricLabels: Record<SetMetric, string> = {
  netPnl: 'Net P&L',
  expectancy: 'Expectancy',
  winRate: 'Win rate',
  profitFactor: 'Profit factor',
  sharpe: 'Sharpe (daily)',
  maxDrawdown: 'Max drawdown',
  trades: 'Trades',
  exposure: 'Exposure',
  ambiguous: 'Ambiguous exits',
}

/** Metrics where smaller is better (the colour scale flips). */
export const lowerIsBetter: ReadonlySet<SetMetric> = new Set(['maxDrawdown', 'ambiguous'])
/** Metrics with a natural zero (diverging colours around it). */
export const diverging: ReadonlySet<SetMetric> = new Set(['netPnl', 'expectancy', 'sharpe'])

type Parsed = { spec: BacktestSpecInput; problem: null } | { spec: null; problem: string }

function num(label: string, text: string, opts: { min?: number; integer?: boolean; optional?: boolean } = {}): number | string | undefined {
  const t = text.trim()
  if (!t) return opts.optional ? undefined : `${label}: enter a number`
  const v = Number(t)
  if (!Number.isFinite(v)) return `${label}: '${t}' is not a number`
  if (opts.integer && !Number.isInteger(v)) return `${label}: a whole number`
  if (opts.min !== undefined && v < opts.min) return `${label}: at least ${opts.min}`
  return v
}

/** The form as a spec for `backtests.run`, or the first thing to fix (named as in the form). */
export function specOf(form: FormState): Parsed {
  if (!form.instrument) return { spec: null, problem: 'choose an instrument' }
  const values: Record<string, number | undefined> = {}
  const fields: [string, string, string, { min?: number; integer?: boolean; optional?: boolean }][] = [
    ['slFrom', 'SL from', form.sl.from, { min: 1e-12 }],
    ['slTo', 'SL to', form.sl.to, { min: 1e-12 }],
    ['slStep', 'SL step', form.sl.step, { min: 1e-12 }],
    ['tpFrom', 'TP from', form.tp.from, { min: 1e-12 }],
    ['tpTo', 'TP to', form.tp.to, { min: 1e-12 }],
    ['tpStep', 'TP step', form.tp.step, { min: 1e-12 }],
    ['tickSize', 'tick size', form.costs.tickSize, { min: 1e-12 }],
    ['tickValue', 'tick value', form.costs.tickValue, { min: 1e-12 }],
    ['commission', 'commission', form.costs.commission, { min: 0 }],
    ['slippage', 'slippage', form.costs.slippageTicks, { min: 0 }],
    ['atr', 'ATR period', form.atrPeriod, { min: 1, integer: true }],
    ['maxHold', 'max hold', form.maxHold, { min: 1, integer: true, optional: true }],
    ['length', 'length', form.length, { min: 1, integer: true }],
    ['slow', 'slow', form.slow, { min: 2, integer: true }],
  ]
  for (const [key, label, text, opts] of fields) {
    const v = num(label, text, opts)
    if (typeof v === 'string') return { spec: null, problem: v }
    values[key] = v
  }
  if ((values.slTo as number) < (values.slFrom as number)) return { spec: null, problem: 'SL: "to" is below "from"' }
  if ((values.tpTo as number) < (values.tpFrom as number)) return { spec: null, problem: 'TP: "to" is below "from"' }
  const sets =
    gridSize(values.slFrom as number, values.slTo as number, values.slStep as number) *
    gridSize(values.tpFrom as number, values.tpTo as number, values.tpStep as number)
  if (sets > 1_000_000) return { spec: null, problem: `the grid has ${sets.toLocaleString('en-US')} sets; at most 1,000,000` }
  let signals: BacktestSpecInput['signals']
  if (form.signalKind === 'generator') {
    signals = {
      kind: 'generator',
      generator: form.generator,
      length: values.length as number,
      slow: form.generator === 'ma-cross' ? values.slow : undefined,
      edge: form.edge,
    }
  } else if (form.signalKind === 'formula') {
    if (!form.long.trim() && !form.short.trim()) return { spec: null, problem: 'signals: enter a long condition, a short one or both' }
    signals = { kind: 'formula', long: form.long.trim() || undefined, short: form.short.trim() || undefined, edge: form.edge }
  } else {
    if (!form.csvText.trim()) return { spec: null, problem: 'signals: choose a CSV file of time,direction' }
    signals = { kind: 'csv', text: form.csvText, name: form.csvName || 'signals CSV' }
  }
  return {
    problem: null,
    spec: {
      instrumentId: form.instrument.id,
      from: form.from || undefined,
      to: form.to || undefined,
      signals,
      direction: form.direction,
      unit: form.unit,
      atrPeriod: values.atr,
      sl: { from: values.slFrom as number, to: values.slTo as number, step: values.slStep as number },
      tp: { from: values.tpFrom as number, to: values.tpTo as number, step: values.tpStep as number },
      costs: {
        tickSize: values.tickSize as number,
        tickValue: values.tickValue as number,
        commission: values.commission as number,
        slippageTicks: values.slippage as number,
      },
      tie: form.tie,
      maxHold: values.maxHold ?? null,
      overlap: form.overlap,
      name: form.name.trim() || undefined,
    },
  }
}

export function gridSize(from: number, to: number, step: number): number {
  return Math.floor((to - from) / step + 1e-9) + 1
}

/** The metric as a matrix: rows = SL levels, columns = TP levels. */
export function metricMatrix(run: BacktestRun, metric: SetMetric): (number | null)[][] {
  const values = run.stats[metric as keyof SweepStats] as (number | null)[]
  return run.sl.map((_, k) => run.tp.map((_, m) => values[k * run.tp.length + m] ?? null))
}

/** The finite values' range over one heatmap, or over several that share a colour scale (compare). */
export function metricRange(...matrices: (number | null)[][][]): { lo: number; hi: number } {
  let lo = Number.POSITIVE_INFINITY
  let hi = Number.NEGATIVE_INFINITY
  for (const matrix of matrices)
    for (const row of matrix)
      for (const v of row) {
        if (v === null || !Number.isFinite(v)) continue
        lo = Math.min(lo, v)
        hi = Math.max(hi, v)
      }
  return Number.isFinite(lo) ? { lo, hi } : { lo: 0, hi: 0 }
}

const mix = (a: number[], b: number[], t: number) => `rgb(${a.map((x, i) => Math.round(x + (b[i] - x) * t)).join(',')})`
const RED = [200, 60, 60]
const MID = [48, 52, 62]
const GREEN = [46, 160, 90]
const LOW = [40, 60, 110]
const HIGH = [240, 200, 80]

/** Colour of a cell: diverging red/green around zero for P&L-like metrics, else a sequential scale (better = brighter). */
export function colorScale(metric: SetMetric, range: { lo: number; hi: number }): (v: number | null) => string {
  const flip = lowerIsBetter.has(metric)
  if (diverging.has(metric)) {
    const span = Math.max(Math.abs(range.lo), Math.abs(range.hi)) || 1
    return (v) => {
      if (v === null || !Number.isFinite(v)) return 'rgb(30,32,38)'
      const t = Math.min(1, Math.abs(v) / span)
      return v >= 0 ? mix(MID, GREEN, t) : mix(MID, RED, t)
    }
  }
  const span = range.hi - range.lo || 1
  return (v) => {
    if (v === null || !Number.isFinite(v)) return 'rgb(30,32,38)'
    const t = (v - range.lo) / span
    return mix(LOW, HIGH, flip ? 1 - t : t)
  }
}

export function formatMetric(metric: SetMetric, v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—'
  if (metric === 'winRate' || metric === 'exposure') return `${(v * 100).toFixed(1)}%`
  if (metric === 'trades' || metric === 'ambiguous') return v.toLocaleString('en-US')
  if (metric === 'profitFactor' || metric === 'sharpe') return v.toFixed(2)
  return v.toLocaleString('en-US', { maximumFractionDigits: 2, minimumFractionDigits: 2 })
}

export function jobFraction(q: QueuedRun): number | null {
  const info = q.info
  return info && info.total > 0 ? Math.min(1, info.done / info.total) : null
}

/** The best cell of a run by a metric (highest, or lowest for drawdown-like metrics). */
export function bestCell(run: BacktestRun, metric: SetMetric): { slIndex: number; tpIndex: number } | null {
  const values = run.stats[metric as keyof SweepStats] as (number | null)[]
  let best = -1
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v) || run.stats.trades[i] === 0) return
    const b = best < 0 ? null : values[best]
    if (b === null || (lowerIsBetter.has(metric) ? v < (b as number) : v > (b as number))) best = i
  })
  return best < 0 ? null : { slIndex: Math.floor(best / run.tp.length), tpIndex: best % run.tp.length }
}
