import { api } from '../../../api/client'
import { idle, load } from '../../loadable'
import { isoDate, selectedDatasetOf, stockDatasets } from '../selectors'
import { get, requests, set } from './store'

/** The universe: a stock dataset, its sectors, a date range. */
export async function loadDatasets(): Promise<void> {
  const list = await load(
    (datasets) => set({ datasets }),
    () => api.market.listDatasets(),
    {
      isLatest: requests.start('datasets'),
      keep: get().datasets.data,
      keepOnError: true,
    },
  )
  if (!list) return
  const stocks = stockDatasets(list)
  const current = get().universe.datasetId
  if (current !== null && stocks.some((d) => d.id === current)) return
  if (stocks.length) selectDataset(stocks[0].id)
  else set({ universe: { ...get().universe, datasetId: null, sectors: [], from: '', to: '' }, sectorList: idle() })
}

/** A new dataset: all its sectors, its whole date range. */
export function selectDataset(datasetId: number): void {
  const dataset = get().datasets.data?.find((d) => d.id === datasetId)
  set({ universe: { ...get().universe, datasetId, sectors: [], from: isoDate(dataset?.from), to: isoDate(dataset?.to) } })
  void loadSectors()
}

export async function loadSectors(): Promise<void> {
  const isLatest = requests.start('sectors')
  const datasetId = get().universe.datasetId
  if (datasetId === null) return
  await load(
    (sectorList) => set({ sectorList }),
    () => api.market.listSectors({ datasetId }),
    { isLatest },
  )
}

export function toggleSector(sector: string): void {
  const u = get().universe
  const sectors = u.sectors.includes(sector) ? u.sectors.filter((s) => s !== sector) : [...u.sectors, sector]
  set({ universe: { ...u, sectors } })
}

export function setSectors(sectors: string[]): void {
  set({ universe: { ...get().universe, sectors } })
}

export function setRange(range: { from?: string; to?: string }): void {
  set({ universe: { ...get().universe, ...range } })
}

export function resetRange(): void {
  const dataset = selectedDatasetOf(get())
  set({ universe: { ...get().universe, from: isoDate(dataset?.from), to: isoDate(dataset?.to) } })
}
