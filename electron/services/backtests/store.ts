/**
 * Backtests in the database: one `runs` row (kind 'sltp-backtest'; the spec, the resolved
 * signals and the grid as JSON), per-set statistics in backtest_sets, kept sets' trades in
 * backtest_trades (migration 004). Every write is one transaction: a run is all there or absent.
 */
import {
  AppError,
  type BacktestRun,
  type BacktestSignalsInfo,
  type BacktestSpec,
  type BacktestSummary,
  type BacktestTrade,
  type SweepStats,
} from '../../contract'
import type { Db } from '../../db/open'
import type { Signals } from './signals'
import { emptySweepStats, sweepFields } from './stats'

export const backtestKind = 'sltp-backtest'

export interface InstrumentRef {
  id: number
  symbol: string
  datasetId: number
  root: string | null
}

export function instrumentOf(db: Db, spec: Pick<BacktestSpec, 'instrumentId' | 'dataset' | 'symbol'>): InstrumentRef {
  if (spec.instrumentId !== undefined) {
    const row = db.prepare('SELECT id, symbol, dataset_id AS datasetId, root FROM instruments WHERE id = ?').get(spec.instrumentId) as
      | InstrumentRef
      | undefined
    if (!row) throw new AppError('NOT_FOUND', `instrumentId: no instrument ${spec.instrumentId}`, { field: 'instrumentId' })
    return row
  }
  const dataset = db.prepare('SELECT id FROM datasets WHERE key = ?').get(spec.dataset) as { id: number } | undefined
  if (!dataset)
    throw new AppError('NOT_FOUND', `dataset: no dataset '${spec.dataset}'`, {
      field: 'dataset',
    })
  const row = db
    .prepare('SELECT id, symbol, dataset_id AS datasetId, root FROM instruments WHERE dataset_id = ? AND symbol = ? COLLATE NOCASE')
    .get(dataset.id, spec.symbol) as InstrumentRef | undefined
  if (!row) throw new AppError('NOT_FOUND', `symbol: no instrument '${spec.symbol}' in dataset '${spec.dataset}'`, { field: 'symbol' })
  return row
}

/** What runs.spec holds: enough to re-simulate any set identically. */
export interface StoredSpec {
  spec: BacktestRun['spec']
  instrument: InstrumentRef
  sl: number[]
  tp: number[]
  signals: Signals
  signalsInfo: BacktestSignalsInfo
  bars: BacktestRun['bars']
}

interface StoredSummary {
  sets: number
  best: BacktestSummary['best']
  computeMs: number
}

const setColumns = [
  'trades',
  'wins',
  'win_rate',
  'profit_factor',
  'expectancy',
  'net_pnl',
  'max_drawdown',
  'sharpe',
  'exposure',
  'ambiguous',
  'sl_exits',
  'tp_exits',
  'time_exits',
  'end_exits',
  'skipped',
] as const

function bestOf(stats: SweepStats, tpCount: number): BacktestSummary['best'] {
  let best = -1
  stats.netPnl.forEach((v, i) => {
    if (stats.trades[i] > 0 && (best < 0 || v > stats.netPnl[best])) best = i
  })
  return best < 0
    ? null
    : {
        slIndex: Math.floor(best / tpCount),
        tpIndex: best % tpCount,
        netPnl: stats.netPnl[best],
      }
}

export function insertRun(db: Db, name: string, stored: StoredSpec, stats: SweepStats, computeMs: number): number {
  const summary: StoredSummary = {
    sets: stored.sl.length * stored.tp.length,
    best: bestOf(stats, stored.tp.length),
    computeMs,
  }
  const insertSet = db.prepare(
    `INSERT INTO backtest_sets (run_id, sl_index, tp_index, ${setColumns.join(', ')}) VALUES (${Array(setColumns.length + 3)
      .fill('?')
      .join(', ')})`,
  )
  return db.transaction(() => {
    const id = Number(
      db
        .prepare('INSERT INTO runs (kind, name, dataset_id, spec, stats) VALUES (?, ?, ?, ?, ?)')
        .run(backtestKind, name, stored.instrument.datasetId, JSON.stringify(stored), JSON.stringify(summary)).lastInsertRowid,
    )
    const m = stored.tp.length
    for (let i = 0; i < summary.sets; i++) {
      insertSet.run(id, Math.floor(i / m), i % m, ...sweepFields.map((f) => stats[f][i]))
    }
    return id
  })()
}

interface RunRow {
  id: number
  name: string
  createdAt: string
  spec: string
  stats: string
}

function summaryOf(row: RunRow, instrument: InstrumentRef): BacktestSummary {
  const s = JSON.parse(row.stats) as StoredSummary
  const { id, symbol, datasetId } = instrument
  return {
    runId: row.id,
    name: row.name,
    createdAt: row.createdAt,
    instrument: { id, symbol, datasetId },
    sets: s.sets,
    best: s.best,
    computeMs: s.computeMs,
  }
}

/** Newest first. Only the instrument is read out of each spec (a spec holds every resolved signal). */
export function listRuns(db: Db, limit: number): BacktestSummary[] {
  const rows = db
    .prepare(
      `SELECT id, name, created_at AS createdAt, json_extract(spec, '$.instrument') AS spec, stats
       FROM runs WHERE kind = ? ORDER BY id DESC LIMIT ?`,
    )
    .all(backtestKind, limit) as RunRow[]
  return rows.map((r) => summaryOf(r, JSON.parse(r.spec) as InstrumentRef))
}

