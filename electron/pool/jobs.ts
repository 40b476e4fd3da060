/**
 * What a job is, for the pool: a handler a worker runs on a payload. Each domain declares its
 * jobs next to its service (`services/<domain>/jobs.ts`, with `defineJobs`); the host merges
 * them into one table for the worker entry. The pool and its callers are typed from that
 * table, so a payload or result type is written once, in the handler's signature.
 */
import type { Db } from '../db/open'
import type { NativeAddon } from '../native/addon'

/** What a job handler gets: the addon, the database (read-only, opened by the worker itself), progress. */
export interface JobContext {
  native: NativeAddon
  db(): Db
  progress(done: number, total: number, message?: string): void
}

// biome-ignore lint/suspicious/noExplicitAny: a table entry's payload type is the handler's own
export type JobHandler<P = any, R = unknown> = (payload: P, ctx: JobContext) => R | Promise<R>
export type JobTable = Record<string, JobHandler>

/** Declares a domain's jobs; the identity function keeps every handler's own types. */
export function defineJobs<T extends JobTable>(table: T): T {
  return table
}

export type JobKind<J> = keyof J & string
export type JobPayload<J, K extends keyof J> = J[K] extends (payload: infer P, ctx: JobContext) => unknown ? P : never
export type JobResult<J, K extends keyof J> = J[K] extends (...args: never[]) => infer R ? Awaited<R> : never

export interface RunOptions {
  jobId?: string
  label?: string
  onProgress?: (job: import('../contract').JobInfo) => void
}

/** What a service needs of the pool: run its own jobs, cancel one. */
export interface JobRunner<J> {
  run<K extends JobKind<J>>(kind: K, payload: JobPayload<J, K>, options?: RunOptions): Promise<JobResult<J, K>>
  cancel(jobId: string): boolean
}
