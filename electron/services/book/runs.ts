/** Stored runs (alpha portfolio backtests, later SL/TP backtests) with their trades counted and daily returns. */
import type { RunListItem } from '../../contract/book'
import type { Db } from '../../db/open'

export function listRuns(db: Db, limit: number): RunListItem[] {
  const runs = db
    .prepare(
      `SELECT r.id, r.kind, r.name, r.created_at AS createdAt, r.stats,
         (SELECT count(*) FROM trades t WHERE t.run_id = r.id) AS tradeCount
       FROM runs r ORDER BY r.id DESC LIMIT ?`,
    )
    .all(limit) as (Omit<RunListItem, 'stats' | 'returns'> & { stats: string })[]
  const returns = db.prepare('SELECT ts, ret, equity FROM run_returns WHERE run_id = ? ORDER BY ts')
  return runs.map((r) => {
    let stats: Record<string, unknown> = {}
    try {
      stats = JSON.parse(r.stats)
    } catch {
      // a run with unreadable stats still lists
    }
    return { ...r, stats, returns: returns.all(r.id) as RunListItem['returns'] }
  })
}
