/** Strict number cells: plain decimals with optional exponent; a few spellings of "missing" read as empty. */

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/
const MISSING = new Set(['', 'na', 'n/a', 'nan', 'null', 'none', '-', '.', '#n/a'])

/** Returned for a cell that is neither a number nor empty. */
export const INVALID = Symbol('invalid number')

/** A number, null for an empty/missing cell, or INVALID. */
export function parseNumberCell(raw: string): number | null | typeof INVALID {
  // Fast path: most cells are clean decimals.
  if (raw.length > 0 && NUMBER.test(raw)) return finite(Number(raw))
  const text = raw.trim()
  if (MISSING.has(text.toLowerCase())) return null
  if (NUMBER.test(text)) return finite(Number(text))
  return INVALID
}

function finite(n: number): number | typeof INVALID {
  return Number.isFinite(n) ? n : INVALID
}
