import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../electron/db/open'
import { randomWalk, seedPanel } from './helpers/alpha-data'
import { cli } from './helpers/cli'
import { tempDir } from './helpers/temp'

// `alphadesk alphas`, run from source in its own process, on a constructed dataset.
const dir = tempDir('alphas-cli')
const days = 40
const closes = randomWalk(days, 4, 5)

beforeAll(() => {
  const db = openDatabase(join(dir.path, 'alphadesk.sqlite'))
  seedPanel(db, {
    key: 'tiny',
    symbols: ['AAA', 'BBB', 'CCC', 'DDD'],
    days,
    close: (t, i) => closes[t][i],
    skip: (t, i) => i === 3 && t < 10, // DDD lists on day 10
  })
  db.close()
})
afterAll(() => dir.remove())

describe('alphadesk alphas', () => {
  it('writes long-format date,symbol,alpha,value rows, leaving missing values out', () => {
    const out = join(dir.path, 'tiny.csv')
    const r = cli(
      'alphas',
      '--data-dir',
      dir.path,
      '--dataset',
      'tiny',
      '--alphas',
      '12,56',
      '--formula',
      'rank(close)',
      '--from',
      '2021-01-10',
      '--out',
      out,
    )
    expect(r.err).toMatch(/alpha056: cannot run: MISSING_FIELD: cap/)
    expect(r.err).toMatch(/formula1 = rank\(close\)/)
    expect(r.out).toMatch(/wrote \d+ values of 2 alphas × 4 instruments/)
    expect(r.code).toBe(3) // some alpha could not run
    const lines = readFileSync(out, 'utf8').trim().split('\n')
    expect(lines[0]).toBe('date,symbol,alpha,value')
    const rows = lines.slice(1).map((l) => l.split(','))
    expect(rows.every((x) => x.length === 4 && Number.isFinite(Number(x[3])))).toBe(true)
    expect(new Set(rows.map((x) => x[2]))).toEqual(new Set(['alpha012', 'formula1']))
    expect(rows.some((x) => x[2] === 'alpha056')).toBe(false)
    // The constructed calendar has a bar every day from 2021-01-04: output starts at --from.
    expect(rows[0][0]).toBe('2021-01-10')
    // rank(close) on a day: pct ranks among the stocks that have a close.
    const day = rows.filter((x) => x[0] === '2021-01-10' && x[2] === 'formula1')
    expect(day.map((x) => x[1])).toEqual(['AAA', 'BBB', 'CCC']) // DDD not listed yet
    const t = 6 // 2021-01-10 = 2021-01-04 + 6 days
    const sorted = [...closes[t].slice(0, 3)].sort((a, b) => a - b)
    day.forEach((x, i) => expect(Number(x[3])).toBeCloseTo((sorted.indexOf(closes[t][i]) + 1) / 3, 12))
    const later = rows.filter((x) => x[0] === '2021-01-20' && x[2] === 'formula1')
    expect(later).toHaveLength(4)
  })

  it('writes the same rows as Parquet, readable by a Parquet reader', async () => {
    const csv = join(dir.path, 'same.csv')
    const parquet = join(dir.path, 'same.parquet')
    const args = ['alphas', '--data-dir', dir.path, '--dataset', 'tiny', '--alphas', '12', '--formula', 'rank(close)']
    expect(cli(...args, '--out', csv).code).toBe(0)
    const r = cli(...args, '--out', parquet)
    expect(r.code).toBe(0)
    expect(readdirSync(dir.path).filter((f) => f.endsWith('.tmp'))).toEqual([])
    const { parquetReadObjects } = await import('hyparquet')
    const file = readFileSync(parquet)
    const rows = (await parquetReadObjects({
      file: file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength),
    })) as { date: string; symbol: string; alpha: string; value: number }[]
    const expected = readFileSync(csv, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','))
    expect(rows).toHaveLength(expected.length)
    rows.forEach((row, k) => {
      expect([row.date, row.symbol, row.alpha]).toEqual(expected[k].slice(0, 3))
      expect(row.value).toBe(Number(expected[k][3]))
    })
  })

  it('refuses an unknown output format, a broken formula and an unknown dataset with clear errors', () => {
    const xlsx = cli('alphas', '--data-dir', dir.path, '--dataset', 'tiny', '--alphas', '1', '--out', join(dir.path, 'x.xlsx'))
    expect(xlsx.code).toBe(1)
    expect(xlsx.err).toMatch(/write a \.csv or \.parquet file/)
    expect(existsSync(join(dir.path, 'x.xlsx'))).toBe(false)
    const broken = cli('alphas', '--data-dir', dir.path, '--dataset', 'tiny', '--formula', 'rank(clsoe)', '--out', join(dir.path, 'y.csv'))
    expect(broken.code).toBe(1)
    expect(broken.err).toMatch(/unknown field 'clsoe' at column 6; did you mean 'close'\?/)
    const unknown = cli('alphas', '--data-dir', dir.path, '--dataset', 'nope', '--alphas', '1', '--out', join(dir.path, 'z.csv'))
    expect(unknown.code).toBe(1)
    expect(unknown.err).toMatch(/no dataset 'nope'/)
    const bad = cli('alphas', '--data-dir', dir.path, '--dataset', 'tiny', '--alphas', '102', '--out', join(dir.path, 'z.csv'))
    expect(bad.err).toMatch(/102 is not one of the paper's alphas/)
  })
})
