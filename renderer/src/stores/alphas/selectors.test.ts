import { describe, expect, it } from 'vitest'
import type { AlphaFormula, AlphaRun, CrossSection, Dataset } from '../../../../electron/contract'
import {
  applySuggestionTo,
  computeLabel,
  divergingColor,
  equityOf,
  extremeRows,
  filterFormulas,
  filterRows,
  groupIssues,
  indexOnOrBefore,
  isRunGone,
  isoDate,
  keysToCompute,
  namesList,
  nextSort,
  parseMessage,
  rangeProblem,
  rankingKey,
  rollingMean,
  runIssues,
  sortRows,
  strongestPairs,
  tableRows,
  tokenAt,
  unixOfIso,
  type CrossRow,
} from './selectors'

const row = (symbol: string, sector: string | null, values: (number | null)[]): CrossRow => ({
  instrumentId: symbol.charCodeAt(0) * 100 + symbol.length,
  symbol,
  sector,
  values,
  ranks: values.map((v) => (v === null ? null : 0.5)),
})

const keys = ['alpha001', 'alpha012']
const rows: CrossRow[] = [
  row('MSFT', 'Information Technology', [0.4, -2]),
  row('AAPL', 'Information Technology', [0.1, 3]),
  row('XOM', 'Energy', [null, 1]),
  row('JPM', 'Financials', [0.9, null]),
  row('CVX', 'Energy', [-0.3, 1]),
]
const symbols = (list: CrossRow[]) => list.map((r) => r.symbol)

describe('cross-section table', () => {
  it('sorts an alpha column descending and ascending with blanks last both ways', () => {
    expect(symbols(sortRows(rows, keys, { column: 'alpha001', dir: 'desc' }))).toEqual(['JPM', 'MSFT', 'AAPL', 'CVX', 'XOM'])
    expect(symbols(sortRows(rows, keys, { column: 'alpha001', dir: 'asc' }))).toEqual(['CVX', 'AAPL', 'MSFT', 'JPM', 'XOM'])
  })

  it('breaks ties by symbol and sorts text columns', () => {
    // CVX and XOM tie on alpha012 = 1.
    expect(symbols(sortRows(rows, keys, { column: 'alpha012', dir: 'desc' }))).toEqual(['AAPL', 'CVX', 'XOM', 'MSFT', 'JPM'])
    expect(symbols(sortRows(rows, keys, { column: 'symbol', dir: 'asc' }))).toEqual(['AAPL', 'CVX', 'JPM', 'MSFT', 'XOM'])
    expect(symbols(sortRows(rows, keys, { column: 'sector', dir: 'desc' }))).toEqual(['AAPL', 'MSFT', 'JPM', 'CVX', 'XOM'])
  })

  it('does not mutate its input', () => {
    const copy = [...rows]
    sortRows(rows, keys, { column: 'alpha001', dir: 'desc' })
    expect(rows).toEqual(copy)
  })

  it('filters by symbol or sector, every term must match', () => {
    expect(symbols(filterRows(rows, 'energy'))).toEqual(['XOM', 'CVX'])
    expect(symbols(filterRows(rows, 'aap'))).toEqual(['AAPL'])
    expect(symbols(filterRows(rows, 'energy cv'))).toEqual(['CVX'])
    expect(filterRows(rows, '  ')).toHaveLength(rows.length)
  })

  it('top / bottom N pick by the ranking alpha, skip blanks, keep the current order', () => {
    const byAlpha1Desc = { column: 'alpha001', dir: 'desc' as const }
    expect(symbols(extremeRows(rows, keys, byAlpha1Desc, 'top', 2))).toEqual(['JPM', 'MSFT'])
    expect(symbols(extremeRows(rows, keys, byAlpha1Desc, 'bottom', 2))).toEqual(['AAPL', 'CVX'])
    // Sorted by symbol: top / bottom use the first alpha, shown alphabetically.
    const bySymbol = { column: 'symbol', dir: 'asc' as const }
    expect(rankingKey(keys, bySymbol)).toBe('alpha001')
    expect(symbols(extremeRows(rows, keys, bySymbol, 'top', 3))).toEqual(['AAPL', 'JPM', 'MSFT'])
    // More than there are values: only the valued rows.
    expect(extremeRows(rows, keys, byAlpha1Desc, 'top', 50)).toHaveLength(4)
    expect(extremeRows(rows, keys, byAlpha1Desc, 'all', 2)).toHaveLength(5)
  })

  it('composes filter, sort and top N', () => {
    const cross: CrossSection = { runId: 'r', date: 0, keys, rows }
    const out = tableRows(cross, { filter: 'Information', sort: { column: 'alpha012', dir: 'asc' }, extreme: 'top', n: 1 })
    expect(symbols(out)).toEqual(['AAPL'])
    expect(tableRows(null, { filter: '', sort: { column: 'symbol', dir: 'asc' }, extreme: 'all', n: 1 })).toEqual([])
  })

  it('a header click flips the same column, a new alpha starts descending', () => {
    expect(nextSort({ column: 'alpha001', dir: 'desc' }, 'alpha001')).toEqual({ column: 'alpha001', dir: 'asc' })
    expect(nextSort({ column: 'alpha001', dir: 'asc' }, 'alpha012')).toEqual({ column: 'alpha012', dir: 'desc' })
    expect(nextSort({ column: 'alpha001', dir: 'desc' }, 'symbol')).toEqual({ column: 'symbol', dir: 'asc' })
  })
})

