import { api, onEvent } from '../../api/client'
import { asErrorData } from '../../components/issues'
import type { ExportFormatName, Trade, TradeFilter, TradeSort } from '../../../../electron/contract'
import { latestRequests } from '../latest'
import { useBook, type BookSlice, type BookTab, type TradeColumnKey } from './state'

export const PAGE_ROWS = 200

const set = (partial: Partial<BookSlice> | ((s: BookSlice) => Partial<BookSlice>)) => useBook.setState(partial)
const get = () => useBook.getState()
const requests = latestRequests(['summary', 'chart', 'runs', 'open', 'calendar', 'api', 'facets'])
const pending = new Set<number>()
let jobCounter = 0

// ---- the table ------------------------------------------------------------------------------

/** Loads the page holding row `index` unless it is loaded or loading. */
export async function ensureRows(index: number): Promise<void> {
  const page = Math.floor(index / PAGE_ROWS)
  const { version, filter, sort, rows } = get()
  if (pending.has(page) || rows.has(page * PAGE_ROWS)) return
  pending.add(page)
  try {
    const result = await api.book.page({ filter, sort, offset: page * PAGE_ROWS, limit: PAGE_ROWS })
    if (get().version !== version) return
    set((s) => {
      const next = new Map(s.rows)
      result.rows.forEach((t, k) => next.set(page * PAGE_ROWS + k, t))
      return { rows: next, total: result.total, pageError: null, lastQueryMs: result.queryMs }
    })
  } catch (err) {
    if (get().version === version) set({ pageError: asErrorData(err) })
  } finally {
    pending.delete(page)
  }
}

/** The query changed (or the data did): drop loaded rows, reload the first page and the summary. */
export function reload(): void {
  pending.clear()
  set((s) => ({ rows: new Map(), total: null, version: s.version + 1 }))
  void ensureRows(0)
  void loadSummary()
}

export function setFilter(patch: Partial<TradeFilter>): void {
  const filter = { ...get().filter, ...patch }
  for (const k of Object.keys(filter) as (keyof TradeFilter)[]) {
    const v = filter[k]
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) delete filter[k]
  }
  // Leaving a field unchanged (a blur) must not reload: a click landing meanwhile would hit a row being replaced.
  if (JSON.stringify(filter) === JSON.stringify(get().filter)) return
  set({ filter })
  reload()
}

export function clearFilter(): void {
  set({ filter: {} })
  reload()
}

export function setSort(column: TradeSort['column']): void {
  const { sort } = get()
  set({ sort: { column, dir: sort.column === column && sort.dir === 'desc' ? 'asc' : 'desc' } })
  reload()
}

export function toggleColumn(key: TradeColumnKey): void {
  const { columns } = get()
  set({ columns: columns.includes(key) ? columns.filter((c) => c !== key) : [...columns, key] })
}

export function toggleChecked(id: number): void {
  set((s) => {
    const checked = new Set(s.checked)
    if (checked.has(id)) checked.delete(id)
    else checked.add(id)
    return { checked }
  })
}

export function clearChecked(): void {
  set({ checked: new Set() })
}

export async function loadSummary(): Promise<void> {
  const isLatest = requests.start('summary')
  set((s) => ({ summary: { status: 'loading', data: s.summary.data, error: null } }))
  try {
    const data = await api.book.summary({ filter: get().filter })
    if (isLatest()) set({ summary: { status: 'ready', data, error: null } })
  } catch (err) {
    if (isLatest()) set((s) => ({ summary: { status: 'error', data: s.summary.data, error: asErrorData(err) } }))
  }
}

export async function loadFacets(): Promise<void> {
  const isLatest = requests.start('facets')
  try {
    const facets = await api.book.facets()
    if (isLatest()) set({ facets })
  } catch {
    // the filter bar works without suggestions
  }
}

// ---- one trade ------------------------------------------------------------------------------

export async function selectTrade(id: number | null): Promise<void> {
  set({ selectedId: id, editError: null })
  if (id === null) return set({ chart: { status: 'idle', data: null, error: null } })
  const isLatest = requests.start('chart')
  set({ chart: { status: 'loading', data: null, error: null } })
  try {
    const data = await api.book.tradeChart({ id })
    if (isLatest()) set({ chart: { status: 'ready', data, error: null } })
  } catch (err) {
    if (isLatest()) set({ chart: { status: 'error', data: null, error: asErrorData(err) } })
  }
}

/** Puts an updated trade wherever the table holds it. */
function patchTrade(trade: Trade): void {
  set((s) => {
    const rows = new Map(s.rows)
    for (const [k, t] of rows) if (t.id === trade.id) rows.set(k, trade)
    const chart = s.chart.data?.trade.id === trade.id ? { ...s.chart, data: { ...s.chart.data, trade } } : s.chart
    return { rows, chart }
  })
}

async function edit(run: () => Promise<Trade>, lastEdit: BookSlice['lastEdit']): Promise<void> {
  try {
    const trade = await run()
    patchTrade(trade)
    set({ lastEdit, editError: null })
    void loadFacets()
  } catch (err) {
    set({ editError: asErrorData(err) })
  }
}

export function saveTags(trade: Trade, tags: string[]): Promise<void> {
  return edit(() => api.book.setTags({ id: trade.id, tags }), {
    tradeId: trade.id,
    field: 'tags',
    before: JSON.stringify(trade.tags),
    after: JSON.stringify(tags),
  })
}

