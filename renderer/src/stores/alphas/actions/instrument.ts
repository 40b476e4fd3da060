import { api } from '../../../api/client'
import { idle, load } from '../../loadable'
import type { InstrumentRef } from '../state'
import { get, requests, set } from './store'

/** One instrument of the run: its candles with the chosen alpha beneath. */
export function openInstrument(instrument: InstrumentRef): void {
  if (get().instrument?.id === instrument.id && get().bars.status !== 'idle') return
  set({ instrument })
  void loadInstrument()
}

export function closeInstrument(): void {
  requests.drop('bars', 'series')
  set({ instrument: null, bars: idle(), series: idle() })
}

export function setChartKey(key: string): void {
  set({ chartKey: key })
  void loadSeries()
}

export async function loadInstrument(): Promise<void> {
  const s = get()
  const run = s.run.data
  const instrument = s.instrument
  if (!run || !instrument) return
  // Bars over the run's dates (a few days before so the first candles have context).
  const range = { instrumentId: instrument.id, from: run.dates[0] - 10 * 86_400, to: run.dates[run.dates.length - 1] + 86_400 }
  const bars = load(
    (bars) => set({ bars }),
    () => api.market.getBars(range),
    { isLatest: requests.start('bars'), keep: s.bars.data },
  )
  await Promise.all([bars, loadSeries()])
}

export async function loadSeries(): Promise<void> {
  const s = get()
  const run = s.run.data
  if (!run || !s.instrument || !s.chartKey) return
  const key = s.chartKey
  const instrumentId = s.instrument.id
  const fetch = async () => ({ key, instrumentId, ...(await api.alphas.series({ runId: run.runId, key, instrumentId })) })
  await load((series) => set({ series }), fetch, { isLatest: requests.start('series'), keep: s.series.data })
}

/** ↑/↓ in the table: the next instrument in the shown order. */
export function moveInstrument(rows: readonly InstrumentRef[], delta: number): void {
  if (!rows.length) return
  const at = rows.findIndex((r) => r.id === get().instrument?.id)
  const next = at < 0 ? (delta > 0 ? 0 : rows.length - 1) : Math.max(0, Math.min(rows.length - 1, at + delta))
  const r = rows[next]
  if (r) openInstrument({ id: r.id, symbol: r.symbol, sector: r.sector })
}
