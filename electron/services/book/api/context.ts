/** What the API's routes share: the book's database (the main process's one writable connection) and the change callback. */
import type { LiveTradeEvent } from '../../../contract/book'
import type { Db } from '../../../db/open'

export type LiveChange = LiveTradeEvent

export interface ApiContext {
  db: Db
  /** Every write goes through here: committed with the other requests of this loop turn, answered after the commit. */
  write<T>(fn: () => T): Promise<T>
  /** Called after a write commits (not for a replayed retry). */
  onChange: (change: LiveChange) => void
}
