import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BacktestSpec, TiePolicy } from '../../electron/contract'
import { type Db, openDatabase } from '../../electron/db/open'
import { loadNative } from '../../electron/native/addon'
import { loadBars, type SimBarsData } from '../../electron/services/backtests/bars'
import { resolveSignals } from '../../electron/services/backtests/signals'
import { type SimSetup, setTradesOnBars, sweepOnBars } from '../../electron/services/backtests/simulation'
import { importSampleData } from '../../electron/services/market'
import { resourcesData } from './fixtures/market-helpers'
import { tempDir } from './helpers/temp'

// The engine against the naive reference loop (a plain scan, one trade at a time) on the real
// sample bars: one-minute S&P 500, a daily stock, a VIX futures contract.
const dir = tempDir('backtests-reference')
let db: Db
const native = loadNative()

beforeAll(async () => {
  db = openDatabase(join(dir.path, 'alphadesk.sqlite'))
  await importSampleData(db, resourcesData)
}, 120_000)

afterAll(() => {
  db?.close()
  dir.remove()
})

function instrument(dataset: string, symbol: string): number {
  return db
    .prepare('SELECT i.id FROM instruments i JOIN datasets d ON d.id = i.dataset_id WHERE d.key = ? AND i.symbol = ?')
    .pluck()
    .get(dataset, symbol) as number
}

function firstOf(dataset: string): number {
  return db
    .prepare(
      'SELECT i.id FROM instruments i JOIN datasets d ON d.id = i.dataset_id JOIN instrument_stats s ON s.instrument_id = i.id WHERE d.key = ? ORDER BY s.bar_count DESC LIMIT 1',
    )
    .pluck()
    .get(dataset) as number
}

type Case = { name: string; id: () => number; tick: number; levels: { unit: BacktestSpec['unit']; sl: number[]; tp: number[] } }

const cases: Case[] = [
  {
    name: 'S&P 500 one-minute',
    id: () => instrument('spx_1min', 'SPX'),
    tick: 0.01,
    levels: { unit: 'price', sl: [0.5, 1, 2.5, 4], tp: [0.75, 2, 3, 6] },
  },
  {
    name: 'daily stock (AAPL)',
    id: () => instrument('sp500', 'AAPL'),
    tick: 0.01,
    levels: { unit: 'pct', sl: [0.5, 1, 2, 5], tp: [1, 2, 4] },
  },
  { name: 'VIX futures contract', id: () => firstOf('vx'), tick: 0.05, levels: { unit: 'atr', sl: [0.5, 1, 2], tp: [0.5, 1.5, 3] } },
]

function setupFor(
  id: number,
  bars: SimBarsData,
  tick: number,
  unit: BacktestSpec['unit'],
  tie: TiePolicy,
  overlap: boolean,
  maxHold: number | null,
): SimSetup {
  const signals = resolveSignals(native, bars, {
    signals: { kind: 'generator', generator: 'breakout', length: 10, edge: false },
    direction: 'both',
  })
  return {
    instrumentId: id,
    signals,
    costs: { tickSize: tick, tickValue: 10, commission: 1.5, slippageTicks: 1 },
    options: { unit, atrPeriod: 14, tie, maxHold, overlap },
  }
}

describe('the engine agrees with the naive reference on real bars', () => {
  for (const c of cases) {
    it(`${c.name}: trade for trade and statistic for statistic, every tie policy, overlap on and off, time exits`, () => {
      const id = c.id()
      expect(id).toBeGreaterThan(0)
      const bars = loadBars(db, id)
      let compared = 0
      const reasons = new Set<string>()
      for (const tie of ['stop', 'target', 'nearest'] as const) {
        for (const overlap of [false, true]) {
          for (const maxHold of [null, 5]) {
            const setup = setupFor(id, bars, c.tick, c.levels.unit, tie, overlap, maxHold)
            expect(setup.signals.time.length).toBeGreaterThan(5)
            const sweep = sweepOnBars(native, bars, setup, c.levels.sl, c.levels.tp, () => {}, 2)
            c.levels.sl.forEach((sl, k) => {
              c.levels.tp.forEach((tp, m) => {
                const fast = setTradesOnBars(native, bars, setup, sl, tp)
                const slow = setTradesOnBars(native, bars, setup, sl, tp, true)
                expect(fast.trades).toEqual(slow.trades)
                for (const t of fast.trades) reasons.add(t.reason)
                const cell = k * c.levels.tp.length + m
                expect(sweep.stats.trades[cell]).toBe(slow.stats.trades)
                expect(sweep.stats.netPnl[cell]).toBeCloseTo(slow.stats.netPnl, 6)
                expect(sweep.stats.maxDrawdown[cell]).toBeCloseTo(slow.stats.maxDrawdown, 6)
                expect(sweep.stats.ambiguous[cell]).toBe(slow.stats.ambiguous)
                expect(sweep.stats.skipped[cell]).toBe(slow.stats.skipped)
                compared += fast.trades.length
              })
            })
          }
        }
      }
      expect(compared).toBeGreaterThan(100)
      expect(reasons.has('sl') && reasons.has('tp') && reasons.has('time')).toBe(true)
    })
  }
})
