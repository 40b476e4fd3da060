/**
 * Curves actions: the root, the date and playback, overlays, and each view's loads (every
 * number from the backend's engine jobs). Replies to an older request of a kind are dropped.
 */
import { api } from '../../api/client'
import { asErrorData } from '../../components/issues'
import type { ContractSpec, CurveTableInput, CurveWhat } from '../../../../electron/contract'
import { navigate } from '../app/actions'
import { loadDatasets, selectInstrument, setSearch } from '../market/actions'
import { jobTracker, runTask } from '../jobs'
import { latestRequests } from '../latest'
import { idleTask } from '../task'
import { idle, type Loadable } from '../loadable'
import { indexAtOrBefore } from './selectors'
import {
  curveTabs,
  defaultSpreads,
  maxOverlays,
  useCurves,
  type ContinuousConfig,
  type CurvesSlice,
  type CurveTab,
  type FitConfig,
  type OverlayPreset,
  type SpreadConfig,
} from './state'

const set = (partial: Partial<CurvesSlice>) => useCurves.setState(partial)
const get = () => useCurves.getState()
const requests = latestRequests(['roots', 'panel', 'deviation', 'spreads', 'pca', 'continuous', 'save', 'specs'])
const jobs = jobTracker<'fit'>('curves')
let overlayCounter = 0

function ref() {
  const { datasetId, root } = get()
  return datasetId === null || root === null ? null : { datasetId, root }
}

/** Runs a load of one kind into the state key of the same name, keeping the previous data while loading. */
async function load<K extends 'deviation' | 'spreads' | 'pca' | 'continuous' | 'specs'>(
  key: K,
  fetch: () => Promise<NonNullable<CurvesSlice[K]['data']>>,
) {
  const isLatest = requests.start(key)
  const prev = get()[key] as Loadable<unknown>
  set({ [key]: { status: 'loading', data: prev.data, error: null } } as Partial<CurvesSlice>)
  try {
    const data = await fetch()
    if (isLatest()) set({ [key]: { status: 'ready', data, error: null } } as Partial<CurvesSlice>)
  } catch (err) {
    if (isLatest()) set({ [key]: { status: 'error', data: null, error: asErrorData(err) } } as Partial<CurvesSlice>)
  }
}

export async function loadRoots(): Promise<void> {
  const isLatest = requests.start('roots')
  set({ roots: { status: 'loading', data: get().roots.data, error: null } })
  try {
    const roots = await api.curves.roots()
    if (!isLatest()) return
    set({ roots: { status: 'ready', data: roots, error: null } })
    if (get().root === null && roots.length) {
      const first = roots.find((r) => r.root === 'CL') ?? roots[0]
      void selectRoot(first.datasetId, first.root)
    }
  } catch (err) {
    if (isLatest()) set({ roots: { status: 'error', data: null, error: asErrorData(err) } })
  }
}

export async function selectRoot(datasetId: number, root: string): Promise<void> {
  stopPlay()
  requests.drop('deviation', 'spreads', 'pca', 'continuous', 'save')
  jobs.drop('fit')
  set({
    datasetId,
    root,
    panel: { status: 'loading', data: null, error: null },
    overlays: [],
    deviation: idle(),
    spreads: idle(),
    spreadConfig: defaultSpreads(root),
    fit: idleTask(),
    pca: idle(),
    continuous: idle(),
    saved: idle(),
  })
  const isLatest = requests.start('panel')
  try {
    const panel = await api.curves.panel({ datasetId, root })
    if (!isLatest()) return
    set({ panel: { status: 'ready', data: panel, error: null }, dateIndex: panel.dates.length - 1 })
    loadTab(get().tab)
  } catch (err) {
    if (isLatest()) set({ panel: { status: 'error', data: null, error: asErrorData(err) } })
  }
}

// ---- date, playback -----------------------------------------------------------------------

export function setDateIndex(d: number): void {
  const n = get().panel.data?.dates.length ?? 0
  if (n) set({ dateIndex: Math.max(0, Math.min(n - 1, Math.round(d))) })
}

