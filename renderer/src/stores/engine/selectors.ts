import type { EngineStatus, JobInfo } from '../../../../electron/contract'

export const activeJobs = (s: EngineStatus): JobInfo[] => s.jobs.filter((j) => j.state === 'running' || j.state === 'queued')
export const busyWorkers = (s: EngineStatus): number => s.workers.filter((w) => w.state === 'busy').length
export const readyWorkers = (s: EngineStatus): number => s.workers.filter((w) => w.state === 'idle' || w.state === 'busy').length
