import { openDatabase, type Db } from '../db/open'
import { loadNative } from '../native/addon'
import type { JobContext } from './jobs'

let db: Db | null = null

/** The worker's own read-only connection (the main process holds the only writable one). */
export function workerDb(): Db {
  const path = process.env.ALPHADESK_DB
  if (!path) throw new Error('ALPHADESK_DB is not set for this worker')
  db ??= openDatabase(path, { readonly: true })
  return db
}

export function createJobContext(progress: JobContext['progress']): JobContext {
  return { native: loadNative(), db: workerDb, progress }
}
