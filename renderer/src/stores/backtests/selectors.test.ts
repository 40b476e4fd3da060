import { describe, expect, it } from 'vitest'
import { colorScale, metricRange } from './selectors'

describe('heatmap colour scales', () => {
  it('one range over several heatmaps: finite values only, empty is 0…0', () => {
    const a = [
      [1, null],
      [Number.NaN, 3],
    ]
    const b = [[-2, Number.POSITIVE_INFINITY]]
    expect(metricRange(a)).toEqual({ lo: 1, hi: 3 })
    expect(metricRange(a, b)).toEqual({ lo: -2, hi: 3 })
    expect(metricRange([[null]], [])).toEqual({ lo: 0, hi: 0 })
  })

  it('each run on its own range colours the same value differently: why compare shares one', () => {
    const a = [[0, 10]]
    const b = [[0, 100]]
    expect(colorScale('netPnl', metricRange(a))(10)).not.toBe(colorScale('netPnl', metricRange(b))(10))
    expect(colorScale('trades', metricRange(a))(10)).not.toBe(colorScale('trades', metricRange(a, b))(10))
    // On the shared range, b's top value is the brightest and a's 10 sits a tenth of the way up.
    expect(colorScale('trades', metricRange(a, b))(100)).toBe(colorScale('trades', { lo: 0, hi: 100 })(100))
  })
})
