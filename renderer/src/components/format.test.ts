import { describe, expect, it } from 'vitest'
import { formatPct, formatSig } from './format'

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
