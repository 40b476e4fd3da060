/** The trade table (and stored runs' daily returns) as export columns and batches. */
import { AppError } from '../../contract'
import type { TradeFilter, TradeSort } from '../../contract/book'
import type { Db } from '../../db/open'
import type { Batch, ExportColumn } from '../exports'
import { parseTags } from './rows'
import { tradeRowBatches } from './store'

/** A column of the export and where its value sits in a raw row of `tradeColumnsSql` (`get` converts where needed). */
interface TradeColumn extends ExportColumn {
  at: number
  get?: (v: unknown) => unknown
}

// Positions in tradeColumnsSql: id 0, source 1, run_id 2, user 3, alpha 4, instrument 5, direction 6, quantity 7,
// entry_ts 8, entry_price 9, exit_ts 10, exit_price 11, stop_loss 12, take_profit 13, exit_reason 14, pnl_gross 15,
// pnl_net 16, fees 17, mae 18, mfe 19, tags 20, note 21, active 22.
export const tradeExportColumns: TradeColumn[] = [
  { name: 'id', type: 'int', nullable: false, at: 0 },
  { name: 'source', type: 'string', nullable: false, at: 1 },
  { name: 'runId', type: 'int', at: 2 },
  { name: 'user', type: 'string', at: 3 },
  { name: 'alpha', type: 'string', at: 4 },
  { name: 'instrument', type: 'string', nullable: false, at: 5 },
  { name: 'direction', type: 'string', nullable: false, at: 6, get: (v) => ((v as number) < 0 ? 'short' : 'long') },
  { name: 'quantity', type: 'float', at: 7 },
  { name: 'entryTime', type: 'timestamp', at: 8 },
  { name: 'entryPrice', type: 'float', at: 9 },
  { name: 'exitTime', type: 'timestamp', at: 10 },
  { name: 'exitPrice', type: 'float', at: 11 },
  { name: 'stopLoss', type: 'float', at: 12 },
  { name: 'takeProfit', type: 'float', at: 13 },
  { name: 'exitReason', type: 'string', at: 14 },
  { name: 'pnlGross', type: 'float', at: 15 },
  { name: 'pnlNet', type: 'float', at: 16 },
  { name: 'fees', type: 'float', at: 17 },
  { name: 'mae', type: 'float', at: 18 },
  { name: 'mfe', type: 'float', at: 19 },
  { name: 'tags', type: 'string', at: 20, get: (v) => (v === '[]' ? '' : parseTags(v as string).join(';')) },
  { name: 'note', type: 'string', at: 21 },
  { name: 'active', type: 'bool', at: 22, get: (v) => v === 1 },
]

/** The chosen columns (all when none chosen), in the table's order. */
export function pickTradeColumns(names?: readonly string[]): TradeColumn[] {
  if (!names?.length) return tradeExportColumns
  const unknown = names.filter((n) => !tradeExportColumns.some((c) => c.name === n))
  if (unknown.length) throw new AppError('VALIDATION', `unknown trade column ${unknown.map((n) => `'${n.slice(0, 40)}'`).join(', ')}`)
  return tradeExportColumns.filter((c) => names.includes(c.name))
}

/** Rows come as arrays (no object per row) and go straight into column arrays. */
export function* tradeBatches(
  db: Db,
  columns: TradeColumn[],
  filter: TradeFilter,
  sort: TradeSort,
  ids?: readonly number[],
): Generator<Batch> {
  for (const rows of tradeRowBatches(db, filter, sort, ids)) {
    const n = rows.length
    yield {
      length: n,
      columns: columns.map((c) => {
        const out = new Array(n)
        const { at, get } = c
        if (get) for (let k = 0; k < n; k++) out[k] = get(rows[k][at])
        else for (let k = 0; k < n; k++) out[k] = rows[k][at]
        return out
      }),
    }
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
