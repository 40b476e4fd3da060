import { api } from '../../api/client'
import { asErrorData } from '../../components/issues'
import type { Dataset, Instrument } from '../../../../electron/contract'
import type { RangePreset } from '../../charts/candles'
import { idleTask, jobTracker, runTask } from '../jobs'
import { latestRequests } from '../latest'
import { idle, load } from '../loadable'
import { useMarket, type Group, type MarketSlice, type OverlayConfig } from './state'

const PAGE_SIZE = 500
const SEARCH_DEBOUNCE_MS = 220
/** Holding an arrow key moves the selection fast: fetch the detail once it settles. */
const DETAIL_DEBOUNCE_MS = 90

const set = (partial: Partial<MarketSlice>) => useMarket.setState(partial)
const get = () => useMarket.getState()

/** Each kind of request: replies to an older one are dropped (see latest.ts). */
const requests = latestRequests(['datasets', 'groups', 'instruments', 'detail'])
/** The overlay is an engine job: a newer one cancels the one in flight. */
const jobs = jobTracker<'overlay'>('market')

let searchTimer: ReturnType<typeof setTimeout> | undefined
let detailTimer: ReturnType<typeof setTimeout> | undefined
/** Last selection per dataset, restored when the user comes back to it. */
const lastSelection = new Map<number, Instrument>()

// ---- datasets ---------------------------------------------------------------------------

/** Loads the dataset list; selects `select` if given, else keeps the current one or picks the first. */
export async function loadDatasets(options: { select?: number } = {}): Promise<void> {
  const isLatest = requests.start('datasets')
  const list = await load(
    (datasets) => set({ datasets }),
    () => api.market.listDatasets(),
    { isLatest, keep: get().datasets.data, keepOnError: true },
  )
  if (!list) return
  const current = get().datasetId
  const want =
    options.select !== undefined && list.some((d) => d.id === options.select)
      ? options.select
      : current !== null && list.some((d) => d.id === current)
        ? current
        : (list[0]?.id ?? null)
  if (want === null) {
    set({ datasetId: null, instruments: { status: 'idle', items: [], total: 0, loadingMore: false, error: null } })
    clearSelection()
  } else if (want !== current || options.select !== undefined) {
    selectDataset(want)
  }
}

/** Switches dataset: clears the filters, loads its sectors/roots and the first page. */
export function selectDataset(datasetId: number): void {
  clearTimeout(searchTimer)
  set({ datasetId, search: '', sector: null, root: null })
  void loadGroups()
  const remembered = lastSelection.get(datasetId)
  if (remembered) selectInstrument(remembered, { immediate: true })
  else clearSelection()
  void loadInstruments()
}

// ---- sectors / roots ---------------------------------------------------------------------

async function loadGroups(): Promise<void> {
  const isLatest = requests.start('groups')
  const dataset = get().datasets.data?.find((d) => d.id === get().datasetId)
  if (!dataset || dataset.kind === 'intraday') {
    set({ groups: idle() })
    return
  }
  await load(
    (groups) => set({ groups }),
    () => fetchGroups(dataset.id, dataset.kind),
    { isLatest },
  )
}

/** Stocks: sectors with counts. Futures: roots with counts. */
async function fetchGroups(datasetId: number, kind: Dataset['kind']): Promise<Group[]> {
  if (kind === 'stocks') {
    const sectors = await api.market.listSectors({ datasetId })
    return sectors.map((s) => ({ key: s.sector, count: s.count }))
  }
  // Futures datasets hold a few hundred contracts: count roots from one listing.
  const all = await api.market.listInstruments({ datasetId, limit: 5000 })
  const counts = new Map<string, number>()
  for (const i of all.items) counts.set(i.root ?? '—', (counts.get(i.root ?? '—') ?? 0) + 1)
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => a.key.localeCompare(b.key))
}

// ---- instrument list ---------------------------------------------------------------------

/** Search box text; the server-side query runs once typing pauses. */
export function setSearch(search: string): void {
  set({ search })
  clearTimeout(searchTimer)
  searchTimer = setTimeout(() => void loadInstruments(), SEARCH_DEBOUNCE_MS)
}

export function setSector(sector: string | null): void {
  set({ sector })
  void loadInstruments()
}

export function setRoot(root: string | null): void {
  set({ root })
  void loadInstruments()
}

/** Loads the first page for the current query, or (append) the next page of the same query. */
export async function loadInstruments(options: { append?: boolean } = {}): Promise<void> {
  const s = get()
  if (s.datasetId === null) return
  if (options.append && (s.instruments.loadingMore || s.instruments.status !== 'ready')) return
  if (!options.append) clearTimeout(searchTimer)
  const isLatest = options.append ? requests.join('instruments') : requests.start('instruments')
  const offset = options.append ? s.instruments.items.length : 0
  const search = s.search.trim()
  set({
    instruments: options.append
      ? { ...s.instruments, loadingMore: true }
      : { ...s.instruments, status: 'loading', loadingMore: false, error: null },
  })
  try {
    const page = await api.market.listInstruments({
      datasetId: s.datasetId,
      search: search || undefined,
      sector: s.sector ?? undefined,
      root: s.root ?? undefined,
      limit: PAGE_SIZE,
      offset,
    })
    if (!isLatest()) return
    const items = options.append ? [...get().instruments.items, ...page.items] : page.items
    set({ instruments: { status: 'ready', items, total: page.total, loadingMore: false, error: null } })
    // A fresh dataset with nothing selected yet: show its first instrument rather than an empty chart.
    if (!options.append && get().selectedId === null && items.length > 0 && !search && !s.sector && !s.root) {
      selectInstrument(items[0], { immediate: true })
    }
  } catch (err) {
    if (!isLatest()) return
    set({
      instruments: options.append
        ? { ...get().instruments, loadingMore: false, error: asErrorData(err) }
        : { status: 'error', items: [], total: 0, loadingMore: false, error: asErrorData(err) },
    })
  }
}

