import { describe, expect, it } from 'vitest'
import type { LeaderboardRow } from '../../../../electron/contract'
import { emptyQuantilesNote, filterLeaderRows, nextLeaderSort, parseLeaderFilter, sortLeaderRows } from './leaderboard'

const row = (key: string, ir: number | null, coverage: number, extra: Partial<LeaderboardRow> = {}): LeaderboardRow => ({
  key,
  name: key,
  ok: true,
  coverage,
  meanIc: null,
  icStd: null,
  ir,
  tStat: null,
  ic1: null,
  ic5: null,
  ic10: null,
  ic20: null,
  spread: null,
  turnover: null,
  emptyQuantiles: [],
  rankAutocorrelation: null,
  sharpe: null,
  maxDrawdown: null,
  days: 100,
  maxCorrelation: null,
  maxCorrelationWith: null,
  ...extra,
})

describe('leaderboard filters and sorting', () => {
  const rows = [
    row('a', 0.1, 0.9),
    row('b', 0.02, 0.95),
    row('c', 0.2, 0.5),
    row('d', null, 0),
    row('e', -0.3, 0.99, { maxCorrelation: -0.9 }),
  ]

  it('reads "IR > 0.05 and coverage > 80%"', () => {
    const f = parseLeaderFilter('IR > 0.05 and coverage > 80%')
    expect(f).toEqual({
      ok: true,
      filters: [
        { column: 'ir', op: '>', value: 0.05 },
        { column: 'coverage', op: '>', value: 0.8 },
      ],
    })
    if (f.ok) expect(filterLeaderRows(rows, f.filters).map((r) => r.key)).toEqual(['a'])
  })

  it('compares max |corr| by magnitude, and says what it cannot read', () => {
    const f = parseLeaderFilter('corr >= 0.8')
    if (f.ok) expect(filterLeaderRows(rows, f.filters).map((r) => r.key)).toEqual(['e'])
    expect(parseLeaderFilter('sharp > 1')).toMatchObject({ ok: false })
    expect(parseLeaderFilter('IR >')).toMatchObject({ ok: false })
    expect(parseLeaderFilter('')).toEqual({ ok: true, filters: [] })
  })

  it('sorts with missing values last in both directions', () => {
    expect(sortLeaderRows(rows, { column: 'ir', dir: 'desc' }).map((r) => r.key)).toEqual(['c', 'a', 'b', 'e', 'd'])
    expect(sortLeaderRows(rows, { column: 'ir', dir: 'asc' }).map((r) => r.key)).toEqual(['e', 'b', 'a', 'c', 'd'])
    expect(nextLeaderSort({ column: 'ir', dir: 'desc' }, 'ir')).toEqual({ column: 'ir', dir: 'asc' })
    expect(nextLeaderSort({ column: 'ir', dir: 'desc' }, 'name')).toEqual({ column: 'name', dir: 'asc' })
  })
})

describe('empty quantiles', () => {
  it('explains them, and says the spread is undefined only when the top or bottom one is empty', () => {
    expect(emptyQuantilesNote([], 5)).toBeNull()
    const ends = emptyQuantilesNote([1, 3, 5], 5)!
    expect(ends).toMatch(/^Q1, Q3 and Q5 never hold a value: tied values share a quantile/)
    expect(ends).toContain('Q5\u00a0−\u00a0Q1 spread')
    const middle = emptyQuantilesNote([3], 5)!
    expect(middle).toMatch(/^Q3 never holds a value/)
    expect(middle).not.toContain('spread')
  })
})
