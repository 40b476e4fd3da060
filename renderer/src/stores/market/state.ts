import { create } from 'zustand'
import { idleTask, type Task } from '../jobs'
import { idle, type Loadable } from '../loadable'
import type { RangePreset } from '../../charts/candles'
import type { Bars, Dataset, ErrorData, IndicatorKind, IndicatorSeries, Instrument, SummaryStats } from '../../../../electron/contract'

export interface OverlayConfig {
  /** null = no overlay. */
  kind: IndicatorKind | null
  window: number
}

export interface InstrumentPage {
  status: 'idle' | 'loading' | 'ready' | 'error'
  /** Loaded rows (pages appended as the list scrolls). */
  items: Instrument[]
  /** Rows matching the query on the server. */
  total: number
  /** A next page is being fetched. */
  loadingMore: boolean
  error: ErrorData | null
}

export interface Group {
  key: string
  count: number
}

export interface MarketSlice {
  datasets: Loadable<Dataset[]>
  datasetId: number | null
  /** The search box text (the query uses its debounced value). */
  search: string
  sector: string | null
  root: string | null
  /** Stocks: sectors with counts (listSectors). Futures: roots with counts. */
  groups: Loadable<Group[]>
  instruments: InstrumentPage
  selectedId: number | null
  selected: Instrument | null
  bars: Loadable<Bars>
  summary: Loadable<SummaryStats>
  /** The same statistics over the chart's visible range (null until the chart reports one). */
  rangeSummary: Loadable<SummaryStats & { from: number; to: number }>
  overlayConfig: OverlayConfig
  /** Computed by an engine job (cancelled when a newer overlay is asked for). */
  overlay: Task<IndicatorSeries>
  /** The chart range preset the user picked last; it carries over to the next instrument. */
  rangePreference: RangePreset
}

export const useMarket = create<MarketSlice>(() => ({
  datasets: idle(),
  datasetId: null,
  search: '',
  sector: null,
  root: null,
  groups: idle(),
  instruments: { status: 'idle', items: [], total: 0, loadingMore: false, error: null },
  selectedId: null,
  selected: null,
  bars: idle(),
  summary: idle(),
  rangeSummary: idle(),
  overlayConfig: { kind: 'sma', window: 20 },
  overlay: idleTask(),
  rangePreference: '1Y',
}))
