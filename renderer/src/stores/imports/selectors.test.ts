import { describe, expect, it } from 'vitest'
import { fieldsByColumn, sourcesOf, suggestName } from './selectors'
import { initialImports, type ImportsSlice } from './state'

const state = (partial: Partial<ImportsSlice>): ImportsSlice => ({ open: true, ...initialImports(), ...partial })

describe('imports selectors', () => {
  it('inverts the mapping to one field per column', () => {
    const m = fieldsByColumn({ date: 0, close: 4, symbol: 6 })
    expect(m.get(0)).toBe('date')
    expect(m.get(6)).toBe('symbol')
    expect(m.has(1)).toBe(false)
  })
  it('suggests a dataset name from a file or a path', () => {
    expect(suggestName('sp500_daily.csv')).toBe('sp500_daily')
    expect(suggestName('/data/prices/sp500.csv.gz')).toBe('sp500')
    expect(suggestName('/data/per_symbol/')).toBe('per_symbol')
    expect(suggestName('C:\\data\\vx.csv')).toBe('vx')
  })
  it('sends uploaded files as {name, text} and a backend path as {path}', () => {
    const files = [{ name: 'a.csv', size: 3, text: 'x,y' }]
    expect(sourcesOf(state({ files }))).toEqual([{ name: 'a.csv', text: 'x,y' }])
    expect(sourcesOf(state({ files, sourceMode: 'path', path: ' /srv/a.csv ' }))).toEqual([{ path: '/srv/a.csv' }])
    expect(sourcesOf(state({ sourceMode: 'path', path: '  ' }))).toEqual([])
  })
})
