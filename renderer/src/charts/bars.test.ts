import { describe, expect, it } from 'vitest'
import type { Bars } from '../../../electron/contract'
import {
  barStyleOf,
  hasVolume,
  indexOfTime,
  isIntraday,
  overlayLineLabel,
  overlayLineOrder,
  pricePrecision,
  toCandles,
  toCloseLine,
  toPoints,
  toVolume,
} from './bars'

const day = 86_400
const bars = (partial: Partial<Bars> & { close: (number | null)[] }): Bars => {
  const n = partial.close.length
  const nulls = () => Array.from({ length: n }, () => null)
  return {
    instrumentId: 1,
    time: partial.time ?? Array.from({ length: n }, (_, i) => 1_600_000_000 - (1_600_000_000 % day) + i * day),
    open: partial.open ?? nulls(),
    high: partial.high ?? nulls(),
    low: partial.low ?? nulls(),
    close: partial.close,
    volume: partial.volume ?? nulls(),
  }
}

describe('barStyleOf', () => {
  it('draws candles when the bars have OHLC', () => {
    expect(barStyleOf(bars({ open: [1, 2], high: [2, 3], low: [0.5, 1], close: [1.5, 2.5] }))).toBe('candles')
  })
  it('draws a close line for settlement-only futures', () => {
    expect(barStyleOf(bars({ close: [50.1, 50.3, 49.9] }))).toBe('line')
  })
  it('draws a line when nothing has a close', () => {
    expect(barStyleOf(bars({ close: [null, null] }))).toBe('line')
  })
})

describe('toCandles', () => {
  it('turns a settle-only day inside an OHLC series into a flat candle and a missing close into whitespace', () => {
    const c = toCandles(bars({ open: [1, null, 3], high: [2, null, 4], low: [0.5, null, 2], close: [1.5, 2, null] }))
    expect(c[0]).toMatchObject({ open: 1, high: 2, low: 0.5, close: 1.5 })
    expect(c[1]).toMatchObject({ open: 2, high: 2, low: 2, close: 2 })
    expect(c[2]).toEqual({ time: c[2].time })
  })
  it('widens a high/low that does not bracket open/close', () => {
    const [c] = toCandles(bars({ open: [10], high: [9], low: [9.5], close: [8] }))
    expect(c).toMatchObject({ high: 10, low: 8 })
  })
})

describe('volume and lines', () => {
  it('tells zero-only volume (SPX 1-minute sample) from real volume', () => {
    expect(hasVolume(bars({ close: [1, 2], volume: [0, 0] }))).toBe(false)
    expect(hasVolume(bars({ close: [1, 2], volume: [0, 10] }))).toBe(true)
  })
  it('colours volume by direction', () => {
    const v = toVolume(bars({ open: [1, 2], close: [2, 1], volume: [5, 6] }), 'up', 'down')
    expect(v.map((d) => d.color)).toEqual(['up', 'down'])
  })
  it('keeps gaps as whitespace', () => {
    expect(toCloseLine(bars({ close: [1, null] }))[1]).not.toHaveProperty('value')
  })
  it('drops repeated or out-of-order times from a series (the library needs them ascending)', () => {
    expect(toPoints([1, 2, 2, 1, 3], [10, null, 30, 40, Number.NaN])).toEqual([{ time: 1, value: 10 }, { time: 2 }, { time: 3 }])
  })
})

describe('time helpers', () => {
  it('detects intraday spacing', () => {
    expect(isIntraday([0, 60, 120, 180])).toBe(true)
    expect(isIntraday([0, day, 2 * day, 5 * day])).toBe(false)
  })
  it('finds a time by binary search', () => {
    expect(indexOfTime([10, 20, 30], 30)).toBe(2)
    expect(indexOfTime([10, 20, 30], 25)).toBe(-1)
  })
})

describe('pricePrecision', () => {
  it('shows 2 decimals for stock prices even when split adjustment left 4', () => {
    expect(pricePrecision([67.8542, 159.54, 170.1234])).toBe(2)
  })
  it('shows 3 decimals for natural gas', () => {
    expect(pricePrecision([2.653, 2.701, 2.5])).toBe(3)
  })
  it('never goes below 2', () => {
    expect(pricePrecision([3000, 3001])).toBe(2)
  })
})

describe('overlay labels', () => {
  it('orders Bollinger lines mid, upper, lower and names them', () => {
    expect(overlayLineOrder({ lower: [], upper: [], mid: [] })).toEqual(['mid', 'upper', 'lower'])
    expect(overlayLineLabel({ kind: 'sma', window: 20 }, 'mid')).toBe('SMA 20')
    expect(overlayLineLabel({ kind: 'bollinger', window: 20 }, 'upper')).toBe('BB 20 upper')
  })
})
