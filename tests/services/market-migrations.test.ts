import Database from 'better-sqlite3'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrations, schemaVersion } from '../../electron/db/migrations'
import { openDatabase } from '../../electron/db/open'
import { marketQueries, importCsv } from '../../electron/services/market'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'alphadesk-migrate-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const version = (path: string) => {
  const db = new Database(path, { readonly: true })
  try {
    return db.pragma('user_version', { simple: true }) as number
  } finally {
    db.close()
  }
}

describe('database migrations', () => {
  it('schema version is the number of migrations', () => {
    expect(schemaVersion).toBe(migrations.length)
    expect(schemaVersion).toBeGreaterThanOrEqual(1)
  })

  it('migrates a zero-byte file and an empty v0 database to the current version', () => {
    const zero = join(dir, 'zero.sqlite')
    writeFileSync(zero, '')
    openDatabase(zero).close()
    expect(version(zero)).toBe(schemaVersion)

    const v0 = join(dir, 'v0.sqlite')
    new Database(v0).close()
    expect(version(v0)).toBe(0)
    const db = openDatabase(v0)
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()
    expect(tables).toEqual(expect.arrayContaining(['datasets', 'instruments', 'bars', 'imports', 'import_warnings', 'instrument_stats']))
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    db.close()
    expect(version(v0)).toBe(schemaVersion)
  })

  it('keeps data when a current database is opened again', async () => {
    const path = join(dir, 'v1.sqlite')
    const db = openDatabase(path)
    const r = await importCsv(db, {
      sources: [{ name: 'a.csv', text: 'date,symbol,close\n2024-01-02,A,1\n2024-01-03,A,2\n' }],
      kind: 'ohlcv',
      datasetName: 'kept',
    })
    db.close()
    const again = openDatabase(path)
    try {
      expect(again.pragma('user_version', { simple: true })).toBe(schemaVersion)
      const m = marketQueries(again)
      expect(m.listDatasets()).toMatchObject([{ id: r.datasetId, name: 'kept', barCount: 2 }])
      const [a] = m.listInstruments({}).items
      expect(m.getBars({ instrumentId: a.id }).close).toEqual([1, 2])
    } finally {
      again.close()
    }
  })

  it('refuses a database from a newer build with a clear error, and leaves it alone', () => {
    const path = join(dir, 'newer.sqlite')
    openDatabase(path).close()
    const raw = new Database(path)
    raw.pragma(`user_version = ${schemaVersion + 1}`)
    raw.close()
    expect(() => openDatabase(path)).toThrowError(
      new RegExp(`schema version ${schemaVersion + 1} is newer than this build supports \\(${schemaVersion}\\)`),
    )
    expect(version(path)).toBe(schemaVersion + 1)
  })
})