export function step(delta: number): void {
  setDateIndex(get().dateIndex + delta)
}

/** Jump to the last date on or before `t` (unix seconds). */
export function goToDate(t: number): void {
  const dates = get().panel.data?.dates
  if (dates) setDateIndex(Math.max(0, indexAtOrBefore(dates, t)))
}

let playTimer: number | null = null
let playLast = 0

/** Plays forward from the current date at `speed` dates a second, one animation frame at a time. */
export function togglePlay(): void {
  if (get().playing) {
    stopPlay()
    return
  }
  const dates = get().panel.data?.dates
  if (!dates) return
  if (get().dateIndex >= dates.length - 1) set({ dateIndex: 0 })
  set({ playing: true })
  playLast = performance.now()
  let carry = 0
  const frame = (now: number) => {
    if (!get().playing) return
    carry += ((now - playLast) / 1000) * get().speed
    playLast = now
    const advance = Math.floor(carry)
    if (advance > 0) {
      carry -= advance
      const next = get().dateIndex + advance
      if (next >= dates.length - 1) {
        set({ dateIndex: dates.length - 1 })
        stopPlay()
        return
      }
      set({ dateIndex: next })
    }
    playTimer = requestAnimationFrame(frame)
  }
  playTimer = requestAnimationFrame(frame)
}

export function stopPlay(): void {
  if (playTimer !== null) cancelAnimationFrame(playTimer)
  playTimer = null
  if (get().playing) set({ playing: false })
}

export function setSpeed(speed: number): void {
  set({ speed: Math.max(1, Math.min(250, speed)) })
}

export function setFrameMs(frameMs: number): void {
  set({ frameMs })
}

export function setAxis(axis: 'tau' | 'tenor'): void {
  set({ axis })
}

export function setShowPrevious(showPrevious: boolean): void {
  set({ showPrevious })
}

// ---- overlays -----------------------------------------------------------------------------

export function addOverlay(preset: OverlayPreset | null, date: number | null = null): void {
  const overlays = get().overlays
  if (overlays.length >= maxOverlays) return
  if (preset && overlays.some((o) => o.preset === preset)) return
  set({ overlays: [...overlays, { id: `o${++overlayCounter}`, preset, date }] })
}

export function removeOverlay(id: string): void {
  set({ overlays: get().overlays.filter((o) => o.id !== id) })
}

export function clearOverlays(): void {
  set({ overlays: [] })
}

// ---- tabs and their views -----------------------------------------------------------------

export function setTab(tab: CurveTab): void {
  if (!curveTabs.includes(tab)) return
  set({ tab })
  loadTab(tab)
}

function loadTab(tab: CurveTab): void {
  const s = get()
  if (tab === 'deviation' && s.deviation.status === 'idle') loadDeviation()
  if (tab === 'spreads' && s.spreads.status === 'idle') loadSpreads()
  if (tab === 'pca' && s.pca.status === 'idle') loadPca()
  if (tab === 'specs' && s.specs.status === 'idle') loadSpecs()
}

export function loadDeviation(): void {
  const r = ref()
  if (r) void load('deviation', () => api.curves.deviation({ ...r, maxTenors: 0 }))
}

export function setDevMode(devMode: 'abs' | 'pct'): void {
  set({ devMode })
}

export function toggleDevTenor(tenor: number): void {
  const t = get().devTenors
  set({ devTenors: t.includes(tenor) ? t.filter((x) => x !== tenor) : [...t, tenor].sort((a, b) => a - b) })
}

export function setSpreadConfig(config: Partial<SpreadConfig>): void {
  set({ spreadConfig: { ...get().spreadConfig, ...config } })
  loadSpreads()
}

export function loadSpreads(): void {
  const r = ref()
  const c = get().spreadConfig
  if (r) void load('spreads', () => api.curves.spreads({ ...r, pairs: c.pairs, cm: c.cm, slopeTenors: c.slopeTenors }))
}

export function setFitConfig(config: Partial<FitConfig>): void {
  set({ fitConfig: { ...get().fitConfig, ...config } })
}

