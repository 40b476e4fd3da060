/** The trade table (and stored runs' daily returns) as export columns and batches. */
import { AppError } from '../../contract'
import type { TradeFilter, TradeSort } from '../../contract/book'
import type { Db } from '../../db/open'
import type { Batch, DictColumn, ExportColumn } from '../exports'
import { parseTags } from './rows'
import { tradeRowBatches } from './store'

/** A column of the export and the SQL column it reads (`get` converts where needed). */
interface TradeColumn extends ExportColumn {
  sql: string
  get?: (v: unknown) => unknown
  /** Few distinct values (instruments, sources, exit reasons): sent as a dictionary, so CSV encodes each once per batch. */
  dict?: boolean
}

export const tradeExportColumns: TradeColumn[] = [
  { name: 'id', type: 'int', nullable: false, sql: 'id' },
  { name: 'source', type: 'string', nullable: false, sql: 'source', dict: true },
  { name: 'runId', type: 'int', sql: 'run_id' },
  { name: 'user', type: 'string', sql: 'user' },
  { name: 'alpha', type: 'string', sql: 'alpha' },
  { name: 'instrument', type: 'string', nullable: false, sql: 'instrument', dict: true },
  { name: 'direction', type: 'string', nullable: false, sql: 'direction', get: (v) => ((v as number) < 0 ? 'short' : 'long'), dict: true },
  { name: 'quantity', type: 'float', sql: 'quantity' },
  { name: 'entryTime', type: 'timestamp', sql: 'entry_ts' },
  { name: 'entryPrice', type: 'float', sql: 'entry_price' },
  { name: 'exitTime', type: 'timestamp', sql: 'exit_ts' },
  { name: 'exitPrice', type: 'float', sql: 'exit_price' },
  { name: 'stopLoss', type: 'float', sql: 'stop_loss' },
  { name: 'takeProfit', type: 'float', sql: 'take_profit' },
  { name: 'exitReason', type: 'string', sql: 'exit_reason', dict: true },
  { name: 'pnlGross', type: 'float', sql: 'pnl_gross' },
  { name: 'pnlNet', type: 'float', sql: 'pnl_net' },
  { name: 'fees', type: 'float', sql: 'fees' },
  { name: 'mae', type: 'float', sql: 'mae' },
  { name: 'mfe', type: 'float', sql: 'mfe' },
  { name: 'tags', type: 'string', sql: 'tags', get: (v) => (v === '[]' ? '' : parseTags(v as string).join(';')), dict: true },
  { name: 'note', type: 'string', sql: 'note' },
  { name: 'active', type: 'bool', sql: 'active', get: (v) => v === 1 },
]

/** The chosen columns (all when none chosen), in the table's order. */
export function pickTradeColumns(names?: readonly string[]): TradeColumn[] {
  if (!names?.length) return tradeExportColumns
  const unknown = names.filter((n) => !tradeExportColumns.some((c) => c.name === n))
  if (unknown.length) throw new AppError('VALIDATION', `unknown trade column ${unknown.map((n) => `'${n.slice(0, 40)}'`).join(', ')}`)
  return tradeExportColumns.filter((c) => names.includes(c.name))
}

/**
 * Rows come as arrays (no object per row) and go straight into column arrays. Only the chosen
 * columns are read, in their order (a column's position in the raw row is its position here).
 */
export function* tradeBatches(
  db: Db,
  columns: TradeColumn[],
  filter: TradeFilter,
  sort: TradeSort,
  ids?: readonly number[],
): Generator<Batch> {
  const columnsSql = columns.map((c) => c.sql).join(', ')
  for (const rows of tradeRowBatches(db, filter, sort, ids, 2048, columnsSql)) {
    const n = rows.length
    yield {
      length: n,
      columns: columns.map((c, at) => {
        if (c.dict) {
          const coded = dictColumn(rows, at, c.get)
          if (coded) return coded
        }
        const out = new Array(n)
        const { get } = c
        if (get) for (let k = 0; k < n; k++) out[k] = get(rows[k][at])
        else for (let k = 0; k < n; k++) out[k] = rows[k][at]
        return out
      }),
    }
  }
}

/** Column `at` of the rows as codes into its distinct values; null when a value is missing (a dictionary holds strings only). */
function dictColumn(rows: unknown[][], at: number, get?: (v: unknown) => unknown): DictColumn | null {
  const codeOf = new Map<unknown, number>()
  const dict: string[] = []
  const codes = new Int32Array(rows.length)
  for (let k = 0; k < rows.length; k++) {
    const raw = rows[k][at]
    let code = codeOf.get(raw)
    if (code === undefined) {
      const v = get ? get(raw) : raw
      if (typeof v !== 'string' || dict.length > 4096) return null
      code = dict.push(v) - 1
      codeOf.set(raw, code)
    }
    codes[k] = code
  }
  return { kind: 'dict', dict, codes }
}

export const runReturnColumns: ExportColumn[] = [
  { name: 'runId', type: 'int', nullable: false },
  { name: 'run', type: 'string', nullable: false },
  { name: 'kind', type: 'string', nullable: false },
  { name: 'date', type: 'date', nullable: false },
  { name: 'ret', type: 'float' },
  { name: 'gross', type: 'float' },
  { name: 'turnover', type: 'float' },
  { name: 'equity', type: 'float' },
]

/** Daily returns of stored runs, one group per run (XLSX: a sheet per run). */
export function* runReturnBatches(db: Db, runIds?: readonly number[]): Generator<Batch> {
  const runs = db
    .prepare(`SELECT id, name, kind FROM runs ${runIds?.length ? 'WHERE id IN (SELECT value FROM json_each(?))' : ''} ORDER BY id`)
    .all(...(runIds?.length ? [JSON.stringify(runIds)] : [])) as { id: number; name: string; kind: string }[]
  const stmt = db.prepare('SELECT ts, ret, gross, turnover, equity FROM run_returns WHERE run_id = ? ORDER BY ts')
  for (const run of runs) {
    const rows = stmt.all(run.id) as { ts: number; ret: number; gross: number | null; turnover: number | null; equity: number | null }[]
    if (!rows.length) continue
    yield {
      length: rows.length,
      group: `${run.id} ${run.name}`,
      columns: [
        rows.map(() => run.id),
        rows.map(() => run.name),
        rows.map(() => run.kind),
        rows.map((r) => r.ts),
        rows.map((r) => r.ret),
        rows.map((r) => r.gross),
        rows.map((r) => r.turnover),
        rows.map((r) => r.equity),
      ],
    }
  }
}
