import { api } from '../../../api/client'
import { runTask } from '../../jobs'
import { get, jobs, set } from './store'

/** The mean cross-sectional correlation between the run's alphas (or `keys`, a leaderboard selection), an engine job. */
export async function loadCorrelation(keys?: string[]): Promise<void> {
  const run = get().run.data
  if (!run) return
  await runTask(
    jobs,
    'correlation',
    (jobId) => api.alphas.correlation({ runId: run.runId, keys: keys?.length ? keys : undefined, jobId }),
    (correlation) => set({ correlation }),
  )
}

export function cancelCorrelation(): void {
  if (get().correlation.status === 'loading') void jobs.cancel('correlation')
}
