import type { Db } from '../../../electron/db/open'

/** Writes a small stock dataset straight into the schema (no importer involved). */
export function seedInstrument(db: Db, symbol: string, closes: (number | null)[]): number {
  db.prepare(`INSERT OR IGNORE INTO datasets (key, name, kind) VALUES ('seed', 'Seed', 'stocks')`).run()
  const datasetId = (db.prepare(`SELECT id FROM datasets WHERE key = 'seed'`).get() as { id: number }).id
  const id = Number(
    db.prepare(`INSERT INTO instruments (dataset_id, symbol, name) VALUES (?, ?, ?)`).run(datasetId, symbol, symbol).lastInsertRowid,
  )
  const insert = db.prepare(`INSERT INTO bars (instrument_id, ts, open, high, low, close, volume) VALUES (?, ?, ?, ?, ?, ?, ?)`)
  const day = 86_400
  const start = Date.UTC(2020, 0, 1) / 1000
  db.transaction(() => {
    closes.forEach((c, i) => insert.run(id, start + i * day, c, c === null ? null : c + 1, c === null ? null : c - 1, c, 1000 + i))
    db.prepare(`INSERT INTO instrument_stats (instrument_id, bar_count, first_ts, last_ts) VALUES (?, ?, ?, ?)`).run(
      id,
      closes.length,
      start,
      start + (closes.length - 1) * day,
    )
  })()
  return id
}
