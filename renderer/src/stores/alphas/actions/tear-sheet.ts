import { api } from '../../../api/client'
import type { TearSheet } from '../../../../../electron/contract'
import { runTask } from '../../jobs'
import type { Task } from '../../task'
import { get, jobs, set } from './store'

export const TEAR_QUANTILES = 5

export function setTearKey(key: string): void {
  set({ tearKey: key })
  const t = get().tearSheets[key]
  if (!t || t.status === 'error') void loadTearSheet(key)
}

const setTear = (key: string, task: Task<TearSheet>) => set({ tearSheets: { ...get().tearSheets, [key]: task } })

/** One alpha's factor tear sheet, an engine job per alpha key. */
export async function loadTearSheet(key: string): Promise<void> {
  const run = get().run.data
  if (!run) return
  const runId = run.runId
  await runTask(
    jobs,
    `tearsheet:${key}`,
    (jobId) => api.alphas.tearSheet({ runId, key, quantiles: TEAR_QUANTILES, jobId }),
    (task) => setTear(key, task),
  )
}

export function cancelTearSheet(key: string): void {
  if (get().tearSheets[key]?.status === 'loading') void jobs.cancel(`tearsheet:${key}`)
}
