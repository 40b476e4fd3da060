import { join } from 'node:path'
import { type Db, openDatabase } from '../../../electron/db/open'

/** A real database file (migrated: the book's tables are there). */
export function openBookDb(dir: string, name = 'alphadesk.sqlite'): Db {
  return openDatabase(join(dir, name))
}

/** fetch against the live API with the bearer token. */
export function client(url: string, token: string) {
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(url + path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    })
    const text = await res.text()
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      json = text
    }
    // biome-ignore lint/suspicious/noExplicitAny: replies and errors are checked field by field
    return { status: res.status, body: json as any, headers: res.headers }
  }
}
