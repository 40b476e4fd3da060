/**
 * Alpha backtests as runs in the database (tables runs + run_returns, migration 2), so the
 * trade book can list them with other runs: kind 'alpha-backtest', the spec and statistics
 * as JSON, one row of returns per day.
 */
import type { AlphaRunColumn, PortfolioStats } from '../../contract'
import type { Db } from '../../db/open'
import type { PortfolioSeries, PortfolioSpec } from './portfolio-backtest'
import type { RunMeta } from './run-file'

export const portfolioBacktestKind = 'alpha-backtest'

export interface StoredPortfolioSpec extends PortfolioSpec {
  key: string
  name: string
  formula: string
  datasetId: number
  sectors: string[] | null
  /** First and last run date (unix seconds). */
  from: number
  to: number
  instruments: number
  timing: string
  runId: string
}

export function portfolioBacktestName(column: Pick<AlphaRunColumn, 'name'>, spec: PortfolioSpec): string {
  const how = spec.weighting === 'rank' ? 'rank-weighted' : `top/bottom ${+(spec.quantile * 100).toFixed(2)}%`
  return `${column.name} long/short ${how}, ${spec.costBps} bps`
}

export function storePortfolioBacktest(
  db: Db,
  meta: RunMeta,
  column: AlphaRunColumn,
  spec: PortfolioSpec,
  series: PortfolioSeries,
): number {
  const full: StoredPortfolioSpec = {
    ...spec,
    key: column.key,
    name: column.name,
    formula: column.text,
    datasetId: meta.datasetId,
    sectors: meta.sectors ?? null,
    from: meta.dates[0],
    to: meta.dates[meta.dates.length - 1],
    instruments: meta.instruments.length,
    timing: 'decided at the close of t, traded at the close of t+1, held to the close of t+2; dollar neutral; cost = costBps × turnover',
    runId: meta.runId,
  }
  const insertRun = db.prepare('INSERT INTO runs (kind, name, dataset_id, spec, stats) VALUES (?, ?, ?, ?, ?)')
  const insertReturn = db.prepare('INSERT INTO run_returns (run_id, ts, ret, gross, turnover, equity) VALUES (?, ?, ?, ?, ?, ?)')
  return db.transaction(() => {
    const datasetExists = db.prepare('SELECT 1 FROM datasets WHERE id = ?').get(meta.datasetId) !== undefined
    const id = Number(
      insertRun.run(
        portfolioBacktestKind,
        portfolioBacktestName(column, spec),
        datasetExists ? meta.datasetId : null,
        JSON.stringify(full),
        JSON.stringify(series.stats),
      ).lastInsertRowid,
    )
    for (let i = 0; i < series.time.length; i++) {
      insertReturn.run(id, series.time[i], series.returns[i], series.gross[i], series.turnover[i], series.equity[i])
    }
    return id
  })()
}

export interface StoredRun {
  id: number
  kind: string
  name: string
  datasetId: number | null
  spec: unknown
  stats: PortfolioStats
  createdAt: string
}

/** A stored run with its daily returns (for tests and the later trade-book listing). */
export function readStoredRun(
  db: Db,
  id: number,
): (StoredRun & { returns: { ts: number; ret: number; gross: number | null; turnover: number | null; equity: number | null }[] }) | null {
  const row = db
    .prepare('SELECT id, kind, name, dataset_id AS datasetId, spec, stats, created_at AS createdAt FROM runs WHERE id = ?')
    .get(id) as (Omit<StoredRun, 'spec' | 'stats'> & { spec: string; stats: string }) | undefined
  if (!row) return null
  const returns = db.prepare('SELECT ts, ret, gross, turnover, equity FROM run_returns WHERE run_id = ? ORDER BY ts').all(id) as {
    ts: number
    ret: number
    gross: number | null
    turnover: number | null
    equity: number | null
  }[]
  return { ...row, spec: JSON.parse(row.spec), stats: JSON.parse(row.stats), returns }
}
