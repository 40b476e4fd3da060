/** Strict number cells: plain decimals with optional exponent; a few spellings of "missing" read as empty. */

// Unambiguous on purpose: `\d+\.?\d*` backtracks quadratically on a long run of digits that fails at the end.
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/
const MISSING = new Set(['', 'na', 'n/a', 'nan', 'null', 'none', '-', '.', '#n/a'])

/** Returned for a cell that is neither a number nor empty. */
export const INVALID = Symbol('invalid number')

/** A number, null for an empty/missing cell, or INVALID. */
export function parseNumberCell(raw: string): number | null | typeof INVALID {
  // Fast path: most cells are clean decimals. Number() alone would also take ' 1', '0x1A',
  // '0b1' and 'Infinity'; a digit at both ends and no radix prefix rules those out.
  const len = raw.length
  if (len > 0) {
    const a = raw.charCodeAt(0)
    const z = raw.charCodeAt(len - 1)
    if (((a >= 48 && a <= 57) || a === 45) && z >= 48 && z <= 57 && !(a === 48 && len > 2 && isRadixLetter(raw.charCodeAt(1)))) {
      const n = Number(raw)
      if (n - n === 0) return n // false for NaN ('1-2') and ±Infinity ('1e400')
    }
  }
  const text = raw.trim()
  if (MISSING.has(text.toLowerCase())) return null
  if (NUMBER.test(text)) return finite(Number(text))
  return INVALID
}

function finite(n: number): number | typeof INVALID {
  return Number.isFinite(n) ? n : INVALID
}

/** x, X, b, B, o, O */
function isRadixLetter(c: number): boolean {
  return c === 120 || c === 88 || c === 98 || c === 66 || c === 111 || c === 79
}
