/**
 * What the host gives every service. A service takes the parts it needs; its pool is typed by
 * its own jobs (`JobRunner<XJobs>`), so a service can run only what it declared.
 */
import type { HostMode } from '../contract'
import type { Db } from '../db/open'
import type { JobRunner } from '../pool/jobs'
import type { EventBus } from '../shared/event-bus'
import type { PathPolicy } from '../shared/path-policy'
import type { MainTasks } from '../shared/tasks'

export interface ServiceDeps<J = unknown> {
  /** The only writable connection (workers open their own read-only ones). */
  db: Db
  dbPath: string
  pool: JobRunner<J>
  /** Events to every connected window or browser. */
  bus: EventBus
  /** Long work in the main process (database writes) with job ids, progress and cancel. */
  tasks: MainTasks
  dataDir: string
  /** Bundled resources (sample data, formulas, contract specs). */
  resourcesDir: string
  mode: HostMode
  /** Which backend-side paths a client may have read (CSV imports): see shared/path-policy.ts. */
  importPaths: PathPolicy
}
