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
const rowsPerInsert = 64

/** The trade table's plain sort/filter indexes, as migration 003 creates them (a test checks they match). */
export const sortIndexes: Record<string, string> = {
  trades_entry: 'CREATE INDEX trades_entry ON trades(entry_ts)',
  trades_exit: 'CREATE INDEX trades_exit ON trades(exit_ts)',
  trades_instrument: 'CREATE INDEX trades_instrument ON trades(instrument, entry_ts)',
  trades_pnl: 'CREATE INDEX trades_pnl ON trades(pnl_net)',
}

/** Writes one trade's column values into `out` from `at` (no per-row arrays: a million rows go through here). */
function putValues(out: unknown[], at: number, t: NewTrade, tags: readonly string[]): void {
  out[at] = t.source
  out[at + 1] = t.runId ?? null
  out[at + 2] = t.user ?? null
  out[at + 3] = t.alpha ?? null
  out[at + 4] = t.instrument
  out[at + 5] = directionValue(t.direction)
  out[at + 6] = t.quantity ?? 1
  out[at + 7] = t.entryTs ?? null
  out[at + 8] = t.entryPrice ?? null
  out[at + 9] = t.exitTs ?? null
  out[at + 10] = t.exitPrice ?? null
  out[at + 11] = t.stopLoss ?? null
  out[at + 12] = t.takeProfit ?? null
  out[at + 13] = t.exitReason ?? null
  out[at + 14] = t.pnlGross ?? null
  out[at + 15] = t.pnlNet ?? null
  out[at + 16] = t.fees ?? 0
  out[at + 17] = t.mae ?? null
  out[at + 18] = t.mfe ?? null
  out[at + 19] = tags.length ? JSON.stringify(tags) : '[]'
  out[at + 20] = t.note ?? ''
  out[at + 21] = t.active ? 1 : 0
}

const noTags: readonly string[] = []

const insertSqlCache = new Map<number, string>()
const insertSql = (rows: number) => {
  let sql = insertSqlCache.get(rows)
  if (!sql) {
    sql = insertSqlText(rows)
    if (insertSqlCache.size < 100) insertSqlCache.set(rows, sql)
  }
  return sql
}
const insertSqlText = (rows: number) =>
  `INSERT INTO trades (${insertColumns.join(', ')}) VALUES ${new Array(rows).fill(`(${insertColumns.map(() => '?').join(', ')})`).join(', ')}`

/**
 * Inserts trades in one transaction (all or nothing), many rows per statement; returns the
 * first new id (ids are consecutive: nothing else writes meanwhile on this connection).
 */
