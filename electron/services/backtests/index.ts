/** SL/TP backtests: the trade simulator and SL×TP sweeps on the native engine. Plain Node, no Electron. */

export { gridOf, parseSweep } from './grid'
export { type BacktestJobs, backtestJobs } from './jobs'
export { type BacktestServiceDeps, createBacktestService } from './service'
export { parseSignalsCsv } from './signals-csv'
