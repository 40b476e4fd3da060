/** What the API's routes share: the book's database (the main process's one writable connection) and the change callback. */
import type { Trade } from '../../../contract/book'
import type { Db } from '../../../db/open'

export interface LiveChange {
  kind: 'opened' | 'closed' | 'calendar'
  trade?: Trade
  user?: string
  count?: number
}

export interface ApiContext {
  db: Db
  /** Called after a write commits (not for a replayed retry). */
  onChange: (change: LiveChange) => void
}
