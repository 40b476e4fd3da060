import { describe, expect, it } from 'vitest'
import { heatmapGeometry, isLabelled } from './Heatmap'

describe('heatmap geometry', () => {
  it('fills the box with a dense matrix (fractional cells) and keeps whole pixels with gaps for a small one', () => {
    const dense = heatmapGeometry(566, 552, 100, 4)
    const avail = Math.min(566 - dense.labelW - 12, 552 - dense.labelW - 40)
    expect(dense.gridW).toBeCloseTo(avail, 6)
    expect(dense.cell).toBeLessThan(12)
    const small = heatmapGeometry(566, 552, 3, 5)
    expect(Number.isInteger(small.cell)).toBe(true)
    expect(small.showValues).toBe(true)
  })

  it('labels never overlap, with or without a hovered row', () => {
    const { every, cell, fontSize } = heatmapGeometry(566, 552, 100, 4)
    expect(every).toBeGreaterThan(1)
    for (const hovered of [undefined, 0, 1, 37, 50, 99]) {
      const rows = Array.from({ length: 100 }, (_, i) => i).filter((i) => isLabelled(i, hovered, every))
      if (hovered !== undefined) expect(rows).toContain(hovered)
      for (let k = 1; k < rows.length; k++) expect((rows[k] - rows[k - 1]) * cell).toBeGreaterThanOrEqual(fontSize + 2)
    }
  })
})
