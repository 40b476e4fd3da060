/** SL and TP levels from `from/to/step` ranges, and the `sl=a:b:step,tp=c:d:step` text of the CLI. */
import { AppError } from '../../contract'

export interface LevelRange {
  from: number
  to: number
  step: number
}

export const MAX_LEVELS = 2000
/** Most sets one sweep computes and stores. */
export const MAX_SETS = 1_000_000

export function levels(range: LevelRange, field: string): number[] {
  for (const key of ['from', 'to', 'step'] as const) {
    const v = range[key]
    if (!Number.isFinite(v) || v <= 0)
      throw new AppError('VALIDATION', `${field}.${key} must be a number > 0, got ${v}`, { field: `${field}.${key}` })
  }
  if (range.to < range.from)
    throw new AppError('VALIDATION', `${field}.to (${range.to}) is below ${field}.from (${range.from})`, { field: `${field}.to` })
  const count = Math.floor((range.to - range.from) / range.step + 1e-9) + 1
  if (count > MAX_LEVELS) throw new AppError('VALIDATION', `${field}: ${count} levels, at most ${MAX_LEVELS}`, { field })
  // Rounded so 0.1 steps print as 0.3, not 0.30000000000000004.
  return Array.from({ length: count }, (_, k) => Number((range.from + k * range.step).toPrecision(12)))
}

export function gridOf(sl: LevelRange, tp: LevelRange): { sl: number[]; tp: number[] } {
  const grid = { sl: levels(sl, 'sl'), tp: levels(tp, 'tp') }
  if (grid.sl.length * grid.tp.length > MAX_SETS) {
    throw new AppError('VALIDATION', `the grid has ${grid.sl.length} × ${grid.tp.length} sets, at most ${MAX_SETS}`)
  }
  return grid
}

/** `sl=5:50:5,tp=10:100:10` → ranges (a bare number is a one-level range). */
export function parseSweep(text: string): { sl: LevelRange; tp: LevelRange } {
  const parts = new Map<string, LevelRange>()
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^(sl|tp)\s*=\s*([^:]+)(?::([^:]+):([^:]+))?$/.exec(part)
    if (!m) throw new AppError('VALIDATION', `--sweep: cannot read '${part}' (expected sl=from:to:step,tp=from:to:step)`)
    const [from, to, step] = [m[2], m[3] ?? m[2], m[4] ?? '1'].map(Number)
    parts.set(m[1], { from, to, step })
  }
  const sl = parts.get('sl')
  const tp = parts.get('tp')
  if (!sl || !tp) throw new AppError('VALIDATION', '--sweep needs both sl=from:to:step and tp=from:to:step')
  return { sl, tp }
}
