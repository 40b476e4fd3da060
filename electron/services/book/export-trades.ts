/** Exports of the book's tables through the export service: trades (a filter or a selection), runs' daily returns, calendar windows. */
import type { TradeFilter, TradeSort } from '../../contract/book'
import type { Db } from '../../db/open'
import { type ExportFormat, type ExportProgress, type ExportResult, batchesFromRecords, exportTable } from '../exports'
import { pickTradeColumns, runReturnBatches, runReturnColumns, tradeBatches } from './export-source'
import { listCalendar } from './live'
import { countTrades } from './store'

export interface TableExport {
  format: ExportFormat
  out: string
  signal?: AbortSignal
  onProgress?: (p: ExportProgress) => void
}

export function exportTrades(
  db: Db,
  options: TableExport & { filter?: TradeFilter; sort?: TradeSort; ids?: readonly number[]; columns?: readonly string[] },
): Promise<ExportResult> {
  const columns = pickTradeColumns(options.columns)
  const filter = options.filter ?? {}
  const sort = options.sort ?? { column: 'entryTs', dir: 'asc' }
  return exportTable({
    ...options,
    columns,
    source: tradeBatches(db, columns, filter, sort, options.ids),
    total: countTrades(db, filter, options.ids),
    sheetName: 'trades',
  })
}

export function exportRunReturns(db: Db, options: TableExport & { runIds?: readonly number[] }): Promise<ExportResult> {
  return exportTable({
    ...options,
    columns: runReturnColumns,
    source: runReturnBatches(db, options.runIds),
    sheetPerGroup: true,
    sheetName: 'runs',
  })
}

const calendarColumns = [
  { name: 'id', type: 'int', nullable: false },
  { name: 'user', type: 'string', nullable: false },
  { name: 'alpha', type: 'string', nullable: false },
  { name: 'start', type: 'string', nullable: false },
  { name: 'end', type: 'string', nullable: false },
  { name: 'startTs', type: 'timestamp' },
  { name: 'endTs', type: 'timestamp' },
  { name: 'pushedAt', type: 'string', nullable: false },
] as const

export function exportCalendar(db: Db, options: TableExport & { user?: string }): Promise<ExportResult> {
  const columns = calendarColumns.map((c) => ({ ...c }))
  const rows = listCalendar(db, { user: options.user, limit: 1_000_000 }) as unknown as Record<string, unknown>[]
  return exportTable({ ...options, columns, source: batchesFromRecords(columns, rows), sheetName: 'calendar' })
}
