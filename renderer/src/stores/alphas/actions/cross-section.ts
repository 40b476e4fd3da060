import { api } from '../../../api/client'
import { load } from '../../loadable'
import { clampIndex, indexOnOrBefore, nextSort, okColumns, unixOfIso } from '../selectors'
import type { Extreme } from '../state'
import { loadSeries } from './instrument'
import { get, requests, set, timers } from './store'

/** Holding an arrow key steps dates fast: fetch the cross-section once it settles a little. */
const CROSS_DEBOUNCE_MS = 60

export function setDateIndex(index: number): void {
  const run = get().run.data
  if (!run) return
  const i = clampIndex(index, run.dates.length)
  if (i === get().dateIndex && get().cross.status !== 'idle') return
  set({ dateIndex: i })
  clearTimeout(timers.cross)
  timers.cross = setTimeout(() => void loadCross(), CROSS_DEBOUNCE_MS)
}

export function stepDate(delta: number): void {
  setDateIndex(get().dateIndex + delta)
}

/** A typed date: the last run date on or before it. */
export function setDateIso(iso: string): void {
  const run = get().run.data
  const t = unixOfIso(iso)
  if (!run || t === null) return
  setDateIndex(indexOnOrBefore(run.dates, t))
}

/** The run's alphas on the chosen date (the table keeps the previous date's rows while it loads). */
export async function loadCross(): Promise<void> {
  clearTimeout(timers.cross)
  const s = get()
  const run = s.run.data
  if (!run) return
  const keys = okColumns(run).map((a) => a.key)
  if (!keys.length) return
  const date = run.dates[s.dateIndex]
  await load(
    (cross) => set({ cross }),
    () => api.alphas.crossSection({ runId: run.runId, date, keys }),
    {
      isLatest: requests.start('cross'),
      keep: s.cross.data,
      keepOnError: true,
    },
  )
}

/** Sorting by an alpha also puts that alpha beneath the open instrument's candles. */
export function sortBy(column: string): void {
  set({ sort: nextSort(get().sort, column) })
  const run = get().run.data
  if (run && okColumns(run).some((a) => a.key === column) && get().chartKey !== column) {
    set({ chartKey: column })
    if (get().instrument) void loadSeries()
  }
}

export function setFilter(filter: string): void {
  set({ filter })
}

export function setExtreme(extreme: Extreme): void {
  set({ extreme })
}

export function setExtremeN(n: number): void {
  if (Number.isFinite(n) && n >= 1) set({ extremeN: Math.min(5000, Math.floor(n)) })
}
