import { z } from 'zod'
import { method } from './define'

export const datasetKinds = ['stocks', 'futures', 'intraday'] as const
export type DatasetKind = (typeof datasetKinds)[number]

export interface Dataset {
  id: number
  key: string
  name: string
  kind: DatasetKind
  /** Where the data came from, with its attribution. */
  source: string
  instrumentCount: number
  barCount: number
  /** First and last bar time, unix seconds (wall clock of the exchange, stored as UTC). */
  from: number | null
  to: number | null
}

export interface Instrument {
  id: number
  datasetId: number
  symbol: string
  name: string | null
  sector: string | null
  industry: string | null
  subindustry: string | null
  /** Futures: the root (CL, NG, VX) and the contract's last trade date (YYYY-MM-DD). */
  root: string | null
  expiry: string | null
  barCount: number
  from: number | null
  to: number | null
}

/** Bars as columns: compact over JSON and IPC alike. Times are unix seconds. */
export interface Bars {
  instrumentId: number
  time: number[]
  open: (number | null)[]
  high: (number | null)[]
  low: (number | null)[]
  close: (number | null)[]
  volume: (number | null)[]
}

export const listInstrumentsInput = z.object({
  datasetId: z.number().int().positive().optional(),
  search: z.string().max(100).optional(),
  sector: z.string().max(100).optional(),
  root: z.string().max(20).optional(),
  limit: z.number().int().min(1).max(5000).default(500),
  offset: z.number().int().min(0).default(0),
})

export const getBarsInput = z.object({
  instrumentId: z.number().int().positive(),
  from: z.number().int().optional(),
  to: z.number().int().optional(),
})

export const market = {
  listDatasets: method<Dataset[]>()(z.object({}).default({})),
  listInstruments: method<{ total: number; items: Instrument[] }>()(listInstrumentsInput),
  getInstrument: method<Instrument>()(z.object({ id: z.number().int().positive() })),
  getBars: method<Bars>()(getBarsInput),
  listSectors: method<{ sector: string; count: number }[]>()(z.object({ datasetId: z.number().int().positive() })),
}
