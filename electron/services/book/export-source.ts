/** The trade table (and stored runs' daily returns) as export columns and batches. */
import { AppError } from '../../contract'
import type { TradeFilter, TradeSort } from '../../contract/book'
import type { Db } from '../../db/open'
import type { Batch, ExportColumn } from '../exports'
import type { TradeRow } from './rows'
import { tradeRowBatches } from './store'

interface TradeColumn extends ExportColumn {
  get: (r: TradeRow) => unknown
}

export const tradeExportColumns: TradeColumn[] = [
  { name: 'id', type: 'int', nullable: false, get: (r) => r.id },
  { name: 'source', type: 'string', nullable: false, get: (r) => r.source },
  { name: 'runId', type: 'int', get: (r) => r.run_id },
  { name: 'user', type: 'string', get: (r) => r.user },
  { name: 'alpha', type: 'string', get: (r) => r.alpha },
  { name: 'instrument', type: 'string', nullable: false, get: (r) => r.instrument },
  { name: 'direction', type: 'string', nullable: false, get: (r) => (r.direction < 0 ? 'short' : 'long') },
  { name: 'quantity', type: 'float', get: (r) => r.quantity },
  { name: 'entryTime', type: 'timestamp', get: (r) => r.entry_ts },
  { name: 'entryPrice', type: 'float', get: (r) => r.entry_price },
  { name: 'exitTime', type: 'timestamp', get: (r) => r.exit_ts },
  { name: 'exitPrice', type: 'float', get: (r) => r.exit_price },
  { name: 'stopLoss', type: 'float', get: (r) => r.stop_loss },
  { name: 'takeProfit', type: 'float', get: (r) => r.take_profit },
  { name: 'exitReason', type: 'string', get: (r) => r.exit_reason },
  { name: 'pnlGross', type: 'float', get: (r) => r.pnl_gross },
  { name: 'pnlNet', type: 'float', get: (r) => r.pnl_net },
  { name: 'fees', type: 'float', get: (r) => r.fees },
  { name: 'mae', type: 'float', get: (r) => r.mae },
  { name: 'mfe', type: 'float', get: (r) => r.mfe },
  { name: 'tags', type: 'string', get: (r) => (r.tags === '[]' ? '' : (JSON.parse(r.tags) as string[]).join(';')) },
  { name: 'note', type: 'string', get: (r) => r.note },
  { name: 'active', type: 'bool', get: (r) => r.active === 1 },
]

/** The chosen columns (all when none chosen), in the table's order. */
export function pickTradeColumns(names?: readonly string[]): TradeColumn[] {
  if (!names?.length) return tradeExportColumns
  const unknown = names.filter((n) => !tradeExportColumns.some((c) => c.name === n))
  if (unknown.length) throw new AppError('VALIDATION', `unknown trade column ${unknown.map((n) => `'${n.slice(0, 40)}'`).join(', ')}`)
  return tradeExportColumns.filter((c) => names.includes(c.name))
}

export function* tradeBatches(
  db: Db,
  columns: TradeColumn[],
  filter: TradeFilter,
  sort: TradeSort,
  ids?: readonly number[],
): Generator<Batch> {
  for (const rows of tradeRowBatches(db, filter, sort, ids)) {
    yield { length: rows.length, columns: columns.map((c) => rows.map(c.get)), group: undefined }
  }
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
