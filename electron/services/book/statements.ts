/** Prepared statements by SQL text: filters make many shapes of query, each prepared once. */
import type Database from 'better-sqlite3'
import type { Db } from '../../db/open'

const caches = new WeakMap<Db, Map<string, Database.Statement>>()

export function prepared(db: Db, sql: string): Database.Statement {
  let cache = caches.get(db)
  if (!cache) {
    cache = new Map()
    caches.set(db, cache)
  }
  let stmt = cache.get(sql)
  if (!stmt) {
    if (cache.size > 200) cache.clear()
    stmt = db.prepare(sql)
    cache.set(sql, stmt)
  }
  return stmt
}
