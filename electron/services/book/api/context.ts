/** What the API's routes share: the book's database (the main process's one writable connection) and the change callback. */
import type { LiveTradeEvent } from '../../../contract/book'
import type { Db } from '../../../db/open'

export type LiveChange = LiveTradeEvent

export interface ApiContext {
  db: Db
  /** Called after a write commits (not for a replayed retry). */
  onChange: (change: LiveChange) => void
}
