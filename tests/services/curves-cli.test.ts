import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parquetReadObjects } from 'hyparquet'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../electron/db/open'
import { cli } from './helpers/cli'
import { importFuturesSamples } from './helpers/curves-data'
import { tempDir } from './helpers/temp'

// The real CLI in its own process on a data dir holding the futures samples.
const dir = tempDir('curves-cli')

beforeAll(async () => {
  const db = openDatabase(join(dir.path, 'alphadesk.sqlite'))
  await importFuturesSamples(db)
  db.close()
})
afterAll(() => dir.remove())

const run = (...args: string[]) => cli('curves', '--data-dir', dir.path, '--dataset', 'cl_ng', ...args)

describe('alphadesk curves', () => {
  it('writes the CL curve of 2020-04-20 with days to expiry and deviations', () => {
    const out = join(dir.path, 'dev.csv')
    const r = run('--root', 'CL', '--what', 'deviation', '--from', '2020-04-20', '--to', '2020-04-20', '--out', out)
    expect(r.code, r.err).toBe(0)
    expect(r.out).toMatch(/wrote 36 rows/)
    const lines = readFileSync(out, 'utf8').trim().split('\n')
    expect(lines[0]).toBe('date,tenor,contract,expiry,days_to_expiry,price,deviation,deviation_pct')
    expect(lines[1]).toBe('2020-04-20,1,CLK20,2020-04-21,1,-37.63,0,')
    expect(lines[2].startsWith('2020-04-20,2,CLM20,2020-05-19,29,20.43,58.06')).toBe(true)
  })

  it('writes NS fits as Parquet with the same numbers as CSV', async () => {
    const csv = join(dir.path, 'ns.csv')
    const pq = join(dir.path, 'ns.parquet')
    const common = ['--root', 'NG', '--what', 'ns', '--fit-lambda', '--from', '2019-01-01', '--to', '2019-01-31']
    expect(run(...common, '--out', csv).code).toBe(0)
    expect(run(...common, '--out', pq).code).toBe(0)
    const lines = readFileSync(csv, 'utf8').trim().split('\n')
    const rows = await parquetReadObjects({ file: new Uint8Array(readFileSync(pq)).buffer })
    expect(rows).toHaveLength(lines.length - 1)
    const first = lines[1].split(',')
    expect(rows[0].date).toBe(first[0])
    expect(rows[0].beta0).toBe(Number(first[1]))
    expect(rows[0].lambda).toBe(Number(first[4]))
  })

  it('says what is wrong with bad options', () => {
    const r = run('--root', 'CL', '--what', 'curve', '--from', '2020-13-01', '--out', join(dir.path, 'x.csv'))
    expect(r.code).not.toBe(0)
    expect(r.err).toMatch(/--from: expected a date as YYYY-MM-DD/)
    const p = run('--root', 'CL', '--what', 'spreads', '--pairs', 'spread:1', '--out', join(dir.path, 'x.csv'))
    expect(p.err).toMatch(/--pairs: write kind:a:b/)
    const z = run('--root', 'ZZ', '--what', 'curve', '--out', join(dir.path, 'x.csv'))
    expect(z.err).toMatch(/no contracts of root ZZ/)
  })
})
