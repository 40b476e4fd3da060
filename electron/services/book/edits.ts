/** Tags and notes, saved at once, each edit logged so the last one can be undone. */
import { AppError } from '../../contract'
import type { Trade, TradeEdit } from '../../contract/book'
import type { Db } from '../../db/open'
import { normaliseTags } from './rows'
import { prepared } from './statements'
import { bumpVersion, getTrade } from './store'

function current(db: Db, id: number): { tags: string; note: string } {
  const row = prepared(db, 'SELECT tags, note FROM trades WHERE id = ?').get(id) as { tags: string; note: string } | undefined
  if (!row) throw new AppError('NOT_FOUND', `no trade ${id}`)
  return row
}

function writeTags(db: Db, id: number, json: string): void {
  prepared(db, "UPDATE trades SET tags = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?").run(json, id)
  prepared(db, 'DELETE FROM trade_tags WHERE trade_id = ?').run(id)
  const insert = prepared(db, 'INSERT OR IGNORE INTO trade_tags (tag, trade_id) VALUES (?, ?)')
  for (const tag of JSON.parse(json) as string[]) insert.run(tag, id)
}

function writeNote(db: Db, id: number, note: string): void {
  prepared(db, "UPDATE trades SET note = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?").run(note, id)
}

function logEdit(db: Db, id: number, field: 'tags' | 'note', before: string, after: string): void {
  prepared(db, 'INSERT INTO trade_edits (trade_id, field, before, after) VALUES (?, ?, ?, ?)').run(id, field, before, after)
  // Only the last edit can be undone: keep a short history, not every keystroke ever saved.
  prepared(db, 'DELETE FROM trade_edits WHERE id < (SELECT max(id) - 100 FROM trade_edits)').run()
}

export function setTags(db: Db, id: number, tags: readonly string[]): Trade {
  db.transaction(() => {
    const before = current(db, id).tags
    const after = JSON.stringify(normaliseTags(tags))
    if (before === after) return
    writeTags(db, id, after)
    logEdit(db, id, 'tags', before, after)
  })()
  bumpVersion(db)
  return getTrade(db, id)
}

export function setNote(db: Db, id: number, note: string): Trade {
  db.transaction(() => {
    const before = current(db, id).note
    if (before === note) return
    writeNote(db, id, note)
    logEdit(db, id, 'note', before, note)
  })()
  bumpVersion(db)
  return getTrade(db, id)
}

/** Restores the value before the last edit and forgets that edit (so undo again goes one further back). */
export function undoLastEdit(db: Db): { undone: TradeEdit | null; trade: Trade | null } {
  const undone = db.transaction(() => {
    const last = prepared(db, 'SELECT id, trade_id AS tradeId, field, before, after FROM trade_edits ORDER BY id DESC LIMIT 1').get() as
      | (TradeEdit & { id: number })
      | undefined
    if (!last) return null
    if (last.field === 'tags') writeTags(db, last.tradeId, last.before)
    else writeNote(db, last.tradeId, last.before)
    prepared(db, 'DELETE FROM trade_edits WHERE id = ?').run(last.id)
    return { tradeId: last.tradeId, field: last.field, before: last.before, after: last.after }
  })()
  if (!undone) return { undone: null, trade: null }
  bumpVersion(db)
  return { undone, trade: getTrade(db, undone.tradeId) }
}
