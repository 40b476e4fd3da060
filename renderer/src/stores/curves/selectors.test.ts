import { describe, expect, it } from 'vitest'
import type { CurveFit, CurvePanelView } from '../../../../electron/contract'
import { curveOf, fittedAt, indexAtOrBefore, maxTau, overlayIndex, toXY } from './selectors'

const day = 86_400
const t0 = Date.UTC(2020, 3, 16) / 1000 // 2020-04-16 Thursday
// Dates Thu, Fri, Mon; two tenors; CLK20 expires 2020-04-21, CLM20 2020-05-19.
const panel: CurvePanelView = {
  datasetId: 1,
  root: 'CL',
  dates: [t0, t0 + day, t0 + 4 * day],
  contracts: [
    { instrumentId: 1, symbol: 'CLK20', expiry: '2020-04-21', contractMonth: '2020-05', expiryFromRule: false },
    { instrumentId: 2, symbol: 'CLM20', expiry: '2020-05-19', contractMonth: '2020-06', expiryFromRule: false },
  ],
  tenors: 2,
  price: [19.87, 25.03, 18.27, 25.09, -37.63, null],
  contract: [0, 1, 0, 1, 0, 1],
  warnings: [],
}

describe('curves selectors', () => {
  it('a date curve has days to expiry from the contract expiries, missing prices left out', () => {
    expect(curveOf(panel, 0)).toEqual([
      { tenor: 1, tau: 5, price: 19.87, symbol: 'CLK20' },
      { tenor: 2, tau: 33, price: 25.03, symbol: 'CLM20' },
    ])
    expect(curveOf(panel, 2)).toEqual([{ tenor: 1, tau: 1, price: -37.63, symbol: 'CLK20' }])
    expect(maxTau(panel)).toBe(33)
    expect(toXY(curveOf(panel, 0), 'tenor', true)[0]).toEqual({ x: 1, y: 19.87, label: 'CLK20', mark: true })
  })

  it('overlay presets find the last date on or before the offset', () => {
    expect(indexAtOrBefore(panel.dates, t0 + 2 * day)).toBe(1)
    expect(overlayIndex(panel.dates, 2, { id: 'a', preset: '1d', date: null })).toBe(1)
    expect(overlayIndex(panel.dates, 2, { id: 'b', preset: '1w', date: null })).toBe(-1)
    expect(overlayIndex(panel.dates, 2, { id: 'c', preset: null, date: t0 + day + 3600 })).toBe(1)
  })

  it('the fitted NS curve at τ: β0 + β1 f1 + β2 f2, the limit at τ = 0', () => {
    const fit = { params: 3, beta: [50, -10, 5], lambda: [0.01], dates: [t0] } as unknown as CurveFit
    expect(fittedAt(fit, 0, 0)).toBeCloseTo(40, 12)
    const x = 0.01 * 100
    const f1 = (1 - Math.exp(-x)) / x
    expect(fittedAt(fit, 0, 100)).toBeCloseTo(50 - 10 * f1 + 5 * (f1 - Math.exp(-x)), 12)
  })
})
