import type { NewTrade } from '../../../electron/services/book'
import { seededRandom } from '../../../electron/shared/seeded-random'

const instruments = ['ES', 'NQ', 'CL', 'GC', 'NG', 'YM', 'E6']
const reasons = ['sl', 'tp', 'end', 'signal']

/** Seeded simulated trades: n trades from 2020-01-01, a few hours apart. */
export function makeTrades(n: number, seed = 7, runId: number | null = null): NewTrade[] {
  const r = seededRandom(seed)
  const out: NewTrade[] = new Array(n)
  let ts = Date.UTC(2020, 0, 1) / 1000
  for (let i = 0; i < n; i++) {
    ts += 600 + Math.floor(r() * 7200)
    const entry = 100 + 50 * r()
    const long = r() < 0.5
    const move = (r() - 0.48) * 4
    const exit = entry + move
    const qty = 1 + Math.floor(r() * 3)
    const gross = (long ? 1 : -1) * qty * (exit - entry)
    const fees = 2.5
    out[i] = {
      source: runId === null ? 'import' : 'run',
      runId,
      instrument: instruments[i % instruments.length],
      direction: long ? 'long' : 'short',
      quantity: qty,
      entryTs: ts,
      entryPrice: entry,
      exitTs: ts + 300 + Math.floor(r() * 3600),
      exitPrice: exit,
      stopLoss: entry - 2,
      takeProfit: entry + 2,
      exitReason: reasons[i % reasons.length],
      pnlGross: gross,
      pnlNet: gross - fees,
      fees,
      mae: -Math.abs(move) * r(),
      mfe: Math.abs(move) * r(),
    }
  }
  return out
}