/** Moves the selection by `delta` rows in the loaded list (keyboard up/down, page up/down). */
export function moveSelection(delta: number): void {
  const { instruments, selectedId } = get()
  const items = instruments.items
  if (!items.length) return
  const at = selectedId === null ? -1 : items.findIndex((i) => i.id === selectedId)
  const next = at < 0 ? (delta > 0 ? 0 : items.length - 1) : Math.max(0, Math.min(items.length - 1, at + delta))
  if (items[next] && items[next].id !== selectedId) selectInstrument(items[next])
  // Near the end of what is loaded: fetch the next page.
  if (next >= items.length - 20 && items.length < instruments.total) void loadInstruments({ append: true })
}

/** End key: load the remaining pages of the query, then select its last row. */
export async function selectLast(): Promise<void> {
  const isLatest = requests.join('instruments')
  while (get().instruments.status === 'ready' && get().instruments.items.length < get().instruments.total) {
    const before = get().instruments.items.length
    await loadInstruments({ append: true })
    if (!isLatest() || get().instruments.items.length === before) return
  }
  const items = get().instruments.items
  if (isLatest() && items.length) selectInstrument(items[items.length - 1])
}

export function selectIndex(index: number): void {
  const item = get().instruments.items[index]
  if (item) selectInstrument(item)
}

// ---- selected instrument: bars, summary, overlay ------------------------------------------

function clearSelection(): void {
  requests.drop('detail')
  jobs.drop('overlay')
  clearTimeout(detailTimer)
  set({ selectedId: null, selected: null, bars: idle(), summary: idle(), overlay: idleTask() })
}

export function selectInstrument(instrument: Instrument, options: { immediate?: boolean } = {}): void {
  if (get().selectedId === instrument.id && get().bars.status !== 'idle') return
  lastSelection.set(instrument.datasetId, instrument)
  const isLatest = requests.start('detail')
  jobs.drop('overlay')
  set({
    selectedId: instrument.id,
    selected: instrument,
    bars: { status: 'loading', data: null, error: null },
    summary: { status: 'loading', data: null, error: null },
    rangeSummary: idle(),
    overlay: get().overlayConfig.kind ? { status: 'loading', data: null, error: null, job: null } : idleTask(),
  })
  clearTimeout(detailTimer)
  const run = () => {
    if (isLatest()) void loadDetail(instrument.id)
  }
  if (options.immediate) run()
  else detailTimer = setTimeout(run, DETAIL_DEBOUNCE_MS)
}

let rangeTimer: ReturnType<typeof setTimeout> | undefined
let rangeSeq = 0

/** The chart's visible range changed: its statistics once scrolling settles (~300 ms). */
export function setVisibleRange(instrumentId: number, from: number, to: number): void {
  clearTimeout(rangeTimer)
  rangeTimer = setTimeout(() => void loadRangeSummary(instrumentId, from, to), 300)
}

async function loadRangeSummary(instrumentId: number, from: number, to: number): Promise<void> {
  if (get().selectedId !== instrumentId) return
  const seq = ++rangeSeq
  const prev = get().rangeSummary
  set({ rangeSummary: { status: 'loading', data: prev.data, error: null } })
  try {
    const data = await api.indicators.summary({ instrumentId, from, to })
    if (seq === rangeSeq && get().selectedId === instrumentId)
      set({ rangeSummary: { status: 'ready', data: { ...data, from, to }, error: null } })
  } catch (err) {
    if (seq === rangeSeq) set({ rangeSummary: { status: 'error', data: null, error: asErrorData(err) } })
  }
}

export function reloadDetail(): void {
  const id = get().selectedId
  if (id !== null) void loadDetail(id)
}

async function loadDetail(instrumentId: number): Promise<void> {
  const isLatest = requests.start('detail')
  const bars = load(
    (bars) => set({ bars }),
    () => api.market.getBars({ instrumentId }),
    { isLatest },
  )
  const summary = load(
    (summary) => set({ summary }),
    () => api.indicators.summary({ instrumentId }),
    { isLatest },
  )
  const overlay = computeOverlay()
  await Promise.all([bars, summary, overlay])
}

/** Changes the overlay (kind or window) and recomputes it for the selected instrument. */
export function setOverlayConfig(config: Partial<OverlayConfig>): void {
  set({ overlayConfig: { ...get().overlayConfig, ...config } })
  void computeOverlay()
}

export function setRangePreference(rangePreference: RangePreset): void {
  set({ rangePreference })
}

export async function computeOverlay(): Promise<void> {
  const { selectedId, overlayConfig } = get()
  const kind = overlayConfig.kind
  // A newer request replaces the one in flight: the helper cancels its job and drops its reply.
  if (selectedId === null || kind === null) {
    jobs.drop('overlay')
    set({ overlay: idleTask() })
    return
  }
  const window = Math.round(overlayConfig.window)
  if (!Number.isFinite(window) || window < 2 || window > 1000) {
    jobs.drop('overlay')
    const error = { code: 'VALIDATION' as const, message: 'The window must be a whole number from 2 to 1000.' }
    set({ overlay: { status: 'error', data: null, error, job: null } })
    return
  }
  const compute = (jobId: string) => api.indicators.compute({ instrumentId: selectedId, kind, window, jobId })
  await runTask(jobs, 'overlay', compute, (overlay) => set({ overlay }), { keep: get().overlay.data })
}
