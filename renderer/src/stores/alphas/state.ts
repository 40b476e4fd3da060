import { create } from 'zustand'
import { idle, type Loadable } from '../loadable'
import { idleTask, type Task } from '../task'
import type {
  AlphaCorrelation,
  AlphaRun,
  AlphaRunSummary,
  Bars,
  CrossSection,
  Dataset,
  ErrorData,
  FormulaLibrary,
  Leaderboard,
  ParseResult,
  PortfolioBacktest,
  TearSheet,
} from '../../../../electron/contract'
import type { LeaderSort } from './leaderboard'

export type ResultTab = 'leaderboard' | 'table' | 'tearsheet' | 'correlation' | 'portfolio'
export type SortDir = 'asc' | 'desc'
/** column: 'symbol' | 'sector' | an alpha key. */
export interface SortSpec {
  column: string
  dir: SortDir
}
/** All rows, or the top / bottom N by the ranking column. */
export type Extreme = 'all' | 'top' | 'bottom'

export interface ParseState {
  status: 'idle' | 'parsing' | 'ok' | 'error' | 'failed'
  /** The text the result belongs to. */
  text: string
  result: ParseResult | null
  /** The parse call itself failed (transport, backend). */
  error: ErrorData | null
}

export interface EditorState {
  text: string
  name: string
  parse: ParseState
  /** Compute the editor's formula as "adhoc" with the chosen alphas. */
  include: boolean
  save: { status: 'idle' | 'saving' | 'error'; error: ErrorData | null }
}

export interface Universe {
  datasetId: number | null
  /** Chosen sectors; empty = the whole dataset. */
  sectors: string[]
  /** YYYY-MM-DD; empty = the dataset's bound. */
  from: string
  to: string
  /** Missing values in windows: strict (a window needs every day) or lenient (half of its days). */
  policy: 'strict' | 'lenient'
}

export interface InstrumentRef {
  id: number
  symbol: string
  sector: string | null
}

/** The portfolio backtest's settings: which alpha, how it is weighted, what trading costs. */
export interface PortfolioConfig {
  key: string | null
  weighting: 'quantile' | 'rank'
  /** Fraction in each leg for quantile weighting (0.2 = top and bottom 20%). */
  quantile: number
  costBps: number
}

export interface AlphasSlice {
  library: Loadable<FormulaLibrary>
  datasets: Loadable<Dataset[]>
  sectorList: Loadable<{ sector: string; count: number }[]>
  universe: Universe
  /** Chosen formula keys, in the order picked. */
  selected: string[]
  search: string
  /** The formula shown in full under the list. */
  focusedKey: string | null
  editor: EditorState
  /** The compute; `data` keeps the last successful run while a new one runs or after it fails. */
  run: Task<AlphaRun>
  tab: ResultTab
  setupCollapsed: boolean

  // cross-section
  dateIndex: number
  cross: Loadable<CrossSection>
  sort: SortSpec
  filter: string
  extreme: Extreme
  extremeN: number
  instrument: InstrumentRef | null
  /** The alpha drawn beneath the candles. */
  chartKey: string | null
  bars: Loadable<Bars>
  series: Loadable<{ key: string; instrumentId: number; time: number[]; values: (number | null)[] }>

  // analyses of the current run
  tearKey: string | null
  tearSheets: Record<string, Task<TearSheet>>
  correlation: Task<AlphaCorrelation>
  portfolioConfig: PortfolioConfig
  portfolioBacktest: Task<PortfolioBacktest>

  // leaderboard of the current run
  leaderboard: Task<Leaderboard>
  leaderSort: LeaderSort
  /** e.g. "IR > 0.05 and coverage > 80%". */
  leaderFilter: string
  /** Alphas ticked in the leaderboard: they feed the correlation heatmap and the portfolio backtest. */
  leaderSelection: string[]

  // run history
  history: Loadable<AlphaRunSummary[]>
  historyOpen: boolean
}

export const initialEditor = (): EditorState => ({
  text: '',
  name: '',
  parse: { status: 'idle', text: '', result: null, error: null },
  include: true,
  save: { status: 'idle', error: null },
})

export const initialAlphas = (): AlphasSlice => ({
  library: idle(),
  datasets: idle(),
  sectorList: idle(),
  universe: { datasetId: null, sectors: [], from: '', to: '', policy: 'strict' },
  selected: [],
  search: '',
  focusedKey: null,
  editor: initialEditor(),
  run: idleTask(),
  tab: 'table',
  setupCollapsed: false,
  dateIndex: 0,
  cross: idle(),
  // '' = not chosen yet: the first run sorts by its first alpha, highest first.
  sort: { column: '', dir: 'desc' },
  filter: '',
  extreme: 'all',
  extremeN: 20,
  instrument: null,
  chartKey: null,
  bars: idle(),
  series: idle(),
  tearKey: null,
  tearSheets: {},
  correlation: idleTask(),
  portfolioConfig: { key: null, weighting: 'quantile', quantile: 0.2, costBps: 5 },
  portfolioBacktest: idleTask(),
  leaderboard: idleTask(),
  // Alpha order until the user sorts by a statistic.
  leaderSort: { column: 'name', dir: 'asc' },
  leaderFilter: '',
  leaderSelection: [],
  history: idle(),
  historyOpen: false,
})

export const useAlphas = create<AlphasSlice>(() => initialAlphas())
