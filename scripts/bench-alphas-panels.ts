/**
 * Generated panels for `npm run bench:alphas`, written into the app's database as stocks datasets
 * (the compute job then builds its panel file from them exactly as for imported data).
 *
 * - `generateWalk`: the original bench panel — independent Gaussian random walks, sectors (11),
 *   industries (4 per sector), subindustries (3 per industry), 0.2 % missing closes.
 * - `generateRealistic`: a random walk that looks like real stocks (documented below).
 */
import type { Db } from '../electron/db/open'
import { seededRandom } from '../electron/shared/seeded-random'

/** Weekdays from 2023-01-02, as epoch seconds. */
function weekdays(days: number): number[] {
  const dates: number[] = []
  for (let d = Date.UTC(2023, 0, 2) / 1000; dates.length < days; d += 86_400) {
    const wd = new Date(d * 1000).getUTCDay()
    if (wd !== 0 && wd !== 6) dates.push(d)
  }
  return dates
}

type Bar = [ts: number, open: number, high: number, low: number, close: number | null, volume: number]

/** Inserts a dataset with instruments from `rows(i)` (null bar = no row that day). */
function writeDataset(
  db: Db,
  key: string,
  n: number,
  groups: (i: number) => [sector: number, industry: number, sub: number],
  bars: (i: number) => Bar[],
): number {
  const datasetId = Number(
    db.prepare("INSERT INTO datasets (key, name, kind, source) VALUES (?, ?, 'stocks', 'generated (bench)')").run(key, key).lastInsertRowid,
  )
  const insInstrument = db.prepare('INSERT INTO instruments (dataset_id, symbol, sector, industry, subindustry) VALUES (?, ?, ?, ?, ?)')
  const rowsPerStmt = 100
  const tuple = '(?, ?, ?, ?, ?, ?, ?)'
  const insBars = db.prepare(
    `INSERT INTO bars (instrument_id, ts, open, high, low, close, volume) VALUES ${new Array(rowsPerStmt).fill(tuple).join(',')}`,
  )
  const insBar = db.prepare(`INSERT INTO bars (instrument_id, ts, open, high, low, close, volume) VALUES ${tuple}`)
  const insStats = db.prepare('INSERT INTO instrument_stats (instrument_id, bar_count, first_ts, last_ts) VALUES (?, ?, ?, ?)')
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const [sector, industry, sub] = groups(i)
      const id = Number(
        insInstrument.run(datasetId, `G${String(i).padStart(4, '0')}`, `S${sector}`, `I${industry}`, `U${sub}`).lastInsertRowid,
      )
      const rows = bars(i)
      let batch: (number | null)[] = []
      for (const b of rows) {
        batch.push(id, ...b)
        if (batch.length === rowsPerStmt * 7) {
          insBars.run(batch)
          batch = []
        }
      }
      for (let k = 0; k < batch.length; k += 7) insBar.run(batch.slice(k, k + 7))
      insStats.run(id, rows.length, rows[0][0], rows[rows.length - 1][0])
    }
  })()
  return datasetId
}

/** The original bench panel (seeded Gaussian random walks; 0.2 % missing closes). */
export function generateWalk(db: Db, key: string, n: number, days: number, seed: number): number {
  const r = seededRandom(seed)
  const normal = () => (r() + r() + r() + r() - 2) * Math.sqrt(3)
  const dates = weekdays(days)
  return writeDataset(
    db,
    key,
    n,
    (i) => {
      const sector = i % 11
      const industry = sector * 4 + Math.floor(r() * 4)
      return [sector, industry, industry * 3 + Math.floor(r() * 3)]
    },
    () => {
      let close = 20 + 180 * r()
      const vol = 0.01 + 0.02 * r()
      const baseVolume = 1e5 + 5e6 * r()
      const rows: Bar[] = []
      for (let t = 0; t < days; t++) {
        const open = close * (1 + vol * 0.3 * normal())
        close = Math.max(1, close * (1 + vol * normal()))
        const high = Math.max(open, close) * (1 + vol * 0.5 * r())
        const low = Math.min(open, close) * (1 - vol * 0.5 * r())
        const missing = r() < 0.002
        rows.push([dates[t], open, high, low, missing ? null : close, Math.round(baseVolume * Math.exp(0.4 * normal()))])
      }
      return rows
    },
  )
}

