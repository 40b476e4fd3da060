import type { Dataset } from '../../../../electron/contract'
import type { MarketSlice } from './state'

export const selectedDataset = (s: MarketSlice): Dataset | null => s.datasets.data?.find((d) => d.id === s.datasetId) ?? null

/** The selected instrument's row position in the loaded list, or -1. */
export const selectedIndex = (s: MarketSlice): number =>
  s.selectedId === null ? -1 : s.instruments.items.findIndex((i) => i.id === s.selectedId)

export const hasMoreInstruments = (s: MarketSlice): boolean =>
  s.instruments.status === 'ready' && s.instruments.items.length < s.instruments.total

/** Filter label kind for the dataset: sectors for stocks, roots for futures, none otherwise. */
export const groupKind = (d: Dataset | null): 'sector' | 'root' | null =>
  d?.kind === 'stocks' ? 'sector' : d?.kind === 'futures' ? 'root' : null
