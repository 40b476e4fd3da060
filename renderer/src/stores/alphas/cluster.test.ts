import { describe, expect, it } from 'vitest'
import { clusterOrder } from './cluster'

describe('clusterOrder', () => {
  it('puts correlated alphas next to each other', () => {
    // 0 ~ 2, 1 ~ 3, the pairs unrelated.
    const m = [
      [1, 0, 0.9, 0.1],
      [0, 1, 0.05, 0.8],
      [0.9, 0.05, 1, 0],
      [0.1, 0.8, 0, 1],
    ]
    const order = clusterOrder(m)
    expect([...order].sort()).toEqual([0, 1, 2, 3])
    const pos = (i: number) => order.indexOf(i)
    expect(Math.abs(pos(0) - pos(2))).toBe(1)
    expect(Math.abs(pos(1) - pos(3))).toBe(1)
  })
  it('keeps tiny matrices and treats missing values as no correlation', () => {
    expect(clusterOrder([[1]])).toEqual([0])
    const order = clusterOrder([
      [1, null, 0.7],
      [null, 1, null],
      [0.7, null, 1],
    ])
    expect(Math.abs(order.indexOf(0) - order.indexOf(2))).toBe(1)
  })
})
