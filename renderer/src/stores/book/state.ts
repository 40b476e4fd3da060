import { create } from 'zustand'
import type {
  CalendarWindow,
  ErrorData,
  ExportDone,
  ExportFormatName,
  LiveApiSettings,
  RunListItem,
  Trade,
  TradeChart,
  TradeEdit,
  TradeFilter,
  TradeSort,
  TradeSummary,
} from '../../../../electron/contract'
import { idle, type Loadable } from '../loadable'

export type BookTab = 'trades' | 'runs' | 'open' | 'calendar' | 'settings'

/** Table columns the user can show or hide (key = Trade field). */
export const tradeColumns = [
  { key: 'id', label: 'ID', width: 64 },
  { key: 'source', label: 'Source', width: 70 },
  { key: 'runId', label: 'Run', width: 56 },
  { key: 'user', label: 'User', width: 80 },
  { key: 'alpha', label: 'Alpha', width: 90 },
  { key: 'instrument', label: 'Instrument', width: 104 },
  { key: 'direction', label: 'Side', width: 60 },
  { key: 'quantity', label: 'Qty', width: 60 },
  { key: 'entryTs', label: 'Entry time', width: 150 },
  { key: 'entryPrice', label: 'Entry', width: 84 },
  { key: 'exitTs', label: 'Exit time', width: 150 },
  { key: 'exitPrice', label: 'Exit', width: 84 },
  { key: 'stopLoss', label: 'SL', width: 72 },
  { key: 'takeProfit', label: 'TP', width: 72 },
  { key: 'exitReason', label: 'Reason', width: 70 },
  { key: 'pnlGross', label: 'P&L gross', width: 90 },
  { key: 'pnlNet', label: 'P&L net', width: 90 },
  { key: 'fees', label: 'Fees', width: 64 },
  { key: 'mae', label: 'MAE', width: 72 },
  { key: 'mfe', label: 'MFE', width: 72 },
  { key: 'tags', label: 'Tags', width: 140 },
  { key: 'note', label: 'Note', width: 220 },
] as const satisfies readonly { key: keyof Trade; label: string; width: number }[]
export type TradeColumnKey = (typeof tradeColumns)[number]['key']

export const defaultColumns: TradeColumnKey[] = [
  'id',
  'source',
  'instrument',
  'direction',
  'quantity',
  'entryTs',
  'entryPrice',
  'exitTs',
  'exitPrice',
  'exitReason',
  'pnlNet',
  'tags',
  'note',
]

export interface ExportState {
  jobId: string
  format: ExportFormatName
  state: 'running' | 'done' | 'failed' | 'cancelled'
  done: number
  total: number
  result: ExportDone | null
  error: ErrorData | null
}

export interface BookSlice {
  tab: BookTab
  filter: TradeFilter
  sort: TradeSort
  columns: TradeColumnKey[]
  /** Rows by their index in the filtered, sorted table; pages load as the table scrolls. */
  rows: Map<number, Trade>
  total: number | null
  pageError: ErrorData | null
  /** Bumped whenever the query changes, so stale pages are dropped and the table re-renders. */
  version: number
  lastQueryMs: number | null
  summary: Loadable<TradeSummary>
  facets: { instruments: string[]; exitReasons: string[]; tags: string[]; runs: { id: number; name: string }[] }
  selectedId: number | null
  /** Rows ticked for a selection export. */
  checked: Set<number>
  chart: Loadable<TradeChart>
  lastEdit: TradeEdit | null
  editError: ErrorData | null
  runs: Loadable<RunListItem[]>
  open: Loadable<Trade[]>
  calendar: Loadable<CalendarWindow[]>
  apiSettings: Loadable<LiveApiSettings>
  exportJob: ExportState | null
  importResult: { inserted: number; file: string } | null
  importError: ErrorData | null
  /** Live trades that arrived while looking (for a short highlight). */
  liveFlash: number[]
}

export const useBook = create<BookSlice>(() => ({
  tab: 'trades',
  filter: {},
  sort: { column: 'entryTs', dir: 'desc' },
  columns: defaultColumns,
  rows: new Map(),
  total: null,
  pageError: null,
  version: 0,
  lastQueryMs: null,
  summary: idle(),
  facets: { instruments: [], exitReasons: [], tags: [], runs: [] },
  selectedId: null,
  checked: new Set(),
  chart: idle(),
  lastEdit: null,
  editError: null,
  runs: idle(),
  open: idle(),
  calendar: idle(),
  apiSettings: idle(),
  exportJob: null,
  importResult: null,
  importError: null,
  liveFlash: [],
}))
