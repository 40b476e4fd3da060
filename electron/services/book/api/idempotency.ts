/**
 * Idempotency-Key: a retried write (same key, same request) gets the first reply and writes
 * nothing; the same key with a different request is refused. The check, the write and the
 * stored reply are one transaction, so a crash leaves either all three or none.
 */
import { createHash } from 'node:crypto'
import type { Db } from '../../../db/open'
import { prepared } from '../statements'

export interface Reply {
  status: number
  body: unknown
}

export class IdempotencyConflict extends Error {}

export const requestHash = (method: string, url: string, body: unknown) =>
  createHash('sha256')
    .update(`${method} ${url}\n${JSON.stringify(body ?? null)}`)
    .digest('hex')

/** Runs `write` once per key; returns its reply, or the stored one with replayed = true. */
export function once(db: Db, key: string | undefined, hash: string, write: () => Reply): Reply & { replayed: boolean } {
  return db.transaction(() => {
    if (key !== undefined) {
      const hit = prepared(db, 'SELECT request_hash, status, response FROM api_idempotency WHERE key = ?').get(key) as
        | { request_hash: string; status: number; response: string }
        | undefined
      if (hit) {
        if (hit.request_hash !== hash)
          throw new IdempotencyConflict(`Idempotency-Key '${key.slice(0, 80)}' was used for a different request`)
        return { status: hit.status, body: JSON.parse(hit.response), replayed: true }
      }
    }
    const reply = write()
    if (key !== undefined) {
      prepared(db, 'INSERT INTO api_idempotency (key, request_hash, status, response) VALUES (?, ?, ?, ?)').run(
        key,
        hash,
        reply.status,
        JSON.stringify(reply.body),
      )
    }
    return { ...reply, replayed: false }
  })()
}
