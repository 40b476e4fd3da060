/**
 * The trade book: every simulated and live trade in one table; filters, pages, the summary of
 * a filter, tags and notes, CSV import, exports, the live API's settings. Times are unix
 * seconds (UTC); P&L in money.
 */
import { z } from 'zod'
import { method } from './define'
import { jobIdSchema } from './jobs'
import type { Bars } from './market'

export const tradeSources = ['run', 'live', 'import'] as const
export type TradeSource = (typeof tradeSources)[number]
export const directions = ['long', 'short'] as const
export type Direction = (typeof directions)[number]

export interface Trade {
  id: number
  source: TradeSource
  /** The stored run (backtest) the trade belongs to, for source 'run'. */
  runId: number | null
  /** Live trades: the algorithm's user and alpha (the seed API's names). */
  user: string | null
  alpha: string | null
  instrument: string
  direction: Direction
  quantity: number
  entryTs: number | null
  entryPrice: number | null
  exitTs: number | null
  exitPrice: number | null
  stopLoss: number | null
  takeProfit: number | null
  exitReason: string | null
  pnlGross: number | null
  pnlNet: number | null
  fees: number
  mae: number | null
  mfe: number | null
  tags: string[]
  note: string
  /** A live trade still open. */
  active: boolean
  createdAt: string
  updatedAt: string
}

/** Columns the table can sort by (each backed by an index or cheap to sort). */
export const tradeSortColumns = [
  'id',
  'entryTs',
  'exitTs',
  'instrument',
  'direction',
  'quantity',
  'entryPrice',
  'exitPrice',
  'pnlGross',
  'pnlNet',
  'fees',
  'mae',
  'mfe',
  'exitReason',
  'source',
  'runId',
] as const
export type TradeSortColumn = (typeof tradeSortColumns)[number]

const shortText = z.string().max(200)
const tsSchema = z.number().int().min(-62_135_596_800).max(253_402_300_799)

export const tradeFilterSchema = z
  .object({
    instruments: z.array(z.string().min(1).max(64)).max(1000).optional(),
    runIds: z.array(z.number().int()).max(1000).optional(),
    sources: z.array(z.enum(tradeSources)).max(3).optional(),
    direction: z.enum(directions).optional(),
    /** Entry time range, unix seconds, inclusive. */
    from: tsSchema.optional(),
    to: tsSchema.optional(),
    pnlMin: z.number().finite().optional(),
    pnlMax: z.number().finite().optional(),
    exitReasons: z.array(z.string().max(40)).max(50).optional(),
    tag: z.string().min(1).max(40).optional(),
    /** Free text searched in notes. */
    text: shortText.optional(),
    user: z.string().min(1).max(100).optional(),
    alpha: z.string().min(1).max(100).optional(),
    status: z.enum(['open', 'closed', 'all']).optional(),
  })
  .strict()
export type TradeFilter = z.infer<typeof tradeFilterSchema>

/** A sort of the trade table; ties go by id (instrument ties by entry time, then id), in the same direction. */
export const tradeSortSchema = z.object({ column: z.enum(tradeSortColumns), dir: z.enum(['asc', 'desc']) }).strict()
export type TradeSort = z.infer<typeof tradeSortSchema>

export interface TradePage {
  rows: Trade[]
  /** Rows matching the filter. */
  total: number
  offset: number
  queryMs: number
}

export interface BreakdownRow {
  key: string
  count: number
  netPnl: number
  winRate: number | null
}

export interface TradeSummary {
  count: number
  closed: number
  wins: number
  losses: number
  winRate: number | null
  profitFactor: number | null
  expectancy: number | null
  netPnl: number
  grossPnl: number
  fees: number
  byMonth: BreakdownRow[]
  byInstrument: BreakdownRow[]
  /** Cumulative net P&L of the filtered closed trades by exit time, downsampled to at most ~1,000 points. */
  equity: { ts: number; equity: number }[]
  queryMs: number
}

/** A trade on its price chart: bars around it (from a dataset holding its instrument), or null when none has. */
export interface TradeChart {
  trade: Trade
  bars: Bars | null
  dataset: string | null
}

export interface TradeEdit {
  tradeId: number
  field: 'tags' | 'note'
  before: string
  after: string
}

export interface RunListItem {
  id: number
  kind: string
  name: string
  createdAt: string
  tradeCount: number
  stats: Record<string, unknown>
  returns: { ts: number; ret: number; equity: number | null }[]
}