export function readStored(db: Db, runId: number): { row: RunRow; stored: StoredSpec } {
  const row = db
    .prepare('SELECT id, name, created_at AS createdAt, spec, stats FROM runs WHERE id = ? AND kind = ?')
    .get(runId, backtestKind) as RunRow | undefined
  if (!row)
    throw new AppError('NOT_FOUND', `runId: no backtest ${runId}`, {
      field: 'runId',
    })
  return { row, stored: JSON.parse(row.spec) as StoredSpec }
}

export function readRun(db: Db, runId: number): BacktestRun {
  const { row, stored } = readStored(db, runId)
  const stats = emptySweepStats() as unknown as Record<string, (number | null)[]>
  const rows = db
    .prepare(`SELECT ${setColumns.join(', ')}, kept, sl_index, tp_index FROM backtest_sets WHERE run_id = ? ORDER BY sl_index, tp_index`)
    .raw()
    .all(runId) as (number | null)[][]
  const kept: BacktestRun['kept'] = []
  for (const r of rows) {
    sweepFields.forEach((f, k) => {
      stats[f].push(r[k])
    })
    if (r[setColumns.length])
      kept.push({
        slIndex: r[setColumns.length + 1] as number,
        tpIndex: r[setColumns.length + 2] as number,
      })
  }
  return {
    ...summaryOf(row, stored.instrument),
    spec: stored.spec,
    sl: stored.sl,
    tp: stored.tp,
    stats: stats as unknown as SweepStats,
    signals: stored.signalsInfo,
    bars: stored.bars,
    kept,
  }
}

const tradeColumns =
  'signal_time, direction, entry_time, entry_price, exit_time, exit_price, reason, bars_held, pnl_ticks, pnl_money, mae_ticks, mfe_ticks, sl_price, tp_price'

export function keptTrades(db: Db, runId: number, slIndex: number, tpIndex: number): BacktestTrade[] | null {
  const kept = db
    .prepare('SELECT kept FROM backtest_sets WHERE run_id = ? AND sl_index = ? AND tp_index = ?')
    .pluck()
    .get(runId, slIndex, tpIndex)
  if (!kept) return null
  return db
    .prepare(
      `SELECT signal_time AS signalTime, direction, entry_time AS entryTime, entry_price AS entryPrice, exit_time AS exitTime,
        exit_price AS exitPrice, reason, bars_held AS barsHeld, pnl_ticks AS pnlTicks, pnl_money AS pnlMoney,
        mae_ticks AS maeTicks, mfe_ticks AS mfeTicks, sl_price AS slPrice, tp_price AS tpPrice
       FROM backtest_trades WHERE run_id = ? AND sl_index = ? AND tp_index = ? ORDER BY seq`,
    )
    .all(runId, slIndex, tpIndex) as BacktestTrade[]
}

/** Stores (or drops) one set's trades. */
export function setKept(db: Db, runId: number, slIndex: number, tpIndex: number, trades: BacktestTrade[] | null): void {
  const insert = db.prepare(
    `INSERT INTO backtest_trades (run_id, sl_index, tp_index, seq, ${tradeColumns}) VALUES (${Array(18).fill('?').join(', ')})`,
  )
  db.transaction(() => {
    db.prepare('DELETE FROM backtest_trades WHERE run_id = ? AND sl_index = ? AND tp_index = ?').run(runId, slIndex, tpIndex)
    db.prepare('UPDATE backtest_sets SET kept = ? WHERE run_id = ? AND sl_index = ? AND tp_index = ?').run(
      trades ? 1 : 0,
      runId,
      slIndex,
      tpIndex,
    )
    trades?.forEach((t, seq) => {
      insert.run(
        runId,
        slIndex,
        tpIndex,
        seq,
        t.signalTime,
        t.direction,
        t.entryTime,
        t.entryPrice,
        t.exitTime,
        t.exitPrice,
        t.reason,
        t.barsHeld,
        t.pnlTicks,
        t.pnlMoney,
        t.maeTicks,
        t.mfeTicks,
        t.slPrice,
        t.tpPrice,
      )
    })
  })()
}

export function removeRun(db: Db, runId: number): boolean {
  return db.transaction(() => {
    db.prepare('DELETE FROM backtest_trades WHERE run_id = ?').run(runId)
    db.prepare('DELETE FROM backtest_sets WHERE run_id = ?').run(runId)
    return db.prepare('DELETE FROM runs WHERE id = ? AND kind = ?').run(runId, backtestKind).changes > 0
  })()
}

export function setStatsRow(db: Db, runId: number, slIndex: number, tpIndex: number): SweepStats | null {
  const r = db
    .prepare(`SELECT ${setColumns.join(', ')} FROM backtest_sets WHERE run_id = ? AND sl_index = ? AND tp_index = ?`)
    .raw()
    .get(runId, slIndex, tpIndex) as (number | null)[] | undefined
  if (!r) return null
  return Object.fromEntries(sweepFields.map((f, k) => [f, [r[k]]])) as unknown as SweepStats
}
