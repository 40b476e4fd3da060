import { describe, expect, it } from 'vitest'
import { formatBasisPoints, formatFixed, formatPercent, formatSignificant } from './format'

describe('format', () => {
  it('formats alpha values compactly with a real minus sign', () => {
    expect(formatSignificant(0.10198)).toBe('0.1020')
    expect(formatSignificant(-2.27)).toBe('−2.270')
    expect(formatSignificant(-0.0000502)).toBe('−5.02e-5')
    expect(formatSignificant(null)).toBe('—')
    expect(formatSignificant(123456)).toBe('123456')
  })

  it('fixed decimals and basis points use a real minus sign and a dash for no value', () => {
    expect(formatFixed(-0.4213, 2)).toBe('−0.42')
    expect(formatFixed(Number.NaN)).toBe('—')
    expect(formatBasisPoints(0.000325)).toBe('3.25 bp')
    expect(formatBasisPoints(-0.00141, false)).toBe('−14.1')
    expect(formatBasisPoints(null)).toBe('—')
  })

  it('progress percentages', () => {
    expect(formatPercent(0.426, 0)).toBe('43%')
    expect(formatPercent(undefined)).toBe('—')
  })
})
