import { z } from 'zod'
import { method } from './define'
import type { ErrorData } from './errors'

export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled'

export interface JobInfo {
  id: string
  kind: string
  label: string
  state: JobState
  done: number
  total: number
  /** Estimated milliseconds left, from the rate so far; null until it can be told. */
  etaMs: number | null
  startedAt: number | null
  finishedAt: number | null
  workerId: number | null
  error?: ErrorData
}

export interface WorkerInfo {
  id: number
  pid: number | null
  state: 'starting' | 'idle' | 'busy' | 'restarting'
  jobId: string | null
  restarts: number
}

export interface PoolStatus {
  workers: WorkerInfo[]
  jobs: JobInfo[]
}

export const jobIdSchema = z.string().min(1).max(100)

export const jobs = {
  status: method<PoolStatus>()(z.object({}).default({})),
  cancel: method<{ cancelled: boolean }>()(z.object({ jobId: jobIdSchema })),
}
