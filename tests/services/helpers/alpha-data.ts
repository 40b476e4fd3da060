import type { Db } from '../../../electron/db/open'
import { seededRandom } from '../../../electron/shared/seeded-random'

export interface PanelSpec {
  key: string
  symbols: string[]
  days: number
  /** Close of instrument i on day t (null = no value that day). */
  close(t: number, i: number): number | null
  volume?(t: number, i: number): number | null
  sector?(i: number): string | null
  subindustry?(i: number): string | null
  /** Leave day t out for instrument i entirely (no bar row). */
  skip?(t: number, i: number): boolean
}

export const day = 86_400
export const start = Date.UTC(2021, 0, 4) / 1000

/** Writes a stocks dataset straight into the schema (no importer), with instrument stats. */
export function seedPanel(db: Db, spec: PanelSpec): { datasetId: number; ids: number[]; dates: number[] } {
  const datasetId = Number(
    db.prepare(`INSERT INTO datasets (key, name, kind) VALUES (?, ?, 'stocks')`).run(spec.key, spec.key).lastInsertRowid,
  )
  const insInstrument = db.prepare('INSERT INTO instruments (dataset_id, symbol, name, sector, subindustry) VALUES (?, ?, ?, ?, ?)')
  const insBar = db.prepare('INSERT INTO bars (instrument_id, ts, open, high, low, close, volume) VALUES (?, ?, ?, ?, ?, ?, ?)')
  const insStats = db.prepare('INSERT INTO instrument_stats (instrument_id, bar_count, first_ts, last_ts) VALUES (?, ?, ?, ?)')
  const dates = Array.from({ length: spec.days }, (_, t) => start + t * day)
  const ids: number[] = []
  db.transaction(() => {
    spec.symbols.forEach((symbol, i) => {
      const id = Number(
        insInstrument.run(datasetId, symbol, symbol, spec.sector?.(i) ?? null, spec.subindustry?.(i) ?? null).lastInsertRowid,
      )
      ids.push(id)
      let count = 0
      let first: number | null = null
      let last: number | null = null
      for (let t = 0; t < spec.days; t++) {
        if (spec.skip?.(t, i)) continue
        const c = spec.close(t, i)
        insBar.run(
          id,
          dates[t],
          c,
          c === null ? null : c * 1.01,
          c === null ? null : c * 0.99,
          c,
          spec.volume ? spec.volume(t, i) : 1000 + t,
        )
        count++
        first ??= dates[t]
        last = dates[t]
      }
      insStats.run(id, count, first, last)
    })
  })()
  return { datasetId, ids, dates }
}

/** Seeded uniform [0, 1). */
export const rng = seededRandom

/** Random-walk closes, days × n, date-major. */
export function randomWalk(days: number, n: number, seed: number): number[][] {
  const r = rng(seed)
  const out: number[][] = []
  for (let t = 0; t < days; t++) {
    out.push(Array.from({ length: n }, (_, i) => (t === 0 ? 50 + 10 * i : out[t - 1][i] * (1 + (r() - 0.5) * 0.06))))
  }
  return out
}

/** pandas rank(pct=True) of one row, the slow obvious way (average ties, NaN kept). */
export function pandasPctRank(row: (number | null)[]): (number | null)[] {
  const valid = row.filter((v): v is number => v !== null && Number.isFinite(v))
  return row.map((v) => {
    if (v === null || !Number.isFinite(v)) return null
    const less = valid.filter((x) => x < v).length
    const equal = valid.filter((x) => x === v).length
    return (less + (equal + 1) / 2) / valid.length
  })
}
