import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertTrades } from '../../electron/services/book'
import { openBookDb } from './helpers/book'
import { cli } from './helpers/cli'
import { tempDir } from './helpers/temp'
import { makeTrades } from './helpers/trades'

// `alphadesk export`, run from source in its own process.
const dir = tempDir('book-cli')
const trades = makeTrades(500, 5)
beforeAll(() => {
  const db = openBookDb(dir.path)
  insertTrades(db, trades)
  db.close()
})
afterAll(() => dir.remove())

describe('alphadesk export', () => {
  it('writes the trades a filter selects, in the format of the file name or --format', async () => {
    const out = join(dir.path, 'es.csv')
    const r = cli(
      'export',
      '--data-dir',
      dir.path,
      '--what',
      'trades',
      '--filter',
      'instrument=ES;direction=long',
      '--columns',
      'id,instrument,direction,pnlNet',
      '--out',
      out,
    )
    expect(r.err).toBe('')
    const expected = trades.filter((t) => t.instrument === 'ES' && t.direction === 'long')
    expect(r.out).toMatch(new RegExp(`wrote ${expected.length} rows`))
    const lines = readFileSync(out, 'utf8').trim().split('\n')
    expect(lines[0]).toBe('id,instrument,direction,pnlNet')
    expect(lines).toHaveLength(expected.length + 1)
    expect(lines.slice(1).every((l) => l.split(',')[1] === 'ES' && l.split(',')[2] === 'long')).toBe(true)

    const pq = cli('export', '--data-dir', dir.path, '--what', 'trades', '--format', 'parquet', '--out', join(dir.path, 'all'))
    expect(pq.out).toMatch(/wrote 500 rows to .*all\.parquet/)
    const { parquetReadObjects } = await import('hyparquet')
    const file = readFileSync(join(dir.path, 'all.parquet'))
    const rows = await parquetReadObjects({ file: file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) })
    expect(rows).toHaveLength(500)
  })

  it('refuses an unknown table, filter key or format with a clear message', () => {
    expect(cli('export', '--data-dir', dir.path, '--what', 'nope', '--out', 'x.csv').err).toMatch(
      /--what: choose one of trades, runs, alphas, calendar/,
    )
    expect(
      cli('export', '--data-dir', dir.path, '--what', 'trades', '--filter', 'colour=red', '--out', join(dir.path, 'x.csv')).err,
    ).toMatch(/unknown key 'colour'/)
    expect(cli('export', '--data-dir', dir.path, '--what', 'trades', '--out', join(dir.path, 'x.txt')).err).toMatch(
      /write a .*\.parquet file/,
    )
  })
})
