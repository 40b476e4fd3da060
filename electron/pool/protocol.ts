import type { ErrorData } from '../contract'

/** Messages between the pool and a worker process. */
export type ToWorker = { type: 'run'; jobId: string; kind: string; payload: unknown }

export type FromWorker =
  | { type: 'ready'; engineVersion: string }
  | { type: 'progress'; jobId: string; done: number; total: number; message?: string }
  | { type: 'result'; jobId: string; value: unknown }
  | { type: 'error'; jobId: string; error: ErrorData }
