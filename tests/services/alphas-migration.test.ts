import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { migrations } from '../../electron/db/migrations'
import { openDatabase } from '../../electron/db/open'
import { tempDir } from './helpers/temp'

const dir = tempDir('alphas-migrate')
afterAll(() => dir.remove())

describe('migration 2 (alpha screens)', () => {
  it('moves a version-1 database with data to version 2: user formulas, runs and their returns', () => {
    const path = join(dir.path, 'v1.sqlite')
    const v1 = new Database(path)
    v1.exec(migrations[0])
    v1.pragma('user_version = 1')
    v1.prepare("INSERT INTO datasets (key, name, kind) VALUES ('old', 'Old', 'stocks')").run()
    v1.close()

    const db = openDatabase(path)
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(2)
    expect(db.prepare('SELECT key FROM datasets').pluck().all()).toEqual(['old'])
    const runId = Number(
      db.prepare("INSERT INTO runs (kind, name, dataset_id, spec, stats) VALUES ('alpha-backtest', 'x', 1, '{}', '{}')").run()
        .lastInsertRowid,
    )
    db.prepare('INSERT INTO run_returns (run_id, ts, ret) VALUES (?, 1, 0.01), (?, 2, -0.02)').run(runId, runId)
    db.prepare("INSERT INTO user_formulas (name, text) VALUES ('f', 'rank(close)')").run()
    expect(db.prepare('SELECT COUNT(*) FROM run_returns WHERE run_id = ?').pluck().get(runId)).toBe(2)
    // Returns go with their run; a run outlives its dataset (dataset_id set to NULL).
    db.prepare('DELETE FROM datasets').run()
    expect(db.prepare('SELECT dataset_id FROM runs WHERE id = ?').pluck().get(runId)).toBeNull()
    db.prepare('DELETE FROM runs WHERE id = ?').run(runId)
    expect(db.prepare('SELECT COUNT(*) FROM run_returns').pluck().get()).toBe(0)
    db.close()
  })
})
