import { openDatabase, type Db } from '../../db/open'
import { loadNativeEngine, type NativeEngine } from '../native'

/** What a job handler gets: the engine, the database (read-only, opened by the worker itself), progress. */
export interface JobContext {
  engine: NativeEngine
  db(): Db
  progress(done: number, total: number, message?: string): void
}

let db: Db | null = null

export function workerDb(): Db {
  const path = process.env.ALPHADESK_DB
  if (!path) throw new Error('ALPHADESK_DB is not set for this worker')
  db ??= openDatabase(path, { readonly: true })
  return db
}

export function createJobContext(progress: JobContext['progress']): JobContext {
  return { engine: loadNativeEngine(), db: workerDb, progress }
}
