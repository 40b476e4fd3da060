import type { JobInfo } from '../../../electron/contract'
import type { Loadable } from './loadable'

/** An engine job a screen started: its id (for cancel), when it started, its last progress. */
export interface JobSlot {
  id: string
  startedAt: number
  info: JobInfo | null
}

/** A loadable computed by an engine job ('loading' = the job is queued or running). */
export interface Task<T> extends Loadable<T> {
  job: JobSlot | null
}
export const idleTask = <T>(): Task<T> => ({ status: 'idle', data: null, error: null, job: null })

/** Progress 0..1 of a job, or null while it cannot be told (queued, no total yet). */
export function jobFraction(job: JobSlot | null | undefined): number | null {
  const info = job?.info
  if (!info || info.total <= 0) return null
  return Math.max(0, Math.min(1, info.done / info.total))
}