export function insertTrades(db: Db, trades: readonly NewTrade[]): { firstId: number; count: number } {
  if (!trades.length) return { firstId: 0, count: 0 }
  let firstId = 0
  const tagInsert = prepared(db, 'INSERT OR IGNORE INTO trade_tags (tag, trade_id) VALUES (?, ?)')
  // A big batch updates index pages all over the file: with the default 2 MB page cache the
  // same pages are evicted and written again and again. Room for them while it runs.
  const bulk = trades.length > 20_000
  const cacheSize = bulk ? (db.pragma('cache_size', { simple: true }) as number) : 0
  if (bulk) db.pragma(`cache_size = ${-Math.min(512_000, 64 + Math.ceil(trades.length / 4))}`)
  try {
    db.transaction(() => {
      // Far more new rows than old: building the sort indexes afresh (one sort each) is several
      // times cheaper than inserting into them row by row. Same transaction: all or nothing.
      const rebuild = trades.length >= 100_000 && trades.length > (prepared(db, 'SELECT count(*) FROM trades').pluck().get() as number)
      if (rebuild) for (const name of Object.keys(sortIndexes)) db.exec(`DROP INDEX IF EXISTS ${name}`)
      const many = prepared(db, insertSql(rowsPerInsert))
      const width = insertColumns.length
      const params: unknown[] = new Array(rowsPerInsert * width)
      const tagsOf = trades.map((t) => (t.tags?.length ? normaliseTags(t.tags) : noTags))
      let k = 0
      let lastId = 0
      for (; k + rowsPerInsert <= trades.length; k += rowsPerInsert) {
        for (let i = 0; i < rowsPerInsert; i++) putValues(params, i * width, trades[k + i], tagsOf[k + i])
        lastId = Number(many.run(params).lastInsertRowid)
        if (!firstId) firstId = lastId - rowsPerInsert + 1
      }
      if (k < trades.length) {
        const rest = trades.length - k
        const tail: unknown[] = new Array(rest * width)
        for (let i = 0; i < rest; i++) putValues(tail, i * width, trades[k + i], tagsOf[k + i])
        lastId = Number(prepared(db, insertSql(rest)).run(tail).lastInsertRowid)
        if (!firstId) firstId = lastId - rest + 1
      }
      tagsOf.forEach((tags, i) => {
        for (const tag of tags) tagInsert.run(tag, firstId + i)
      })
      if (rebuild) for (const sql of Object.values(sortIndexes)) db.exec(sql)
    })()
  } finally {
    if (bulk) db.pragma(`cache_size = ${cacheSize}`)
  }
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

/**
 * The SQL order of a sort: the column, ties by id. Instrument ties go by entry time first (then id), the order of
 * the index trades_instrument(instrument, entry_ts), so a page of any filter in instrument order can walk that index.
 */
export function orderBy(sort: TradeSort): string {
  const dir = sort.dir === 'asc' ? 'ASC' : 'DESC'
  const col = sortSql[sort.column]
  if (col === 'id') return `ORDER BY id ${dir}`
  if (col === 'instrument') return `ORDER BY instrument ${dir}, entry_ts ${dir}, id ${dir}`
  return `ORDER BY ${col} ${dir}, id ${dir}`
}

/** Indexes whose order is a sort's order (SQLite ends each index key with the rowid, the id tie-break). */
const orderIndexes: Partial<Record<TradeSort['column'], string>> = {
  entryTs: 'trades_entry',
  exitTs: 'trades_exit',
  pnlNet: 'trades_pnl',
  instrument: 'trades_instrument',
}

/** Rows a page may look up while walking a sort's index before sorting the matching rows is the cheaper plan. */
const orderScanBudget = 20_000

/**
 * `INDEXED BY` the sort's index when walking it in order and testing each row against the filter reaches the page
 * after few rows: SQLite, knowing nothing of how many rows a filter keeps, would rather fetch every matching row and
 * sort them (80–300 ms at 1M trades for "one instrument by P&L" or "winners by instrument"). `matching` (the filter's
 * count, known before the page) estimates the rows walked: (offset + limit) × all / matching, assuming the filter is
 * independent of the order. Time filters are not (the rows of a date range sit in one stretch of a time index), so
 * they are left to the planner.
 */
function orderScan(db: Db, filter: TradeFilter, sort: TradeSort, want: number, matching: number): string {
  const index = orderIndexes[sort.column]
  if (!index || !matching) return ''
  if ((filter.from !== undefined || filter.to !== undefined) && sort.column !== 'entryTs') return ''
  const all = countTrades(db, {})
  return (want * all) / matching <= orderScanBudget ? `INDEXED BY ${index}` : ''
}

/**
 * A page of a filter in a sort order. Where an index serves the order, LIMIT/OFFSET is fast; where
 * SQLite has to sort the matching rows for every page (e.g. P&L order within one instrument), the
 * ordered ids are kept once a page past the first is slow, so scrolling on costs a lookup by id per page.
 */
export function pageTrades(db: Db, input: { filter: TradeFilter; sort: TradeSort; offset: number; limit: number }): TradePage {
  const started = performance.now()
  const where = whereOf(input.filter)
  const total = countTrades(db, input.filter)
  const key = `${where.sql}\u0000${JSON.stringify(where.params)}\u0000${orderBy(input.sort)}`
  const version = versions.get(db) ?? 0
  let cache = orderCache.get(db)
  if (!cache) orderCache.set(db, (cache = new Map()))
  const order = cache.get(key)
  let rows: TradeRow[]
  if (order && order.version === version) {
    rows = rowsByIds(db, order.ids.subarray(input.offset, input.offset + input.limit))
  } else {
    const scan = orderScan(db, input.filter, input.sort, input.offset + input.limit, total)
    const pageSql = `SELECT ${tradeColumnsSql} FROM trades ${scan} ${where.sql} ${orderBy(input.sort)} LIMIT @limit OFFSET @offset`
    const params = { ...where.params, limit: input.limit, offset: input.offset }
    const keepIds = (ids: number[]) => {
      if (cache.size >= 4) cache.delete(cache.keys().next().value as string)
      cache.set(key, { version, ids: Int32Array.from(ids) })
    }
    const orderedIds = () =>
      prepared(db, `SELECT id FROM trades ${where.sql} ${orderBy(input.sort)}`)
        .pluck()
        .all(where.params) as number[]
    if (input.offset > 0 && !scan && total > manyRows && sortsRows(db, pageSql, params)) {
      // Scrolling on in an order SQLite has to sort for every page: sort the matching ids once and page from them
      // (running the page query first would sort them twice).
      const ids = orderedIds()
      keepIds(ids)
      rows = rowsByIds(db, Int32Array.from(ids.slice(input.offset, input.offset + input.limit)))
    } else {
      rows = prepared(db, pageSql).all(params) as TradeRow[]
      // Only once the user scrolls on (offset > 0): the first page of a new query stays one query.
      if (input.offset > 0 && performance.now() - started > slowPageMs && total > input.limit) keepIds(orderedIds())
    }
  }
  return { rows: rows.map(tradeOf), total, offset: input.offset, queryMs: performance.now() - started }
}

const slowPageMs = 30
const manyRows = 20_000

/** Whether SQLite sorts the rows of a query (no index gives its order); known from its plan, kept per SQL text. */
const sortPlans = new WeakMap<Db, Map<string, boolean>>()
function sortsRows(db: Db, sql: string, params: Record<string, unknown>): boolean {
  let plans = sortPlans.get(db)
  if (!plans) sortPlans.set(db, (plans = new Map()))
  let sorts = plans.get(sql)
  if (sorts === undefined) {
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]
    sorts = plan.some((step) => step.detail.includes('TEMP B-TREE FOR'))
    if (plans.size > 200) plans.clear()
    plans.set(sql, sorts)
  }
  return sorts
}
const orderCache = new WeakMap<Db, Map<string, { version: number; ids: Int32Array }>>()

