import { event } from './define'
import type { SampleImportState } from './app'
import type { PoolStatus, JobInfo } from './jobs'

/** Events pushed from main to every renderer. */
export const events = {
  /** Workers and jobs changed (state, progress). Throttled by the sender. */
  'pool.status': event<PoolStatus>(),
  /** One job's progress, for the screen that started it. */
  'job.progress': event<JobInfo>(),
  /** First-run import of the bundled sample data. */
  'sample.import': event<SampleImportState>(),
}
export type Events = typeof events
export type EventName = keyof Events
export type EventPayload<E extends EventName> = Events[E]
