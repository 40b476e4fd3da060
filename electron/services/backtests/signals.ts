/**
 * Turns a signal source into signal times and directions on the instrument's bars: a formula
 * condition (long and/or short) evaluated by the engine on the bars, a built-in generator (a pair
 * of conditions), or a CSV whose every time must be a bar time.
 */
import { AppError, type BacktestSpec, lowerBound } from '../../contract'
import type { NativeAddon } from '../../native/addon'
import type { SimBarsData } from './bars'
import { engineCall } from './native-errors'
import { MAX_SIGNALS, parseSignalsCsv } from './signals-csv'

export interface Signals {
  time: number[]
  direction: number[]
}

export function generatorConditions(
  native: NativeAddon,
  generator: string,
  length: number,
  slow?: number,
): { long: string; short: string } {
  const [long, short] = engineCall('signals.generator', () => native.simGenerator(generator, length, slow ?? null))
  return { long, short }
}

function fromConditions(
  native: NativeAddon,
  bars: SimBarsData,
  long: string | undefined,
  short: string | undefined,
  edge: boolean,
): Signals {
  const hasLong = !!long?.trim()
  const hasShort = !!short?.trim()
  if (!hasLong && !hasShort)
    throw new AppError('VALIDATION', 'signals: give a long condition, a short condition or both', { field: 'signals.long' })
  const out = engineCall('signals', () =>
    native.simConditionSignals(bars, bars.volume, hasLong ? long : null, hasShort ? short : null, edge),
  )
  return { time: Array.from(out.time), direction: Array.from(out.direction) }
}

function fromCsv(bars: SimBarsData, text: string, name: string): Signals {
  const list = parseSignalsCsv(text, name)
  for (let k = 0; k < list.time.length; k++) {
    const t = list.time[k]
    const at = lowerBound(bars.time, t)
    if (at >= bars.time.length || bars.time[at] !== t) {
      const iso = new Date(t * 1000).toISOString().replace('.000', '')
      throw new AppError('VALIDATION', `${name} line ${list.line[k]}: signal time ${iso} is not a bar time of the instrument`, {
        line: list.line[k],
        field: 'time',
      })
    }
  }
  return { time: list.time, direction: list.direction }
}

export function resolveSignals(native: NativeAddon, bars: SimBarsData, spec: Pick<BacktestSpec, 'signals' | 'direction'>): Signals {
  const src = spec.signals
  let signals: Signals
  if (src.kind === 'csv') signals = fromCsv(bars, src.text, src.name ?? 'signals CSV')
  else if (src.kind === 'formula') signals = fromConditions(native, bars, src.long, src.short, src.edge)
  else {
    const c = generatorConditions(native, src.generator, src.length, src.slow)
    signals = fromConditions(native, bars, c.long, c.short, src.edge)
  }
  if (spec.direction !== 'both') {
    const keep = spec.direction === 'long' ? 1 : -1
    const idx = signals.direction.flatMap((d, k) => (d === keep ? [k] : []))
    signals = {
      time: idx.map((k) => signals.time[k]),
      direction: idx.map((k) => signals.direction[k]),
    }
  }
  if (signals.time.length > MAX_SIGNALS) throw new AppError('VALIDATION', `signals: ${signals.time.length} signals, at most ${MAX_SIGNALS}`)
  return signals
}
