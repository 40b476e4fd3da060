/**
 * Exports: one service writes every table of the app (trades, runs, alpha values, curves,
 * backtest results) to CSV, JSON, NDJSON, XLSX or Parquet. See export.ts.
 */
export { exportTable } from './export'
export { batchesFromRecords, batchesFromRows } from './batches'
export { formatFromPath } from './format'
export { alphaLongColumns, alphaLongBatches } from './sources/alpha-long'
export * from './types'
