import type { CsvIssue, DatasetKind } from '../../../contract'
import type { Db } from '../../../db/open'
import { nowIso } from '../../../contract'
import { barFields, type BarData } from './bar-data'

export interface DatasetSpec {
  key: string
  name: string
  kind: DatasetKind
  source: string
  timezone: string
}

/** Instrument attributes beyond what the bars say (names, sectors, contract data). */
export interface InstrumentMeta {
  name?: string | null
  sector?: string | null
  industry?: string | null
  subindustry?: string | null
  root?: string | null
  expiry?: string | null
  contractMonth?: string | null
}

export interface WriteInput {
  dataset: DatasetSpec
  data: BarData
  /** Row order to insert (by instrument, then time); null when the rows are already in that order. */
  order: Uint32Array | null
  meta?: (symbol: string) => InstrumentMeta | undefined
  files: string[]
  warnings: readonly CsvIssue[]
  startedAt: string
  /** Called inside the transaction every `progressEvery` rows. */
  onProgress?: (done: number, total: number) => void
  progressEvery?: number
}

export interface WriteResult {
  datasetId: number
  importId: number
  instruments: number
  rows: number
}

/** Rows per INSERT statement: one call into SQLite per 128 rows instead of per row. */
const BATCH = 128
const COLS = 2 + barFields.length

function barInsertSql(rows: number): string {
  const tuple = `(${new Array(COLS).fill('?').join(',')})`
  return `INSERT INTO bars (instrument_id, ts, open, high, low, close, volume, settle, open_interest) VALUES ${new Array(rows).fill(tuple).join(',')}`
}

/**
 * Writes one dataset — its instruments, bars, stats and import record with warnings — in ONE
 * transaction: either all of it lands or none of it. Synchronous on purpose: nothing else on
 * this connection can interleave with (and be rolled back by) an import.
 */
export function writeDataset(db: Db, input: WriteInput): WriteResult {
  const { data, dataset } = input
  const n = data.length
  const every = input.progressEvery ?? 50_000

  const run = db.transaction((): WriteResult => {
    const datasetId = Number(
      db
        .prepare('INSERT INTO datasets (key, name, kind, source, timezone) VALUES (?, ?, ?, ?, ?)')
        .run(dataset.key, dataset.name, dataset.kind, dataset.source, dataset.timezone).lastInsertRowid,
    )

    const insInstrument = db.prepare(
      `INSERT INTO instruments (dataset_id, symbol, name, sector, industry, subindustry, root, expiry, contract_month)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const ids = new Int32Array(data.symbols.length)
    data.symbols.forEach((s, i) => {
      const m = input.meta?.(s.symbol) ?? {}
      ids[i] = Number(
        insInstrument.run(
          datasetId,
          s.symbol,
          m.name ?? null,
          m.sector ?? null,
          m.industry ?? null,
          m.subindustry ?? null,
          m.root ?? s.root,
          m.expiry ?? s.expiry,
          m.contractMonth ?? s.contractMonth,
        ).lastInsertRowid,
      )
    })

    // Bars, in batches; per-instrument stats gathered on the way.
    const count = new Int32Array(ids.length)
    const first = new Float64Array(ids.length).fill(Infinity)
    const last = new Float64Array(ids.length).fill(-Infinity)
    const batchStmt = n >= BATCH ? db.prepare(barInsertSql(BATCH)) : null
    const oneStmt = db.prepare(barInsertSql(1))
    const cols = barFields.map((f) => data.values[f].view())
    const sym = data.sym.view()
    const ts = data.ts.view()
    const order = input.order
    const params: (number | null)[] = new Array(BATCH * COLS)
    const one: (number | null)[] = new Array(COLS)
    let done = 0
    const fill = (target: (number | null)[], at: number, row: number) => {
      const s = sym[row]
      const t = ts[row]
      target[at] = ids[s]
      target[at + 1] = t
      for (let c = 0; c < cols.length; c++) {
        const v = cols[c][row]
        target[at + 2 + c] = v !== v ? null : v
      }
      count[s]++
      if (t < first[s]) first[s] = t
      if (t > last[s]) last[s] = t
    }
    let i = 0
    for (; batchStmt && i + BATCH <= n; i += BATCH) {
      for (let k = 0; k < BATCH; k++) fill(params, k * COLS, order ? order[i + k] : i + k)
      batchStmt.run(params)
      done += BATCH
      if (input.onProgress && done % every < BATCH) input.onProgress(done, n)
    }
    for (; i < n; i++) {
      fill(one, 0, order ? order[i] : i)
      oneStmt.run(one)
    }
    input.onProgress?.(n, n)

    const insStats = db.prepare('INSERT OR REPLACE INTO instrument_stats (instrument_id, bar_count, first_ts, last_ts) VALUES (?, ?, ?, ?)')
    for (let s = 0; s < ids.length; s++) {
      insStats.run(ids[s], count[s], count[s] ? first[s] : null, count[s] ? last[s] : null)
    }

    const importId = Number(
      db
        .prepare('INSERT INTO imports (dataset_id, files, rows, started_at, finished_at) VALUES (?, ?, ?, ?, ?)')
        .run(datasetId, JSON.stringify(input.files), n, input.startedAt, nowIso()).lastInsertRowid,
    )
    const insWarning = db.prepare('INSERT INTO import_warnings (import_id, file, line, col, field, message) VALUES (?, ?, ?, ?, ?, ?)')
    for (const w of input.warnings) insWarning.run(importId, w.file, w.line, w.column ?? null, w.field ?? null, w.message)

    return { datasetId, importId, instruments: ids.length, rows: n }
  })
  return run()
}

/** Recomputes instrument_stats from the bars (for one dataset, or all). */
export function refreshInstrumentStats(db: Db, datasetId?: number): void {
  const where = datasetId === undefined ? '' : 'WHERE i.dataset_id = ?'
  const args = datasetId === undefined ? [] : [datasetId]
  db.transaction(() => {
    db.prepare(`DELETE FROM instrument_stats WHERE instrument_id IN (SELECT i.id FROM instruments i ${where})`).run(...args)
    db.prepare(
      `INSERT INTO instrument_stats (instrument_id, bar_count, first_ts, last_ts)
       SELECT i.id, COUNT(b.ts), MIN(b.ts), MAX(b.ts)
       FROM instruments i LEFT JOIN bars b ON b.instrument_id = i.id ${where}
       GROUP BY i.id`,
    ).run(...args)
  })()
}
