import { api } from '../../../api/client'
import { asErrorData } from '../../../components/issues'
import { adhocIncluded } from '../selectors'
import { adoptRun } from './compute'
import { get, jobs, set } from './store'

/** The runs of this session (and pinned ones), newest first. */
export async function loadHistory(): Promise<void> {
  const prev = get().history
  set({ history: { status: 'loading', data: prev.data, error: null } })
  try {
    const data = await api.alphas.runs({})
    set({ history: { status: 'ready', data, error: null } })
  } catch (err) {
    set({ history: { status: 'error', data: prev.data, error: asErrorData(err) } })
  }
}

export function toggleHistory(open = !get().historyOpen): void {
  set({ historyOpen: open })
  if (open) void loadHistory()
}

/** Reopens a run from the history: its metadata only, so it is instant. */
export async function openRun(runId: string): Promise<void> {
  try {
    adoptRun(await api.alphas.openRun({ runId }))
    set({ historyOpen: false })
  } catch (err) {
    set({ history: { ...get().history, error: asErrorData(err) } })
    void loadHistory()
  }
}

export async function pinRun(runId: string, pinned: boolean): Promise<void> {
  try {
    await api.alphas.pinRun({ runId, pinned })
  } catch (err) {
    set({ history: { ...get().history, error: asErrorData(err) } })
  }
  void loadHistory()
}

export async function deleteRun(runId: string): Promise<void> {
  try {
    await api.alphas.deleteRun({ runId })
  } catch (err) {
    set({ history: { ...get().history, error: asErrorData(err) } })
  }
  void loadHistory()
}

/** The editor's formula as a new column of the run on screen (same universe, dates and policy). */
export async function addAdhocToRun(): Promise<void> {
  const s = get()
  const run = s.run.data
  if (!run || s.run.status === 'loading' || !adhocIncluded(s)) return
  const adhoc = { name: s.editor.name.trim() || 'Formula', text: s.editor.text }
  const outcome = await jobs.run(
    'compute',
    (jobId) => api.alphas.compute({ datasetId: run.datasetId, adhoc, addTo: run.runId, jobId }),
    (job) => set({ run: { status: 'loading', data: run, error: null, job } }),
  )
  if (outcome.status === 'done') {
    adoptRun(outcome.value)
    const added = outcome.value.alphas[outcome.value.alphas.length - 1]
    if (added?.ok) set({ sort: { column: added.key, dir: 'desc' }, chartKey: added.key, tearKey: added.key })
  } else if (outcome.status !== 'stale') set({ run: { ...get().run, status: 'error', error: outcome.error } })
}

export function setPolicy(policy: 'strict' | 'lenient'): void {
  set({ universe: { ...get().universe, policy } })
}
