import { api, onEvent } from '../../api/client'
import { asErrorData } from '../../components/issues'
import type { AlphaRun, ErrorData, JobInfo, TearSheet } from '../../../../electron/contract'
import { latestRequests } from '../latest'
import { idle } from '../loadable'
import {
  adhocIncluded,
  applySuggestionTo,
  clampIndex,
  indexOnOrBefore,
  isoDate,
  keysToCompute,
  nextSort,
  okColumns,
  rangeProblem,
  selectedDatasetOf,
  stockDatasets,
  unixOfIso,
} from './selectors'
import {
  idleTask,
  useAlphas,
  type AlphasSlice,
  type BacktestConfig,
  type Extreme,
  type InstrumentRef,
  type JobSlot,
  type ResultTab,
  type Task,
} from './state'

export const PARSE_DEBOUNCE_MS = 150
/** Holding an arrow key steps dates fast: fetch the cross-section once it settles a little. */
const CROSS_DEBOUNCE_MS = 60
export const TEAR_QUANTILES = 5

const set = (partial: Partial<AlphasSlice>) => useAlphas.setState(partial)
const get = () => useAlphas.getState()

/** Each kind of request: replies to an older one are dropped (see latest.ts). */
const requests = latestRequests(['library', 'datasets', 'sectors', 'parse', 'cross', 'bars', 'series', 'correlation', 'backtest'])
let jobCounter = 0
let parseTimer: ReturnType<typeof setTimeout> | undefined
let crossTimer: ReturnType<typeof setTimeout> | undefined

export const newJobId = (kind: string) => `alphas-${kind}-${Date.now().toString(36)}-${++jobCounter}`
export const slot = (id: string): JobSlot => ({ id, startedAt: Date.now(), info: null })

// ---- job progress -----------------------------------------------------------------------------

/** Jobs this screen watches: id → apply a progress update. */
const watched = new Map<string, (info: JobInfo) => void>()
let stopEvents: (() => void) | null = null

/** Progress reaches us as `job.progress` (per job) and inside `engine.status` (all jobs): take both. */
function ensureProgressEvents(): void {
  if (stopEvents) return
  const deliver = (info: JobInfo) => watched.get(info.id)?.(info)
  const offJob = onEvent('job.progress', deliver)
  const offStatus = onEvent('engine.status', (status) => {
    if (watched.size) status.jobs.forEach(deliver)
  })
  stopEvents = () => {
    offJob()
    offStatus()
  }
}

export function watch(jobId: string, apply: (info: JobInfo) => void): () => void {
  ensureProgressEvents()
  watched.set(jobId, apply)
  return () => watched.delete(jobId)
}

export const cancelQuietly = (jobId: string | undefined | null) => {
  if (jobId) void api.jobs.cancel({ jobId }).catch(() => {})
}

// ---- screen lifecycle -------------------------------------------------------------------------

/** On entering the screen: the formula library and the datasets (refreshed: imports may have happened). */
export function enterAlphas(): void {
  ensureProgressEvents()
  if (get().library.status !== 'ready') void loadLibrary()
  void loadDatasets()
}

export async function loadLibrary(): Promise<void> {
  const isLatest = requests.start('library')
  const prev = get().library
  set({ library: { status: 'loading', data: prev.data, error: null } })
  try {
    const data = await api.alphas.library()
    if (!isLatest()) return
    set({ library: { status: 'ready', data, error: null } })
    // Keys that vanished (a deleted formula) leave the selection.
    const known = new Set(data.formulas.map((f) => f.key))
    const s = get()
    const selected = s.selected.filter((k) => known.has(k))
    if (selected.length !== s.selected.length) set({ selected })
    if (s.focusedKey === null || !known.has(s.focusedKey)) set({ focusedKey: data.formulas[0]?.key ?? null })
  } catch (err) {
    if (!isLatest()) return
    set({ library: { status: 'error', data: prev.data, error: asErrorData(err) } })
  }
}

