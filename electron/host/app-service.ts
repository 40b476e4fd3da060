/** The host's own domains: what the app is and runs (app), and every job in flight (jobs). */
import { schemaVersion } from '../db/migrations'
import type { Service } from '../contract'
import { loadNative } from '../native/addon'
import type { EnginePool } from '../pool/pool'
import type { ServiceDeps } from '../services/deps'
import type { MainTasks } from '../shared/tasks'
import type { AppJobs } from './jobs'
import type { SampleData } from './sample-data'

export const appVersion = '0.1.0'

/** What only the host knows: the pool itself (status, cancel) and the sample import. */
export interface HostInfo {
  pool: EnginePool<AppJobs>
  sample: SampleData
}

export function createAppService(deps: Pick<ServiceDeps, 'mode' | 'dataDir' | 'dbPath'>, host: HostInfo): Service<'app'> {
  let engineVersion: string | null = null
  return {
    info: () => ({
      version: appVersion,
      engineVersion: (engineVersion ??= loadNative().engineVersion()),
      mode: deps.mode,
      dataDir: deps.dataDir,
      dbPath: deps.dbPath,
      schemaVersion,
      sampleImport: host.sample.state,
    }),
  }
}

export function createJobsService(deps: { tasks: MainTasks }, host: HostInfo): Service<'jobs'> {
  return {
    status: () => host.pool.status(),
    cancel: ({ jobId }) => ({ cancelled: host.pool.cancel(jobId) || deps.tasks.cancel(jobId) }),
  }
}