/**
 * A random walk that looks like real stocks (seeded):
 * - prices: log-normal starting prices (median $40, 1st–99th percentile ≈ $4–$400), daily log
 *   returns = market factor + sector factor + idiosyncratic Student-t (4 degrees of freedom, fat
 *   tails), each stock's volatility log-normal around 2 % a day; prices on a tick grid ($0.01,
 *   $0.0001 below $1) — so price differences tie and cluster as in real data;
 * - bars: the open gaps from the previous close (a fraction of the day's volatility), high/low
 *   extend beyond open/close by a half-normal intraday range, rounded outward to the tick;
 * - volume: a log-normal base per stock (median 1M shares, σ = 1.2: from thin to mega caps), a
 *   heavy-tailed daily multiplier, more volume on big moves, in round lots of 100 shares;
 * - gaps: ~0.1 % of bars missing (no row that day), and ~1 % of stocks suspended once for 5–20
 *   days (the price frozen at the last close, open = high = low = close, volume 0) — the constant
 *   windows that make correlations undefined in real data;
 * - groups: 11 sectors (uneven sizes), 4 industries per sector, 3 subindustries per industry.
 */
export function generateRealistic(db: Db, key: string, n: number, days: number, seed: number): number {
  const r = seededRandom(seed)
  const normal = () => {
    // Box–Muller
    const u = Math.max(r(), 1e-12)
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r())
  }
  const studentT4 = () => {
    const z = normal()
    let chi = 0
    for (let k = 0; k < 4; k++) chi += normal() ** 2
    return (z / Math.sqrt(chi / 4)) * Math.SQRT1_2 // unit variance (t4 has variance 2)
  }
  const dates = weekdays(days)
  const market = dates.map(() => 0.009 * normal())
  const sectorWeights = [0.2, 0.15, 0.12, 0.1, 0.09, 0.08, 0.07, 0.06, 0.05, 0.05, 0.03]
  const sectorOf = (u: number) => {
    let acc = 0
    for (let s = 0; s < sectorWeights.length; s++) {
      acc += sectorWeights[s]
      if (u < acc) return s
    }
    return sectorWeights.length - 1
  }
  const sectorMoves = sectorWeights.map(() => dates.map(() => 0.006 * normal()))
  const tick = (p: number) => (p < 1 ? 1e-4 : 0.01)
  const round = (p: number, mode: 'near' | 'up' | 'down') => {
    const k = tick(p)
    const q = p / k
    return Number(((mode === 'near' ? Math.round(q) : mode === 'up' ? Math.ceil(q - 1e-9) : Math.floor(q + 1e-9)) * k).toFixed(4))
  }
  const sectors: number[] = []
  return writeDataset(
    db,
    key,
    n,
    (i) => {
      const sector = sectorOf(r())
      sectors[i] = sector
      const industry = sector * 4 + Math.floor(r() * 4)
      return [sector, industry, industry * 3 + Math.floor(r() * 3)]
    },
    (i) => {
      const beta = 0.6 + 0.8 * r()
      const sigma = Math.min(0.08, 0.02 * Math.exp(0.4 * normal()))
      const baseVolume = 1e6 * Math.exp(1.2 * normal())
      let close = round(Math.min(2000, Math.max(1, 40 * Math.exp(normal()))), 'near')
      const suspended = r() < 0.01
      const suspendFrom = Math.floor(r() * days)
      const suspendTo = suspendFrom + 5 + Math.floor(r() * 16)
      const rows: Bar[] = []
      for (let t = 0; t < days; t++) {
        if (suspended && t >= suspendFrom && t < suspendTo) {
          rows.push([dates[t], close, close, close, close, 0])
          continue
        }
        const ret = beta * market[t] + sectorMoves[sectors[i]][t] + sigma * studentT4()
        const open = round(close * Math.exp(0.3 * sigma * normal()), 'near')
        close = round(Math.max(tick(close), close * Math.exp(ret)), 'near')
        const high = round(Math.max(open, close) * (1 + Math.abs(0.5 * sigma * normal())), 'up')
        const low = round(Math.max(tick(close), Math.min(open, close) * (1 - Math.abs(0.5 * sigma * normal()))), 'down')
        const volume = Math.max(100, Math.round((baseVolume * Math.exp(0.5 * studentT4()) * (1 + (2 * Math.abs(ret)) / sigma)) / 100) * 100)
        if (r() < 0.001) continue // a missing day
        rows.push([dates[t], open, high, low, close, volume])
      }
      return rows
    },
  )
}
