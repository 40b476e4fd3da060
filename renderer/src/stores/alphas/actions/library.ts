import { api } from '../../../api/client'
import { load } from '../../loadable'
import { get, requests, set } from './store'

/** The formula library: the paper's 101 and the user's saved formulas. */
export async function loadLibrary(): Promise<void> {
  const data = await load(
    (library) => set({ library }),
    () => api.alphas.library(),
    {
      isLatest: requests.start('library'),
      keep: get().library.data,
      keepOnError: true,
    },
  )
  if (!data) return
  // Keys that vanished (a deleted formula) leave the selection.
  const known = new Set(data.formulas.map((f) => f.key))
  const s = get()
  const selected = s.selected.filter((k) => known.has(k))
  if (selected.length !== s.selected.length) set({ selected })
  if (s.focusedKey === null || !known.has(s.focusedKey)) set({ focusedKey: data.formulas[0]?.key ?? null })
}
