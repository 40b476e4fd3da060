/**
 * The trade table in SQL: pages of a filter in a sort order, single trades, bulk inserts.
 * Writes happen only in the main process (the one writable connection); reads work on any
 * connection, so a worker can run the heavy ones.
 */
import { AppError } from '../../contract'
import type { Direction, Trade, TradeFilter, TradePage, TradeSort, TradeSource } from '../../contract/book'
import type { Db } from '../../db/open'
import { whereOf } from './filter'
import { directionValue, normaliseTags, sortSql, type TradeRow, tradeColumnsSql, tradeOf } from './rows'
import { prepared } from './statements'

export interface NewTrade {
  source: TradeSource
  runId?: number | null
  user?: string | null
  alpha?: string | null
  instrument: string
  direction: Direction
  quantity?: number
  entryTs?: number | null
  entryPrice?: number | null
  exitTs?: number | null
  exitPrice?: number | null
  stopLoss?: number | null
  takeProfit?: number | null
  exitReason?: string | null
  pnlGross?: number | null
  pnlNet?: number | null
  fees?: number
  mae?: number | null
  mfe?: number | null
  tags?: string[]
  note?: string
  active?: boolean
}

const insertColumns = [
  'source',
  'run_id',
  'user',
  'alpha',
  'instrument',
  'direction',
  'quantity',
  'entry_ts',
  'entry_price',
  'exit_ts',
  'exit_price',
  'stop_loss',
  'take_profit',
  'exit_reason',
  'pnl_gross',
  'pnl_net',
  'fees',
  'mae',
  'mfe',
  'tags',
  'note',
  'active',
]
const rowsPerInsert = 40

function values(t: NewTrade, tags: string[]): unknown[] {
  return [
    t.source,
    t.runId ?? null,
    t.user ?? null,
    t.alpha ?? null,
    t.instrument,
    directionValue(t.direction),
    t.quantity ?? 1,
    t.entryTs ?? null,
    t.entryPrice ?? null,
    t.exitTs ?? null,
    t.exitPrice ?? null,
    t.stopLoss ?? null,
    t.takeProfit ?? null,
    t.exitReason ?? null,
    t.pnlGross ?? null,
    t.pnlNet ?? null,
    t.fees ?? 0,
    t.mae ?? null,
    t.mfe ?? null,
    JSON.stringify(tags),
    t.note ?? '',
    t.active ? 1 : 0,
  ]
}

const insertSql = (rows: number) =>
  `INSERT INTO trades (${insertColumns.join(', ')}) VALUES ${new Array(rows).fill(`(${insertColumns.map(() => '?').join(', ')})`).join(', ')}`

/**
 * Inserts trades in one transaction (all or nothing), many rows per statement; returns the
 * first new id (ids are consecutive: nothing else writes meanwhile on this connection).
 */
export function insertTrades(db: Db, trades: readonly NewTrade[]): { firstId: number; count: number } {
  if (!trades.length) return { firstId: 0, count: 0 }
  let firstId = 0
  const tagInsert = prepared(db, 'INSERT OR IGNORE INTO trade_tags (tag, trade_id) VALUES (?, ?)')
  db.transaction(() => {
    const bulk = prepared(db, insertSql(rowsPerInsert))
    let k = 0
    let lastId = 0
    const tagsOf = trades.map((t) => normaliseTags(t.tags ?? []))
    for (; k + rowsPerInsert <= trades.length; k += rowsPerInsert) {
      const params: unknown[] = []
      for (let i = k; i < k + rowsPerInsert; i++) params.push(...values(trades[i], tagsOf[i]))
      lastId = Number(bulk.run(params).lastInsertRowid)
      if (!firstId) firstId = lastId - rowsPerInsert + 1
    }
    if (k < trades.length) {
      const rest = trades.length - k
      const params: unknown[] = []
      for (let i = k; i < trades.length; i++) params.push(...values(trades[i], tagsOf[i]))
      lastId = Number(prepared(db, insertSql(rest)).run(params).lastInsertRowid)
      if (!firstId) firstId = lastId - rest + 1
    }
    tagsOf.forEach((tags, i) => {
      for (const tag of tags) tagInsert.run(tag, firstId + i)
    })
  })()
  bumpVersion(db)
  return { firstId, count: trades.length }
}

/** Changes on every write; cached counts of filters compare it. */
const versions = new WeakMap<Db, number>()
export const bumpVersion = (db: Db) => versions.set(db, (versions.get(db) ?? 0) + 1)
const countCache = new WeakMap<Db, Map<string, { version: number; total: number }>>()

export function countTrades(db: Db, filter: TradeFilter, ids?: readonly number[]): number {
  const where = whereOf(filter, ids)
  const key = `${where.sql}\u0000${JSON.stringify(where.params)}`
  const version = versions.get(db) ?? 0
  let cache = countCache.get(db)
  if (!cache) countCache.set(db, (cache = new Map()))
  const hit = cache.get(key)
  if (hit && hit.version === version) return hit.total
  const total = prepared(db, `SELECT count(*) FROM trades ${where.sql}`).pluck().get(where.params) as number
  if (cache.size > 50) cache.clear()
  cache.set(key, { version, total })
  return total
}

export function orderBy(sort: TradeSort): string {
  const dir = sort.dir === 'asc' ? 'ASC' : 'DESC'
  const col = sortSql[sort.column]
  return col === 'id' ? `ORDER BY id ${dir}` : `ORDER BY ${col} ${dir}, id ${dir}`
}

export function pageTrades(db: Db, input: { filter: TradeFilter; sort: TradeSort; offset: number; limit: number }): TradePage {
  const started = performance.now()
  const where = whereOf(input.filter)
  const total = countTrades(db, input.filter)
  const rows = prepared(db, `SELECT ${tradeColumnsSql} FROM trades ${where.sql} ${orderBy(input.sort)} LIMIT @limit OFFSET @offset`).all({
    ...where.params,
    limit: input.limit,
    offset: input.offset,
  }) as TradeRow[]
  return { rows: rows.map(tradeOf), total, offset: input.offset, queryMs: performance.now() - started }
}

export function getTrade(db: Db, id: number): Trade {
  const row = prepared(db, `SELECT ${tradeColumnsSql} FROM trades WHERE id = ?`).get(id) as TradeRow | undefined
  if (!row) throw new AppError('NOT_FOUND', `no trade ${id}`)
  return tradeOf(row)
}

/** Rows of a filter (or a selection) in order, a batch at a time: exports read through this. */
export function* tradeRowBatches(
  db: Db,
  filter: TradeFilter,
  sort: TradeSort,
  ids?: readonly number[],
  batchRows = 16_384,
): Generator<TradeRow[]> {
  const where = whereOf(filter, ids)
  const stmt = db.prepare(`SELECT ${tradeColumnsSql} FROM trades ${where.sql} ${orderBy(sort)}`)
  let batch: TradeRow[] = []
  for (const row of stmt.iterate(where.params) as IterableIterator<TradeRow>) {
    batch.push(row)
    if (batch.length === batchRows) {
      yield batch
      batch = []
    }
  }
  if (batch.length) yield batch
}