describe('dates', () => {
  const dates = [100, 200, 300, 400]
  it('finds the last date on or before', () => {
    expect(indexOnOrBefore(dates, 300)).toBe(2)
    expect(indexOnOrBefore(dates, 350)).toBe(2)
    expect(indexOnOrBefore(dates, 50)).toBe(0)
    expect(indexOnOrBefore(dates, 999)).toBe(3)
  })
  it('converts ISO dates both ways in UTC and checks ranges', () => {
    expect(isoDate(unixOfIso('2016-02-29')!)).toBe('2016-02-29')
    expect(unixOfIso('2016-2-9')).toBeNull()
    const ds = { from: unixOfIso('2013-02-08'), to: unixOfIso('2018-02-07') } as Dataset
    expect(rangeProblem('2014-01-01', '2013-01-01', ds)).toMatch(/after the end/)
    expect(rangeProblem('2019-01-01', '', ds)).toMatch(/ends on 2018-02-07/)
    expect(rangeProblem('2014-01-01', '2015-01-01', ds)).toBeNull()
  })
})

describe('formulas', () => {
  const f = (n: number, text: string, source: 'paper' | 'user' = 'paper'): AlphaFormula => ({
    key: source === 'paper' ? `alpha${String(n).padStart(3, '0')}` : `user:${n}`,
    name: source === 'paper' ? `Alpha#${n}` : `Mine ${n}`,
    text,
    source,
    fields: [],
  })
  const lib = [
    f(1, 'rank(close)'),
    f(12, 'sign(delta(volume, 1))'),
    f(101, '((close - open) / ((high - low) + .001))'),
    f(3, 'rank(vwap) * 12', 'user'),
  ]

  it('searches by number first, then text', () => {
    expect(filterFormulas(lib, '12').map((x) => x.key)).toEqual(['alpha012', 'user:3'])
    expect(filterFormulas(lib, '#101').map((x) => x.key)).toEqual(['alpha101'])
    expect(filterFormulas(lib, 'close open').map((x) => x.key)).toEqual(['alpha101'])
    expect(filterFormulas(lib, '')).toHaveLength(4)
  })

  it('computes the chosen keys in library order, dropping unknown ones', () => {
    expect(keysToCompute(['alpha101', 'gone', 'alpha001'], lib)).toEqual(['alpha001', 'alpha101'])
    expect(computeLabel(3, true)).toBe('Compute 3 alphas + formula')
    expect(computeLabel(1, false)).toBe('Compute 1 alpha')
  })

  it('replaces the unknown name at the error with the suggestion', () => {
    const text = 'rank(clsoe) * -1'
    const error = {
      message: "unknown field 'clsoe' at column 6; did you mean 'close'?",
      offset: 5,
      line: 1,
      column: 6,
      expected: ['field'],
      suggestion: 'close',
    }
    expect(tokenAt(text, 5)).toEqual([5, 10])
    expect(tokenAt(text, text.length)).toEqual([text.length, text.length])
    expect(applySuggestionTo(text, error)).toBe('rank(close) * -1')
    expect(parseMessage(error)).toBe("unknown field 'clsoe'; did you mean 'close'?")
  })
})

describe('run issues', () => {
  const run = {
    alphas: [
      {
        key: 'alpha056',
        name: 'Alpha#56',
        text: '',
        ok: false,
        error: { code: 'MISSING_FIELD', message: 'cap: no market-cap data' },
        warnings: [],
        coverage: 0,
      },
      { key: 'alpha005', name: 'Alpha#5', text: '', ok: true, warnings: ['vwap: typical price'], coverage: 1 },
      { key: 'alpha011', name: 'Alpha#11', text: '', ok: true, warnings: ['vwap: typical price'], coverage: 1 },
    ],
  } as unknown as AlphaRun
  it('lists errors first and groups equal messages', () => {
    const issues = runIssues(run)
    expect(issues.map((i) => i.severity)).toEqual(['error', 'warning', 'warning'])
    const groups = groupIssues(issues)
    expect(groups).toHaveLength(2)
    expect(groups[0]).toMatchObject({ severity: 'error', code: 'MISSING_FIELD', keys: ['alpha056'] })
    expect(namesList(groups[1].keys, groups[1].names)).toBe('Alpha#5, #11')
    expect(namesList(['alpha001', 'alpha002', 'alpha003'], ['Alpha#1', 'Alpha#2', 'Alpha#3'], 2)).toBe('Alpha#1, #2 +1 more')
  })
})

describe('numbers and series', () => {
  it('rolling mean needs half a window of values', () => {
    expect(rollingMean([1, 2, 3, 4], 2)).toEqual([null, 1.5, 2.5, 3.5])
    expect(rollingMean([1, null, null, 4], 2)).toEqual([null, 1, null, 4])
  })

  it('compounds returns into equity', () => {
    expect(equityOf([0.1, null, -0.5])).toEqual([1.1, 1.1, 0.55])
  })

  it('orders pairs by absolute correlation and colours both signs', () => {
    const pairs = strongestPairs(
      ['a', 'b', 'c'],
      [
        [1, 0.2, -0.9],
        [0.2, 1, null],
        [-0.9, null, 1],
      ],
    )
    expect(pairs).toEqual([
      { a: 'a', b: 'c', value: -0.9 },
      { a: 'a', b: 'b', value: 0.2 },
    ])
    expect(divergingColor(1)).not.toBe(divergingColor(-1))
    expect(divergingColor(0)).toBe('rgb(28, 33, 41)')
  })
})

describe('run availability', () => {
  it('tells a run that is gone from other errors', () => {
    expect(
      isRunGone({ code: 'NOT_FOUND', message: 'alpha run abc is not available (runs are a cache of recent computes; compute again)' }),
    ).toBe(true)
    expect(isRunGone({ code: 'NOT_FOUND', message: 'no dataset with id 3' })).toBe(false)
    expect(isRunGone({ code: 'ENGINE_ERROR', message: 'compute again' })).toBe(false)
    expect(isRunGone(null)).toBe(false)
  })
})
