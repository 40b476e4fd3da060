/**
 * A JobRunner that runs job handlers in this process (the CLI: one batch, no window to keep
 * responsive). Same handlers and payloads as the pool, so the CLI exercises the app's code path.
 */
import type { JobInfo } from '../../contract'
import type { Db } from '../../db/open'
import { loadNative } from '../../native/addon'
import type { JobContext, JobRunner, JobTable } from '../../pool/jobs'

export function inlineRunner<J extends JobTable>(jobs: J, db: Db): JobRunner<J> {
  return {
    async run(kind, payload, options = {}) {
      const info: JobInfo = {
        id: options.jobId ?? kind,
        kind,
        label: options.label ?? kind,
        state: 'running',
        done: 0,
        total: 0,
        etaMs: null,
        startedAt: Date.now(),
        finishedAt: null,
        workerId: null,
      }
      const ctx: JobContext = {
        native: loadNative(),
        db: () => db,
        progress: (done, total) => options.onProgress?.({ ...info, done, total }),
      }
      return (await jobs[kind](payload, ctx)) as never
    },
    cancel: () => false,
  }
}