function rowsByIds(db: Db, ids: Int32Array): TradeRow[] {
  if (!ids.length) return []
  const found = prepared(db, `SELECT ${tradeColumnsSql} FROM trades WHERE id IN (SELECT value FROM json_each(?))`).all(
    JSON.stringify(Array.from(ids)),
  ) as TradeRow[]
  const byId = new Map(found.map((r) => [r.id, r]))
  return Array.from(ids, (id) => byId.get(id)).filter((r): r is TradeRow => r !== undefined)
}

const tradeByIdSql = `SELECT ${tradeColumnsSql} FROM trades WHERE id = ?`

export function getTrade(db: Db, id: number): Trade {
  const row = prepared(db, tradeByIdSql).get(id) as TradeRow | undefined
  if (!row) throw new AppError('NOT_FOUND', `no trade ${id}`)
  return tradeOf(row)
}

/**
 * Rows of a filter (or a selection) in order as raw arrays, a batch at a time: exports read through this.
 * `columnsSql` lists the columns to read (default `tradeColumnsSql`): every column read costs time on each of a million rows.
 */
export function* tradeRowBatches(
  db: Db,
  filter: TradeFilter,
  sort: TradeSort,
  ids?: readonly number[],
  batchRows = 8192,
  columnsSql = tradeColumnsSql,
): Generator<unknown[][]> {
  const where = whereOf(filter, ids)
  const stmt = db.prepare(`SELECT ${columnsSql} FROM trades ${where.sql} ${orderBy(sort)}`).raw(true)
  let batch: unknown[][] = []
  for (const row of stmt.iterate(where.params) as IterableIterator<unknown[]>) {
    batch.push(row)
    if (batch.length === batchRows) {
      yield batch
      batch = []
    }
  }
  if (batch.length) yield batch
}