export interface CalendarWindow {
  id: number
  user: string
  alpha: string
  start: string
  end: string
  startTs: number | null
  endTs: number | null
  pushedAt: string
}

export interface LiveApiSettings {
  enabled: boolean
  port: number
  basePath: string
  token: string
  /** Where it listens now, or null when stopped. */
  url: string | null
  error: string | null
}

/** What the live API just wrote (the open-trades and calendar views refresh on it). */
export interface LiveTradeEvent {
  kind: 'opened' | 'closed' | 'calendar'
  trade?: Trade
  user?: string
  count?: number
}

export interface TradeImportResult {
  inserted: number
  file: string
}

export const csvTradeFields = [
  'instrument',
  'direction',
  'quantity',
  'entryTime',
  'entryPrice',
  'exitTime',
  'exitPrice',
  'stopLoss',
  'takeProfit',
  'exitReason',
  'pnlGross',
  'pnlNet',
  'fees',
  'tags',
  'note',
] as const
export type CsvTradeField = (typeof csvTradeFields)[number]

export const exportFormatNames = ['csv', 'json', 'ndjson', 'xlsx', 'parquet'] as const
export type ExportFormatName = (typeof exportFormatNames)[number]

export interface ExportDone {
  rows: number
  bytes: number
  ms: number
  /** Where it was written: Electron, the file chosen in the main process's save dialog; browser mode, a download URL path. */
  path: string | null
  downloadUrl: string | null
}

const pageInput = z
  .object({
    filter: tradeFilterSchema.default({}),
    sort: tradeSortSchema.default({ column: 'entryTs', dir: 'desc' }),
    offset: z.number().int().min(0).max(1e9).default(0),
    limit: z.number().int().min(1).max(1000).default(100),
  })
  .strict()

export const book = {
  page: method<TradePage>()(pageInput),
  summary: method<TradeSummary>()(z.object({ filter: tradeFilterSchema.default({}) }).strict()),
  get: method<Trade>()(z.object({ id: z.number().int() }).strict()),
  tradeChart: method<TradeChart>()(z.object({ id: z.number().int() }).strict()),
  setTags: method<Trade>()(z.object({ id: z.number().int(), tags: z.array(z.string().min(1).max(40)).max(50) }).strict()),
  setNote: method<Trade>()(z.object({ id: z.number().int(), note: z.string().max(10_000) }).strict()),
  undo: method<{ undone: TradeEdit | null; trade: Trade | null }>()(z.object({}).strict().default({})),
  facets: method<{ instruments: string[]; exitReasons: string[]; tags: string[]; runs: { id: number; name: string }[] }>()(
    z.object({}).strict().default({}),
  ),
  runs: method<RunListItem[]>()(
    z
      .object({ limit: z.number().int().min(1).max(500).default(100) })
      .strict()
      .default({ limit: 100 }),
  ),
  openTrades: method<Trade[]>()(
    z
      .object({ user: z.string().max(100).optional() })
      .strict()
      .default({}),
  ),
  calendar: method<CalendarWindow[]>()(
    z
      .object({ user: z.string().max(100).optional(), limit: z.number().int().min(1).max(10_000).default(1000) })
      .strict()
      .default({ limit: 1000 }),
  ),
  export: method<ExportDone>()(
    z
      .object({
        jobId: jobIdSchema,
        format: z.enum(exportFormatNames),
        filter: tradeFilterSchema.default({}),
        sort: tradeSortSchema.default({ column: 'entryTs', dir: 'desc' }),
        /** A selection instead of the filter. */
        ids: z.array(z.number().int()).max(1_000_000).optional(),
        columns: z.array(z.string().max(40)).max(40).optional(),
      })
      .strict(),
  ),
  importCsv: method<TradeImportResult>()(
    z
      .object({
        name: z.string().min(1).max(200),
        text: z.string().max(64 * 2 ** 20),
        mapping: z.partialRecord(z.enum(csvTradeFields), z.number().int().min(0).max(1000)).optional(),
      })
      .strict(),
  ),
  apiSettings: method<LiveApiSettings>()(z.object({}).strict().default({})),
  setApiSettings: method<LiveApiSettings>()(
    z.object({ enabled: z.boolean().optional(), port: z.number().int().min(0).max(65_535).optional() }).strict(),
  ),
  rotateToken: method<LiveApiSettings>()(z.object({}).strict().default({})),
}
