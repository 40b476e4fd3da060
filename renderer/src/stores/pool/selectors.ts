import type { PoolStatus, JobInfo } from '../../../../electron/contract'

export const activeJobs = (s: PoolStatus): JobInfo[] => s.jobs.filter((j) => j.state === 'running' || j.state === 'queued')
export const busyWorkers = (s: PoolStatus): number => s.workers.filter((w) => w.state === 'busy').length
export const readyWorkers = (s: PoolStatus): number => s.workers.filter((w) => w.state === 'idle' || w.state === 'busy').length