export function saveNote(trade: Trade, note: string): Promise<void> {
  if (note === trade.note) return Promise.resolve()
  return edit(() => api.book.setNote({ id: trade.id, note }), { tradeId: trade.id, field: 'note', before: trade.note, after: note })
}

export async function undoEdit(): Promise<void> {
  try {
    const r = await api.book.undo()
    if (r.trade) patchTrade(r.trade)
    set({ lastEdit: null, editError: null })
  } catch (err) {
    set({ editError: asErrorData(err) })
  }
}

// ---- other views ----------------------------------------------------------------------------

async function loadInto<K extends 'runs' | 'open' | 'calendar' | 'apiSettings'>(
  key: K,
  kind: 'runs' | 'open' | 'calendar' | 'api',
  fetch: () => Promise<NonNullable<BookSlice[K]['data']>>,
) {
  const isLatest = requests.start(kind)
  set((s) => ({ [key]: { status: 'loading', data: s[key].data, error: null } }) as Partial<BookSlice>)
  try {
    const data = await fetch()
    if (isLatest()) set({ [key]: { status: 'ready', data, error: null } } as Partial<BookSlice>)
  } catch (err) {
    if (isLatest()) set((s) => ({ [key]: { status: 'error', data: s[key].data, error: asErrorData(err) } }) as Partial<BookSlice>)
  }
}

export const loadRuns = () => loadInto('runs', 'runs', () => api.book.runs({ limit: 100 }))
export const loadOpen = () => loadInto('open', 'open', () => api.book.openTrades({}))
export const loadCalendar = () => loadInto('calendar', 'calendar', () => api.book.calendar({ limit: 1000 }))
export const loadApiSettings = () => loadInto('apiSettings', 'api', () => api.book.apiSettings())
export const setApiSettings = (patch: { enabled?: boolean; port?: number }) =>
  loadInto('apiSettings', 'api', () => api.book.setApiSettings(patch))
export const rotateToken = () => loadInto('apiSettings', 'api', () => api.book.rotateToken())

export function setTab(tab: BookTab): void {
  set({ tab })
  if (tab === 'runs') void loadRuns()
  if (tab === 'open') void loadOpen()
  if (tab === 'calendar') void loadCalendar()
  if (tab === 'settings') void loadApiSettings()
}

// ---- import and export ----------------------------------------------------------------------

export async function importCsvFile(file: File): Promise<void> {
  set({ importResult: null, importError: null })
  try {
    const r = await api.book.importCsv({ name: file.name, text: await file.text() })
    set({ importResult: r })
    void loadFacets()
    reload()
  } catch (err) {
    set({ importError: asErrorData(err) })
  }
}

/** Exports the filter (or the ticked rows) with progress; browser mode downloads the file when done. */
export async function exportTrades(format: ExportFormatName, selection: boolean): Promise<void> {
  const jobId = `book-export-${Date.now()}-${++jobCounter}`
  const { filter, sort, checked, columns } = get()
  const ids = selection ? [...checked] : undefined
  set({ exportJob: { jobId, format, state: 'running', done: 0, total: 0, result: null, error: null } })
  const stop = onEvent('job.progress', (job) => {
    if (job.id !== jobId) return
    set((s) => (s.exportJob?.jobId === jobId ? { exportJob: { ...s.exportJob, done: job.done, total: job.total } } : {}))
  })
  try {
    const exportColumns = columns.map((c) => (c === 'entryTs' ? 'entryTime' : c === 'exitTs' ? 'exitTime' : c))
    const result = await api.book.export({ jobId, format, filter, sort, ids, columns: ['id', ...exportColumns.filter((c) => c !== 'id')] })
    set((s) =>
      s.exportJob?.jobId === jobId ? { exportJob: { ...s.exportJob, state: 'done', done: result.rows, total: result.rows, result } } : {},
    )
    if (result.downloadUrl) download(result.downloadUrl)
  } catch (err) {
    const error = asErrorData(err)
    set((s) =>
      s.exportJob?.jobId === jobId
        ? { exportJob: { ...s.exportJob, state: error.code === 'JOB_CANCELLED' ? 'cancelled' : 'failed', error } }
        : {},
    )
  } finally {
    stop()
  }
}

export function cancelExport(): void {
  const job = get().exportJob
  if (job?.state === 'running') void api.jobs.cancel({ jobId: job.jobId })
}

function download(url: string): void {
  const a = document.createElement('a')
  a.href = url
  a.download = ''
  document.body.appendChild(a)
  a.click()
  a.remove()
}

// ---- live events ----------------------------------------------------------------------------

/** Live trades pushed over the API: refresh the open-trades and calendar views, and the table. */
export function startBookEvents(): () => void {
  let tableTimer: ReturnType<typeof setTimeout> | undefined
  const stop = onEvent('book.live', (change) => {
    const { tab } = get()
    if (change.kind === 'calendar') {
      if (tab === 'calendar') void loadCalendar()
      return
    }
    const trade = change.trade
    if (trade) {
      set((s) => {
        const list = s.open.data ?? []
        const open = trade.active ? [...list.filter((t) => t.id !== trade.id), trade] : list.filter((t) => t.id !== trade.id)
        return { open: { status: 'ready', data: open, error: null }, liveFlash: [...s.liveFlash.slice(-20), trade.id] }
      })
    }
    // Many trades a second must not reload the table each time.
    clearTimeout(tableTimer)
    tableTimer = setTimeout(() => {
      if (get().tab === 'trades') reload()
    }, 500)
  })
  return () => {
    clearTimeout(tableTimer)
    stop()
  }
}
