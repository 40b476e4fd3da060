import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterAll, describe, expect, it } from 'vitest'
import type { ContractSpec } from '../../electron/contract'
import { openDatabase } from '../../electron/db/open'
import { parseContractCode } from '../../electron/services/market/futures-codes'
import { createCurvesService } from '../../electron/services/curves'
import { expiryOf, type ExpiryRule } from '../../electron/services/curves/specs/expiry-rules'
import { readShippedSpecs } from '../../electron/services/curves/specs/contract-specs'
import { resourcesData } from './fixtures/market-helpers'
import { resourcesDir } from './helpers/curves-data'
import { tempDir } from './helpers/temp'

const specs = readShippedSpecs(resourcesDir)
const rule = (root: string) => specs.find((s) => s.root === root)?.expiryRule as ExpiryRule

function rows(file: string): Record<string, string>[] {
  return parse(readFileSync(join(resourcesData, 'futures', file), 'utf8'), { columns: true, skip_empty_lines: true })
}

describe('contract specs', () => {
  it('ships the seed roots with the exchange tick sizes (GC 0.10 = $10)', () => {
    const money = Object.fromEntries(specs.map((s) => [s.root, [s.tickSize, s.tickValue]]))
    expect(money).toEqual({
      VX: [0.05, 50],
      CL: [0.01, 10],
      NG: [0.001, 10],
      GC: [0.1, 10],
      ES: [0.25, 12.5],
      NQ: [0.25, 5],
      YM: [1, 5],
      E6: [0.00005, 6.25],
    })
    // tick value = tick size × point value, for every root
    for (const s of specs) expect(s.tickSize * s.pointValue).toBeCloseTo(s.tickValue, 9)
  })

  it('the CL and NG expiry rules give every expiry of the sample table (2003–2027)', () => {
    const table = rows('cl_ng_contract_expiries.csv')
    expect(table.length).toBeGreaterThan(600)
    const wrong = table.filter((r) => {
      const [y, m] = r.contract_month.split('-').map(Number)
      return expiryOf(rule(r.root), y, m) !== r.last_trade_date
    })
    expect(
      wrong.map(
        (r) => `${r.contract} ${r.last_trade_date} vs ${expiryOf(rule(r.root), +r.contract_month.slice(0, 4), +r.contract_month.slice(5))}`,
      ),
    ).toEqual([])
  })

  it('the VX rule gives every expiry of the VX sample (158 contracts, 2013–2026)', () => {
    const expiries = new Map<string, string>()
    for (const r of rows('vx_futures_daily_2013-01-02_2025-06-20.csv')) expiries.set(r.expiry, r.expiry)
    expect(expiries.size).toBe(158)
    const wrong = [...expiries.keys()].filter((e) => {
      // VX contracts are named for their expiry month (VXF13 expires 2013-01-16)
      return expiryOf(rule('VX'), +e.slice(0, 4), +e.slice(5, 7)) !== e
    })
    expect(wrong).toEqual([])
  })

  it('equity index and FX rules on known expiries', () => {
    expect(expiryOf(rule('ES'), 2020, 3)).toBe('2020-03-20')
    expect(expiryOf(rule('NQ'), 2021, 12)).toBe('2021-12-17')
    expect(expiryOf(rule('E6'), 2020, 6)).toBe('2020-06-15')
    expect(expiryOf(rule('GC'), 2020, 12)).toBe('2020-12-29')
  })
})

describe('contract spec edits', () => {
  const dir = tempDir('curves-specs')
  const db = openDatabase(join(dir.path, 'alphadesk.sqlite'))
  const service = createCurvesService({ db, resourcesDir, pool: { run: () => Promise.reject(new Error('no pool')), cancel: () => false } })
  afterAll(() => {
    db.close()
    dir.remove()
  })

  it('stores an edit as an override, lists it as edited, and resets to the shipped spec', async () => {
    const gc = (await service.specs({})).find((s) => s.root === 'GC') as ContractSpec
    const { edited: _, ...input } = gc
    const saved = await service.saveSpec({ ...input, slippageTicks: 1 })
    expect(saved).toMatchObject({ root: 'GC', slippageTicks: 1, edited: true, tickSize: 0.1 })
    expect((await service.specs({})).find((s) => s.root === 'GC')?.slippageTicks).toBe(1)
    expect(await service.resetSpec({ root: 'GC' })).toEqual({ reset: true })
    expect((await service.specs({})).find((s) => s.root === 'GC')).toEqual(gc)
  })

  it('refuses a bad spec with the field named, and places a contract code by its rule', async () => {
    const cl = (await service.specs({})).find((s) => s.root === 'CL') as ContractSpec
    const { edited: _, ...input } = cl
    await expect(
      Promise.resolve().then(() => service.saveSpec({ ...input, expiryRule: { kind: 'nthWeekday', weekday: 9, n: 3 } })),
    ).rejects.toThrow(/expiryRule/)
    expect(await service.expiryOf({ symbol: 'CLK20' })).toEqual({ symbol: 'CLK20', expiry: '2020-04-21' })
    expect(parseContractCode('NGZ27')?.root).toBe('NG')
    expect(await service.expiryOf({ symbol: 'NGZ27' })).toEqual({ symbol: 'NGZ27', expiry: '2027-11-26' })
  })
})
