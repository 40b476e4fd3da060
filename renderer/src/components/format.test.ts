import { describe, expect, it } from 'vitest'
import { formatBasisPoints, formatFixed, formatPct, formatPercent, formatSig, formatSignificant } from './format'

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

describe('formatSig / formatPct', () => {
  it('significant digits, no trailing zeros, one minus sign', () => {
    expect(formatSig(0.041234)).toBe('0.0412')
    expect(formatSig(-1.3)).toBe('\u22121.3')
    expect(formatSig(12.3456)).toBe('12.3')
    expect(formatSig(2)).toBe('2')
    expect(formatSig(12345.6)).toBe('12,346')
    expect(formatSig(0)).toBe('0')
    expect(formatSig(null)).toBe('—')
    expect(formatSig(Number.NaN)).toBe('—')
    expect(formatSig(-0.00001234, 2)).toBe('\u22120.000012')
  })
  it('percentages carry their sign when asked', () => {
    expect(formatPct(0.8)).toBe('80%')
    expect(formatPct(0.1234)).toBe('12.3%')
    expect(formatPct(0.05, 3, true)).toBe('+5%')
    expect(formatPct(-0.05, 3, true)).toBe('\u22125%')
  })
})
