/** SQL of the curves domain (main process): the roots listing, and storing a continuous contract as an instrument. */
import { AppError, type CurveRoot } from '../../contract'
import type { Db } from '../../db/open'
import type { ContinuousBars } from './continuous-bars'

export function listRoots(db: Db): CurveRoot[] {
  return db
    .prepare(
      `SELECT d.id AS datasetId, d.key AS datasetKey, d.name AS datasetName, i.root AS root,
         COUNT(*) AS contracts, MIN(s.first_ts) AS "from", MAX(s.last_ts) AS "to"
       FROM instruments i JOIN datasets d ON d.id = i.dataset_id
       LEFT JOIN instrument_stats s ON s.instrument_id = i.id
       WHERE d.kind = 'futures' AND i.root IS NOT NULL AND i.symbol NOT LIKE '%-CONT-%'
       GROUP BY d.id, i.root
       ORDER BY d.id, i.root`,
    )
    .all() as CurveRoot[]
}

/** Writes (or replaces) the instrument `symbol` of the dataset with these bars, in one transaction. */
export function storeContinuous(db: Db, datasetId: number, root: string, symbol: string, name: string, bars: ContinuousBars): number {
  if (bars.ts.length === 0) throw new AppError('VALIDATION', `the continuous series of ${root} has no bars`)
  return db.transaction(() => {
    const existing = db.prepare('SELECT id FROM instruments WHERE dataset_id = ? AND symbol = ?').pluck().get(datasetId, symbol) as
      | number
      | undefined
    let id: number
    if (existing !== undefined) {
      id = existing
      db.prepare('UPDATE instruments SET name = ?, root = ? WHERE id = ?').run(name, root, id)
      db.prepare('DELETE FROM bars WHERE instrument_id = ?').run(id)
    } else {
      id = Number(
        db.prepare('INSERT INTO instruments (dataset_id, symbol, name, root) VALUES (?, ?, ?, ?)').run(datasetId, symbol, name, root)
          .lastInsertRowid,
      )
    }
    const insert = db.prepare(
      'INSERT INTO bars (instrument_id, ts, open, high, low, close, volume, settle, open_interest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    for (let i = 0; i < bars.ts.length; i++) {
      insert.run(
        id,
        bars.ts[i],
        bars.open[i],
        bars.high[i],
        bars.low[i],
        bars.close[i],
        bars.volume[i],
        bars.settle[i],
        bars.openInterest[i],
      )
    }
    db.prepare('INSERT OR REPLACE INTO instrument_stats (instrument_id, bar_count, first_ts, last_ts) VALUES (?, ?, ?, ?)').run(
      id,
      bars.ts.length,
      bars.ts[0],
      bars.ts[bars.ts.length - 1],
    )
    return id
  })()
}
