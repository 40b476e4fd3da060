import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { migrations } from './migrations'

export type Db = Database.Database

export interface OpenOptions {
  readonly?: boolean
  /** Path to a better_sqlite3.node built for the host's ABI (Electron); Node uses the default build. */
  nativeBinding?: string
}

/** Opens (and for writers, migrates) the app database in WAL mode. */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  if (!options.readonly) mkdirSync(dirname(path), { recursive: true })
  const db = new Database(path, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
    nativeBinding: options.nativeBinding ?? process.env.ALPHADESK_SQLITE_BINDING ?? undefined,
  })
  db.pragma('busy_timeout = 5000')
  if (!options.readonly) {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
    try {
      migrate(db)
    } catch (err) {
      db.close()
      throw err
    }
  }
  return db
}

/** Applies pending migrations, each in its own transaction; returns the version reached. */
export function migrate(db: Db): number {
  const current = db.pragma('user_version', { simple: true }) as number
  if (current > migrations.length) {
    throw new Error(`database schema version ${current} is newer than this build supports (${migrations.length}); update alphadesk`)
  }
  for (let v = current; v < migrations.length; v++) {
    db.transaction(() => {
      db.exec(migrations[v])
      db.pragma(`user_version = ${v + 1}`)
    })()
  }
  return migrations.length
}
