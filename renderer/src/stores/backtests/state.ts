import { create } from 'zustand'
import type {
  BacktestRun,
  BacktestSet,
  BacktestSummary,
  Bars,
  ContractCosts,
  Dataset,
  ErrorData,
  Instrument,
  JobInfo,
  SetMetric,
  SignalGenerator,
  SltpUnit,
  TiePolicy,
} from '../../../../electron/contract'
import { idle, type Loadable } from '../loadable'

export type SignalKind = 'generator' | 'formula' | 'csv'

/** The backtest form as typed (numbers as text until launch, so a half-typed field is not lost). */
export interface FormState {
  datasetId: number | null
  instrument: Instrument | null
  search: string
  from: string
  to: string
  signalKind: SignalKind
  generator: SignalGenerator
  length: string
  slow: string
  long: string
  short: string
  edge: boolean
  csvText: string
  csvName: string
  direction: 'both' | 'long' | 'short'
  unit: SltpUnit
  atrPeriod: string
  sl: { from: string; to: string; step: string }
  tp: { from: string; to: string; step: string }
  costs: { tickSize: string; tickValue: string; commission: string; slippageTicks: string }
  /** Where the costs came from ('CL spec', 'default', 'edited'). */
  costsSource: string
  tie: TiePolicy
  maxHold: string
  overlap: boolean
  name: string
}

/** A launched backtest: queued or running in the engine, or finished with a run or an error. */
export interface QueuedRun {
  jobId: string
  label: string
  startedAt: number
  info: JobInfo | null
  status: 'running' | 'done' | 'failed' | 'cancelled'
  error: ErrorData | null
  runId: number | null
}

export interface BacktestsSlice {
  datasets: Loadable<Dataset[]>
  instruments: Loadable<Instrument[]>
  form: FormState
  queue: QueuedRun[]
  runs: Loadable<BacktestSummary[]>
  run: Loadable<BacktestRun>
  /** A second run shown beside the first (its id as soon as it is asked for). */
  compare: Loadable<BacktestRun>
  compareId: number | null
  metric: SetMetric
  cell: { slIndex: number; tpIndex: number } | null
  set: Loadable<BacktestSet>
  /** Index into the set's trades. */
  trade: number | null
  bars: Loadable<Bars>
  keep: { status: 'idle' | 'saving' | 'error'; error: ErrorData | null }
  /** The built-in generator's conditions as formulas (shown under the rule). */
  generatorText: { long: string; short: string } | null
}

export const defaultCosts: ContractCosts = { tickSize: 0.01, tickValue: 0.01, commission: 0, slippageTicks: 0 }

export const initialForm: FormState = {
  datasetId: null,
  instrument: null,
  search: '',
  from: '',
  to: '',
  signalKind: 'generator',
  generator: 'breakout',
  length: '20',
  slow: '50',
  long: 'close > delay(ts_max(high, 20), 1)',
  short: 'close < delay(ts_min(low, 20), 1)',
  edge: true,
  csvText: '',
  csvName: '',
  direction: 'both',
  unit: 'ticks',
  atrPeriod: '14',
  sl: { from: '10', to: '100', step: '10' },
  tp: { from: '10', to: '200', step: '10' },
  costs: { tickSize: '0.01', tickValue: '0.01', commission: '0', slippageTicks: '0' },
  costsSource: 'default',
  tie: 'stop',
  maxHold: '',
  overlap: false,
  name: '',
}

export const useBacktests = create<BacktestsSlice>(() => ({
  datasets: idle(),
  instruments: idle(),
  form: initialForm,
  queue: [],
  runs: idle(),
  run: idle(),
  compare: idle(),
  compareId: null,
  metric: 'netPnl',
  cell: null,
  set: idle(),
  trade: null,
  bars: idle(),
  keep: { status: 'idle', error: null },
  generatorText: null,
}))
