/**
 * Group commit: the writes of requests that arrive together are committed in one SQLite
 * transaction, each inside its own savepoint (a failing one rolls back alone), and every
 * request is answered only after that commit. A commit per request made the WAL append the
 * same table and index pages thousands of times a second; one commit per loop turn writes
 * them once for the whole group. Order is arrival order, so "one open trade per user+alpha"
 * is decided exactly as it would be one by one.
 */
import type { Db } from '../../../db/open'

interface Job {
  fn: () => unknown
  resolve: (value: unknown) => void
  reject: (err: unknown) => void
}

export class GroupCommit {
  private queue: Job[] = []
  private scheduled = false

  constructor(
    private readonly db: Db,
    private readonly maxGroup = 256,
  ) {}

  /** Runs `fn` (which must be a transaction itself, e.g. `once`) in the next group; resolves after the commit. */
  run<T>(fn: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as (v: unknown) => void, reject })
      this.schedule()
    })
  }

  private schedule(): void {
    if (this.scheduled) return
    this.scheduled = true
    setImmediate(() => this.flush())
  }

  private flush(): void {
    this.scheduled = false
    const group = this.queue.splice(0, this.maxGroup)
    if (this.queue.length) this.schedule()
    const results: ({ ok: true; value: unknown } | { ok: false; err: unknown })[] = []
    try {
      this.db.transaction(() => {
        for (const job of group) {
          try {
            results.push({ ok: true, value: job.fn() })
          } catch (err) {
            results.push({ ok: false, err })
          }
        }
      })()
    } catch (err) {
      for (const job of group) job.reject(err) // the commit itself failed: nobody's write is acknowledged
      return
    }
    group.forEach((job, i) => {
      const r = results[i]
      if (r.ok) job.resolve(r.value)
      else job.reject(r.err)
    })
  }
}
