/** Futures contract codes: root + month code + year, e.g. CLK16 = WTI crude, May 2016. */

export const MONTH_CODES = 'FGHJKMNQUVXZ'
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** Conventional contract code: root, month letter, two-digit year (VX, 2013, 1 → VXF13). */
export function contractCode(root: string, year: number, month: number): string {
  return `${root}${MONTH_CODES[month - 1]}${String(year % 100).padStart(2, '0')}`
}

export interface ParsedContract {
  root: string
  year: number
  month: number
  /** 'YYYY-MM' */
  contractMonth: string
}

/**
 * Parses a conventional contract code (CLK16, ESZ2024, VXF13). Two-digit years are read
 * as 1970..2069. Returns null for anything else.
 */
export function parseContractCode(symbol: string): ParsedContract | null {
  const m = /^([A-Z0-9]{1,5}?)([FGHJKMNQUVXZ])(\d{2}|\d{4})$/.exec(symbol.trim().toUpperCase())
  if (!m) return null
  const yy = +m[3]
  const year = m[3].length === 4 ? yy : yy < 70 ? 2000 + yy : 1900 + yy
  const month = MONTH_CODES.indexOf(m[2]) + 1
  return { root: m[1], year, month, contractMonth: `${year}-${String(month).padStart(2, '0')}` }
}

/** A contract's root: from its code when it is a conventional one, else its leading letters. */
export function rootFromSymbol(symbol: string): string | null {
  const parsed = parseContractCode(symbol)
  if (parsed) return parsed.root
  const m = /^[A-Za-z]+/.exec(symbol.trim())
  return m ? m[0].toUpperCase() : null
}

/** 'YYYY-MM' → 'May 2016'. */
export function monthLabel(contractMonth: string): string {
  const [y, m] = contractMonth.split('-')
  return `${MONTH_NAMES[+m - 1] ?? m} ${y}`
}