/** Fits every date in a worker (a job with progress and cancel); the betas chart and the fitted curve read the result. */
export async function runFit(): Promise<void> {
  const r = ref()
  if (!r) return
  const c = get().fitConfig
  await runTask(
    jobs,
    'fit',
    (jobId) =>
      api.curves.fit({
        ...r,
        jobId,
        model: c.model,
        fitLambda: c.fitLambda,
        lambda: c.lambda,
        lambda2: c.model === 'svensson' ? c.lambda2 : undefined,
        minTau: c.minTau,
      }),
    (fit) => set({ fit }),
    { keep: get().fit.data },
  )
}

export function cancelFit(): void {
  void jobs.cancel('fit')
}

export function clearFit(): void {
  jobs.drop('fit')
  set({ fit: idleTask() })
}

export function setPcaMaturities(pcaMaturities: number[]): void {
  set({ pcaMaturities })
  loadPca()
}

export function loadPca(): void {
  const r = ref()
  const maturities = get().pcaMaturities
  if (r) void load('pca', () => api.curves.pca({ ...r, maturities, flat: true }))
}

export function setContinuousConfig(config: Partial<ContinuousConfig>): void {
  set({ continuousConfig: { ...get().continuousConfig, ...config } })
}

export function buildContinuous(): void {
  const r = ref()
  if (r) void load('continuous', () => api.curves.continuous({ ...r, ...get().continuousConfig }))
}

/** Stores the continuous series as an instrument of the dataset. */
export async function saveContinuous(): Promise<void> {
  const r = ref()
  if (!r) return
  const isLatest = requests.start('save')
  set({ saved: { status: 'loading', data: null, error: null } })
  try {
    const saved = await api.curves.saveContinuous({ ...r, ...get().continuousConfig })
    if (isLatest()) set({ saved: { status: 'ready', data: saved, error: null } })
  } catch (err) {
    if (isLatest()) set({ saved: { status: 'error', data: null, error: asErrorData(err) } })
  }
}

/** Opens the saved continuous series on the Data screen. */
export async function openSavedOnDataScreen(): Promise<void> {
  const saved = get().saved.data
  if (!saved) return
  const instrument = await api.market.getInstrument({ id: saved.instrumentId })
  await loadDatasets({ select: saved.datasetId })
  setSearch(saved.symbol)
  selectInstrument(instrument, { immediate: true })
  navigate('data')
}

// ---- contract specs -----------------------------------------------------------------------

export function loadSpecs(): void {
  void load('specs', () => api.curves.specs())
}

export async function saveSpec(spec: ContractSpec): Promise<void> {
  const { edited: _edited, ...input } = spec
  try {
    await api.curves.saveSpec(input)
    set({ specError: null })
    loadSpecs()
  } catch (err) {
    set({ specError: asErrorData(err) })
  }
}

export async function resetSpec(root: string): Promise<void> {
  await api.curves.resetSpec({ root })
  set({ specError: null })
  loadSpecs()
}

// ---- exports ------------------------------------------------------------------------------

/** The query of a view's CSV export: the same options the view was computed with. */
export function tableQuery(what: CurveWhat): CurveTableInput | null {
  const r = ref()
  if (!r) return null
  const s = get()
  const base = { ...r, what }
  switch (what) {
    case 'curve':
    case 'deviation':
      return base
    case 'spreads':
      return { ...base, pairs: s.spreadConfig.pairs, cm: s.spreadConfig.cm, slopeTenors: s.spreadConfig.slopeTenors }
    case 'ns': {
      const c = s.fitConfig
      return {
        ...base,
        model: c.model,
        fitLambda: c.fitLambda,
        lambda: c.lambda,
        lambda2: c.model === 'svensson' ? c.lambda2 : undefined,
        minTau: c.minTau,
      }
    }
    case 'pca':
      return { ...base, maturities: s.pcaMaturities, flat: true }
    case 'continuous':
      return { ...base, ...s.continuousConfig }
  }
}