// ---- universe -------------------------------------------------------------------------------

export async function loadDatasets(): Promise<void> {
  const isLatest = requests.start('datasets')
  const prev = get().datasets
  set({ datasets: { status: 'loading', data: prev.data, error: null } })
  try {
    const list = await api.market.listDatasets()
    if (!isLatest()) return
    set({ datasets: { status: 'ready', data: list, error: null } })
    const stocks = stockDatasets(list)
    const current = get().universe.datasetId
    if (current !== null && stocks.some((d) => d.id === current)) return
    if (stocks.length) selectDataset(stocks[0].id)
    else set({ universe: { ...get().universe, datasetId: null, sectors: [], from: '', to: '' }, sectorList: idle() })
  } catch (err) {
    if (!isLatest()) return
    set({ datasets: { status: 'error', data: prev.data, error: asErrorData(err) } })
  }
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
  set({ sectorList: { status: 'loading', data: null, error: null } })
  try {
    const data = await api.market.listSectors({ datasetId })
    if (!isLatest()) return
    set({ sectorList: { status: 'ready', data, error: null } })
  } catch (err) {
    if (!isLatest()) return
    set({ sectorList: { status: 'error', data: null, error: asErrorData(err) } })
  }
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

// ---- alpha selection --------------------------------------------------------------------------

export function setSearch(search: string): void {
  set({ search })
}

export function toggleKey(key: string): void {
  const s = get()
  set({ selected: s.selected.includes(key) ? s.selected.filter((k) => k !== key) : [...s.selected, key], focusedKey: key })
}

/** Adds (or, with `on` false, removes) these keys. */
export function selectKeys(keys: readonly string[], on = true): void {
  const s = get()
  if (on) {
    const have = new Set(s.selected)
    set({ selected: [...s.selected, ...keys.filter((k) => !have.has(k))] })
  } else {
    const drop = new Set(keys)
    set({ selected: s.selected.filter((k) => !drop.has(k)) })
  }
}

export function clearSelected(): void {
  set({ selected: [] })
}

export function focusKey(key: string | null): void {
  set({ focusedKey: key })
}

// ---- formula editor ---------------------------------------------------------------------------

const setEditor = (partial: Partial<AlphasSlice['editor']>) => set({ editor: { ...get().editor, ...partial } })

/** Each keystroke: the text now, the parse once typing pauses (~150 ms). */
export function setEditorText(text: string): void {
  setEditor({ text, save: { status: 'idle', error: null } })
  clearTimeout(parseTimer)
  if (!text.trim()) {
    requests.drop('parse')
    setEditor({ parse: { status: 'idle', text, result: null, error: null } })
    return
  }
  setEditor({ parse: { ...get().editor.parse, status: 'parsing' } })
  parseTimer = setTimeout(() => void parseNow(), PARSE_DEBOUNCE_MS)
}

export async function parseNow(): Promise<void> {
  clearTimeout(parseTimer)
  const text = get().editor.text
  const isLatest = requests.start('parse')
  if (!text.trim()) return
  try {
    const result = await api.alphas.parse({ text })
    if (!isLatest()) return
    setEditor({ parse: { status: result.ok ? 'ok' : 'error', text, result, error: null } })
  } catch (err) {
    if (!isLatest()) return
    setEditor({ parse: { status: 'failed', text, result: null, error: asErrorData(err) } })
  }
}

/** Replaces the unknown name at the error with the parser's suggestion. */
export function applySuggestion(): void {
  const { parse, text } = get().editor
  if (parse.result && !parse.result.ok && parse.text === text && parse.result.error.suggestion) {
    setEditorText(applySuggestionTo(text, parse.result.error))
    void parseNow()
  }
}

export function setEditorName(name: string): void {
  setEditor({ name, save: { status: 'idle', error: null } })
}

export function setIncludeAdhoc(include: boolean): void {
  setEditor({ include })
}

/** Loads a formula's text into the editor (to start a variant of it). */
export function editFormula(text: string, name: string): void {
  setEditorName(name)
  setEditorText(text)
  void parseNow()
}

/** Saves the editor's formula under its name; it joins the list, selected (and leaves the ad-hoc slot). */
export async function saveFormula(): Promise<void> {
  const { text, name } = get().editor
  if (!name.trim() || !text.trim()) {
    setEditor({ save: { status: 'error', error: { code: 'VALIDATION', message: name.trim() ? 'Type a formula first.' : 'Give the formula a name.' } } })
    return
  }
  setEditor({ save: { status: 'saving', error: null } })
  try {
    const formula = await api.alphas.saveFormula({ name: name.trim(), text })
    setEditor({ save: { status: 'idle', error: null }, include: false })
    await loadLibrary()
    selectKeys([formula.key])
    set({ focusedKey: formula.key })
  } catch (err) {
    setEditor({ save: { status: 'error', error: asErrorData(err) } })
  }
}

export async function deleteFormula(key: string): Promise<ErrorData | null> {
  try {
    await api.alphas.deleteFormula({ key })
    selectKeys([key], false)
    await loadLibrary()
    return null
  } catch (err) {
    return asErrorData(err)
  }
}

// ---- compute ----------------------------------------------------------------------------------

/** Why Compute is disabled right now, or null. */
export function computeBlocker(s: AlphasSlice = get()): string | null {
  const dataset = selectedDatasetOf(s)
  if (!dataset) return 'Choose a stock dataset.'
  const problem = rangeProblem(s.universe.from, s.universe.to, dataset)
  if (problem) return problem
  const keys = keysToCompute(s.selected, s.library.data?.formulas ?? [])
  if (!keys.length && !adhocIncluded(s)) {
    if (s.editor.include && s.editor.text.trim() && s.editor.parse.status === 'error') return 'The editor formula does not parse.'
    return 'Choose at least one alpha or type a formula.'
  }
  return null
}

let stopRunWatch: (() => void) | null = null

export async function compute(): Promise<void> {
  const s = get()
  if (s.run.status === 'loading' || computeBlocker(s)) return
  const dataset = selectedDatasetOf(s)!
  const keys = keysToCompute(s.selected, s.library.data?.formulas ?? [])
  const adhoc = adhocIncluded(s) ? { name: s.editor.name.trim() || 'Formula', text: s.editor.text } : undefined
  const wholeFrom = isoDate(dataset.from)
  const wholeTo = isoDate(dataset.to)
  const jobId = newJobId('compute')
  stopRunWatch?.()
  stopRunWatch = watch(jobId, (info) => {
    const run = get().run
    if (run.job?.id === jobId) set({ run: { ...run, job: { ...run.job, info } } })
  })
  set({ run: { status: 'loading', data: s.run.data, error: null, job: slot(jobId) } })
  try {
    const data = await api.alphas.compute({
      datasetId: dataset.id,
      sectors: s.universe.sectors.length ? s.universe.sectors : undefined,
      from: s.universe.from && s.universe.from !== wholeFrom ? s.universe.from : undefined,
      to: s.universe.to && s.universe.to !== wholeTo ? s.universe.to : undefined,
      keys,
      adhoc,
      policy: s.universe.policy,
      jobId,
    })
    if (get().run.job?.id !== jobId) return
    adoptRun(data)
  } catch (err) {
    if (get().run.job?.id !== jobId) return
    set({ run: { ...get().run, status: 'error', error: asErrorData(err) } })
  } finally {
    stopRunWatch?.()
    stopRunWatch = null
  }
}

export function cancelCompute(): void {
  const job = get().run.job
  if (get().run.status === 'loading' && job) cancelQuietly(job.id)
}

/** Dismisses a failed compute's error (the previous results stay). */
export function dismissRunError(): void {
  const run = get().run
  if (run.status === 'error') set({ run: { ...run, status: run.data ? 'ready' : 'idle', error: null } })
}

/** A fresh run: everything derived from the old one goes (its jobs are cancelled). */
export function adoptRun(run: AlphaRun): void {
  const s = get()
  for (const t of Object.values(s.tearSheets)) if (t.status === 'loading') cancelQuietly(t.job?.id)
  if (s.correlation.status === 'loading') cancelQuietly(s.correlation.job?.id)
  if (s.backtest.status === 'loading') cancelQuietly(s.backtest.job?.id)
  if (s.leaderboard.status === 'loading' && s.leaderboard.data?.runId !== run.runId) cancelQuietly(s.leaderboard.job?.id)
  requests.drop('cross', 'bars', 'series', 'correlation', 'backtest')
  const ok = okColumns(run)
  const first = ok[0]?.key ?? null
  const keepSort = s.sort.column === 'symbol' || s.sort.column === 'sector' || ok.some((a) => a.key === s.sort.column)
  // The instrument stays open when it is still in the universe.
  const instrument = s.instrument && run.instruments.some((i) => i.id === s.instrument!.id) ? s.instrument : null
  set({
    run: { status: 'ready', data: run, error: null, job: s.run.job },
    dateIndex: Math.max(0, run.dates.length - 1),
    cross: idle(),
    sort: keepSort ? s.sort : { column: first ?? 'symbol', dir: first ? 'desc' : 'asc' },
    instrument,
    chartKey: keepSort && ok.some((a) => a.key === s.sort.column) ? s.sort.column : s.chartKey && ok.some((a) => a.key === s.chartKey) ? s.chartKey : first,
    bars: idle(),
    series: idle(),
    tearKey: s.tearKey && ok.some((a) => a.key === s.tearKey) ? s.tearKey : first,
    tearSheets: {},
    correlation: idleTask(),
    backtest: idleTask(),
    leaderboard:
      s.leaderboard.data?.runId === run.runId && s.leaderboard.data.rows.length === run.alphas.length ? s.leaderboard : idleTask(),
    leaderSelection: s.leaderSelection.filter((k) => ok.some((a) => a.key === k)),
    backtestConfig: {
      ...s.backtestConfig,
      key: s.backtestConfig.key && ok.some((a) => a.key === s.backtestConfig.key) ? s.backtestConfig.key : first,
    },
  })
  if (ok.length) void loadCross()
  if (instrument) void loadInstrument()
  onTab(get().tab)
}

// ---- results: tabs ----------------------------------------------------------------------------

export function setTab(tab: ResultTab): void {
  const s = get()
  // A tab opens on the alpha the user was looking at (the cross-section's sort column), not on the first one.
  const looked = s.tab === 'table' && s.run.data && okColumns(s.run.data).some((a) => a.key === s.sort.column) ? s.sort.column : null
  if (looked && tab === 'tearsheet') set({ tearKey: looked })
  if (looked && tab === 'backtest') set({ backtestConfig: { ...s.backtestConfig, key: looked } })
  set({ tab })
  onTab(tab)
}

/** Analyses load when their tab is first shown for a run. */
function onTab(tab: ResultTab): void {
  const s = get()
  if (!s.run.data) return
  if (tab === 'tearsheet' && s.tearKey && !s.tearSheets[s.tearKey]) void loadTearSheet(s.tearKey)
  if (tab === 'correlation' && s.correlation.status === 'idle' && okColumns(s.run.data).length > 0) void loadCorrelation()
  if (tab === 'leaderboard' && s.leaderboard.status === 'idle' && okColumns(s.run.data).length > 0) onLeaderboardTab?.()
}

export function toggleSetup(): void {
  set({ setupCollapsed: !get().setupCollapsed })
}

/** Set by the leaderboard module (avoids an import cycle): load it when its tab opens. */
let onLeaderboardTab: (() => void) | null = null
export function onLeaderboardTabOpened(load: () => void): void {
  onLeaderboardTab = load
}

// ---- cross-section ----------------------------------------------------------------------------

export function setDateIndex(index: number): void {
  const run = get().run.data
  if (!run) return
  const i = clampIndex(index, run.dates.length)
  if (i === get().dateIndex && get().cross.status !== 'idle') return
  set({ dateIndex: i })
  clearTimeout(crossTimer)
  crossTimer = setTimeout(() => void loadCross(), CROSS_DEBOUNCE_MS)
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

export async function loadCross(): Promise<void> {
  clearTimeout(crossTimer)
  const s = get()
  const run = s.run.data
  if (!run) return
  const keys = okColumns(run).map((a) => a.key)
  if (!keys.length) return
  const isLatest = requests.start('cross')
  const date = run.dates[s.dateIndex]
  set({ cross: { status: 'loading', data: s.cross.data, error: null } })
  try {
    const data = await api.alphas.crossSection({ runId: run.runId, date, keys })
    if (!isLatest()) return
    set({ cross: { status: 'ready', data, error: null } })
  } catch (err) {
    if (!isLatest()) return
    set({ cross: { status: 'error', data: s.cross.data, error: asErrorData(err) } })
  }
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

// ---- instrument: candles + the alpha beneath ----------------------------------------------------

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
  const isLatest = requests.start('bars')
  set({ bars: { status: 'loading', data: s.bars.data, error: null } })
  const series = loadSeries()
  try {
    // Bars over the run's dates (a few days before so the first candles have context).
    const data = await api.market.getBars({
      instrumentId: instrument.id,
      from: run.dates[0] - 10 * 86_400,
      to: run.dates[run.dates.length - 1] + 86_400,
    })
    if (!isLatest()) return
    set({ bars: { status: 'ready', data, error: null } })
  } catch (err) {
    if (!isLatest()) return
    set({ bars: { status: 'error', data: null, error: asErrorData(err) } })
  }
  await series
}

export async function loadSeries(): Promise<void> {
  const s = get()
  const run = s.run.data
  if (!run || !s.instrument || !s.chartKey) return
  const key = s.chartKey
  const instrumentId = s.instrument.id
  const isLatest = requests.start('series')
  set({ series: { status: 'loading', data: s.series.data, error: null } })
  try {
    const data = await api.alphas.series({ runId: run.runId, key, instrumentId })
    if (!isLatest()) return
    set({ series: { status: 'ready', data: { key, instrumentId, ...data }, error: null } })
  } catch (err) {
    if (!isLatest()) return
    set({ series: { status: 'error', data: null, error: asErrorData(err) } })
  }
}

/** ↑/↓ in the table: the next instrument in the shown order. */
export function moveInstrument(rows: readonly InstrumentRef[], delta: number): void {
  if (!rows.length) return
  const at = rows.findIndex((r) => r.id === get().instrument?.id)
  const next = at < 0 ? (delta > 0 ? 0 : rows.length - 1) : Math.max(0, Math.min(rows.length - 1, at + delta))
  const r = rows[next]
  if (r) openInstrument({ id: r.id, symbol: r.symbol, sector: r.sector })
}

// ---- tear sheet -------------------------------------------------------------------------------

export function setTearKey(key: string): void {
  set({ tearKey: key })
  const t = get().tearSheets[key]
  if (!t || t.status === 'error') void loadTearSheet(key)
}

const setTear = (key: string, task: Task<TearSheet>) =>
  set({ tearSheets: { ...get().tearSheets, [key]: task } })

export async function loadTearSheet(key: string): Promise<void> {
  const run = get().run.data
  if (!run) return
  const runId = run.runId
  const jobId = newJobId('tearsheet')
  const current = () => get().run.data?.runId === runId && get().tearSheets[key]?.job?.id === jobId
  const stop = watch(jobId, (info) => {
    const t = get().tearSheets[key]
    if (current() && t.job) setTear(key, { ...t, job: { ...t.job, info } })
  })
  setTear(key, { status: 'loading', data: null, error: null, job: slot(jobId) })
  try {
    const data = await api.alphas.tearSheet({ runId, key, quantiles: TEAR_QUANTILES, jobId })
    if (current()) setTear(key, { ...get().tearSheets[key], status: 'ready', data, error: null })
  } catch (err) {
    if (current()) setTear(key, { ...get().tearSheets[key], status: 'error', data: null, error: asErrorData(err) })
  } finally {
    stop()
  }
}

export function cancelTearSheet(key: string): void {
  const t = get().tearSheets[key]
  if (t?.status === 'loading') cancelQuietly(t.job?.id)
}

// ---- correlation ------------------------------------------------------------------------------

/** The correlation matrix of the run's alphas, or of `keys` (a leaderboard selection). */
export async function loadCorrelation(keys?: string[]): Promise<void> {
  const run = get().run.data
  if (!run) return
  const isLatest = requests.start('correlation')
  const jobId = newJobId('correlation')
  const stop = watch(jobId, (info) => {
    const c = get().correlation
    if (isLatest() && c.job) set({ correlation: { ...c, job: { ...c.job, info } } })
  })
  set({ correlation: { status: 'loading', data: null, error: null, job: slot(jobId) } })
  try {
    const data = await api.alphas.correlation({ runId: run.runId, keys: keys?.length ? keys : undefined, jobId })
    if (isLatest()) set({ correlation: { ...get().correlation, status: 'ready', data, error: null } })
  } catch (err) {
    if (isLatest()) set({ correlation: { ...get().correlation, status: 'error', data: null, error: asErrorData(err) } })
  } finally {
    stop()
  }
}

export function cancelCorrelation(): void {
  const c = get().correlation
  if (c.status === 'loading') cancelQuietly(c.job?.id)
}

// ---- backtest ---------------------------------------------------------------------------------

export function setBacktestConfig(config: Partial<BacktestConfig>): void {
  set({ backtestConfig: { ...get().backtestConfig, ...config } })
}

/** Why the backtest cannot run with this configuration, or null. */
export function backtestProblem(config: BacktestConfig): string | null {
  if (!config.key) return 'Choose an alpha.'
  if (config.weighting === 'quantile' && !(config.quantile > 0 && config.quantile <= 0.5)) return 'Each leg must hold more than 0% and at most 50% of the universe.'
  if (!(config.costBps >= 0 && config.costBps <= 1000)) return 'The cost must be 0–1000 bps.'
  return null
}

export async function runBacktest(): Promise<void> {
  const s = get()
  const run = s.run.data
  const config = s.backtestConfig
  if (!run || s.backtest.status === 'loading' || backtestProblem(config)) return
  const isLatest = requests.start('backtest')
  const jobId = newJobId('backtest')
  const stop = watch(jobId, (info) => {
    const b = get().backtest
    if (isLatest() && b.job) set({ backtest: { ...b, job: { ...b.job, info } } })
  })
  set({ backtest: { status: 'loading', data: s.backtest.data, error: null, job: slot(jobId) } })
  try {
    const data = await api.alphas.portfolioBacktest({
      runId: run.runId,
      key: config.key!,
      weighting: config.weighting,
      quantile: config.quantile,
      costBps: config.costBps,
      jobId,
    })
    if (isLatest()) set({ backtest: { ...get().backtest, status: 'ready', data, error: null } })
  } catch (err) {
    if (isLatest()) set({ backtest: { ...get().backtest, status: 'error', error: asErrorData(err) } })
  } finally {
    stop()
  }
}

export function cancelBacktest(): void {
  const b = get().backtest
  if (b.status === 'loading') cancelQuietly(b.job?.id)
}

/** For tests: forget module state. */
export function resetAlphasForTests(): void {
  stopEvents?.()
  stopEvents = null
  watched.clear()
  clearTimeout(parseTimer)
  clearTimeout(crossTimer)
}
