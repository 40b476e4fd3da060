import type { ErrorData, JobInfo } from '../../../electron/contract'
import { api, onEvent } from '../api/client'
import { asErrorData } from '../components/issues'
import { latestRequests } from './latest'
import type { JobSlot, Task } from './task'

export { idleTask, type JobSlot, jobFraction, type Task } from './task'

/**
 * How a submitted job ended: its result; cancelled (by the user, `JOB_CANCELLED`) or failed (any
 * other error); or stale — a newer submission of the same kind (or a drop) replaced it, so its
 * reply must change nothing.
 */
export type JobOutcome<T> = { status: 'done'; value: T } | { status: 'cancelled' | 'failed'; error: ErrorData } | { status: 'stale' }

// ---- progress events: one subscription shared by every watched job ----------------------------

const watched = new Map<string, (info: JobInfo) => void>()
let stopEvents: (() => void) | null = null

/** Progress reaches us as `job.progress` (per job) and inside `pool.status` (all jobs): take both. */
function watch(jobId: string, apply: (info: JobInfo) => void): () => void {
  if (!stopEvents) {
    const deliver = (info: JobInfo) => watched.get(info.id)?.(info)
    const offJob = onEvent('job.progress', deliver)
    const offStatus = onEvent('pool.status', (status) => {
      if (watched.size) status.jobs.forEach(deliver)
    })
    stopEvents = () => {
      offJob()
      offStatus()
    }
  }
  watched.set(jobId, apply)
  return () => {
    watched.delete(jobId)
    if (!watched.size) {
      stopEvents?.()
      stopEvents = null
    }
  }
}

/** Asks the engine to stop a job (any job: the status bar lists them all); one that already ended is no error to show. */
export const cancelJob = (jobId: string): Promise<void> =>
  api.jobs.cancel({ jobId }).then(
    () => {},
    () => {},
  )

let jobCounter = 0

/**
 * The one way a slice runs engine jobs. Each kind ('compute', 'overlay', 'tearsheet:alpha001'…)
 * has at most one job that matters: submitting again cancels the one in flight and drops its reply.
 * `prefix` names the slice in job ids (they show in the status bar and the logs).
 */
export function jobTracker<K extends string = string>(prefix: string) {
  const tickets = latestRequests<K>()
  /** kind → the id of its job in flight. */
  const inFlight = new Map<K, string>()

  const stop = (kind: K) => {
    const id = inFlight.get(kind)
    if (id === undefined) return
    inFlight.delete(kind)
    void cancelJob(id)
  }

  return {
    /**
     * Submits `call` with a fresh job id. `onProgress` gets the job's slot at once (info null) and
     * again on each progress event, while this is still the newest job of its kind.
     */
    async run<T>(kind: K, call: (jobId: string) => Promise<T>, onProgress?: (job: JobSlot) => void): Promise<JobOutcome<T>> {
      stop(kind)
      const isLatest = tickets.start(kind)
      const slot: JobSlot = { id: `${prefix}-${kind}-${Date.now().toString(36)}-${++jobCounter}`, startedAt: Date.now(), info: null }
      inFlight.set(kind, slot.id)
      onProgress?.(slot)
      const unwatch = onProgress
        ? watch(slot.id, (info) => {
            if (isLatest()) onProgress({ ...slot, info })
          })
        : () => {}
      try {
        const value = await call(slot.id)
        return isLatest() ? { status: 'done', value } : { status: 'stale' }
      } catch (err) {
        if (!isLatest()) return { status: 'stale' }
        const error = asErrorData(err)
        return { status: error.code === 'JOB_CANCELLED' ? 'cancelled' : 'failed', error }
      } finally {
        unwatch()
        if (inFlight.get(kind) === slot.id) inFlight.delete(kind)
      }
    },

    /** Stops the job of this kind in flight; its reply comes back as 'cancelled' (unless it finished first). */
    cancel(kind: K): Promise<void> {
      const id = inFlight.get(kind)
      return id === undefined ? Promise.resolve() : cancelJob(id)
    },

    /** Stops the jobs of these kinds in flight and drops their replies (their inputs are gone). */
    drop(...kinds: K[]): void {
      for (const kind of kinds) {
        stop(kind)
        tickets.drop(kind)
      }
    },

    /** Is a job of this kind in flight? */
    running(kind: K): boolean {
      return inFlight.has(kind)
    },
  }
}

export type JobTracker<K extends string = string> = ReturnType<typeof jobTracker<K>>

export interface TaskOptions<T> {
  /** What stays on screen while the job runs (the previous result); nothing by default. */
  keep?: T | null
  /** A failed or cancelled job keeps `keep` too. */
  keepOnError?: boolean
}

/**
 * Runs a job (`call` gets the job id) into a Task through `apply`: loading (with its job slot and
 * progress), then ready or error; a stale reply changes nothing. Returns the outcome for whatever
 * the slice does next.
 */
export async function runTask<T, K extends string>(
  jobs: JobTracker<K>,
  kind: K,
  call: (jobId: string) => Promise<T>,
  apply: (task: Task<T>) => void,
  options: TaskOptions<T> = {},
): Promise<JobOutcome<T>> {
  const keep = options.keep ?? null
  let job: JobSlot | null = null
  const outcome = await jobs.run(kind, call, (slot) => {
    job = slot
    apply({ status: 'loading', data: keep, error: null, job })
  })
  if (outcome.status === 'done') apply({ status: 'ready', data: outcome.value, error: null, job })
  else if (outcome.status !== 'stale') apply({ status: 'error', data: options.keepOnError ? keep : null, error: outcome.error, job })
  return outcome
}
