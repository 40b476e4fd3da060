import type { Instrument, JobInfo } from '../../../../electron/contract'
import { api, onEvent } from '../../api/client'
import { asErrorData } from '../../components/issues'
import { latestRequests } from '../latest'
import { bestCell, gridSize, specOf } from './selectors'
import { type BacktestsSlice, type FormState, type QueuedRun, useBacktests } from './state'

const set = (partial: Partial<BacktestsSlice>) => useBacktests.setState(partial)
const get = () => useBacktests.getState()
/** Replies to an older request of the same kind are dropped. */
const requests = latestRequests(['instruments', 'costs', 'run', 'compare', 'set', 'bars', 'runs', 'generator'])
let counter = 0

// ---- lifecycle and job progress --------------------------------------------------------------

/** Loads what the screen starts from and follows the queued runs' progress; returns the stop function. */
export function startBacktests(): () => void {
  if (get().datasets.status === 'idle') void loadDatasets()
  void loadRuns()
  const apply = (info: JobInfo) => {
    const q = get().queue
    if (!q.some((r) => r.jobId === info.id)) return
    set({ queue: q.map((r) => (r.jobId === info.id ? { ...r, info } : r)) })
  }
  return onEvent('job.progress', apply)
}

async function loadDatasets(): Promise<void> {
  set({ datasets: { status: 'loading', data: null, error: null } })
  try {
    const data = await api.market.listDatasets()
    set({ datasets: { status: 'ready', data, error: null } })
    const first = data.find((d) => d.key === 'spx_1min') ?? data[0]
    if (first && get().form.datasetId === null) chooseDataset(first.id)
  } catch (err) {
    set({ datasets: { status: 'error', data: null, error: asErrorData(err) } })
  }
}

export async function loadRuns(): Promise<void> {
  const current = requests.start('runs')
  try {
    const data = await api.backtests.list({ limit: 200 })
    if (current()) set({ runs: { status: 'ready', data, error: null } })
  } catch (err) {
    if (current()) set({ runs: { status: 'error', data: get().runs.data, error: asErrorData(err) } })
  }
}

// ---- the form ---------------------------------------------------------------------------------

export function setForm(partial: Partial<FormState>): void {
  set({ form: { ...get().form, ...partial } })
}

export function chooseDataset(datasetId: number): void {
  setForm({ datasetId, instrument: null, search: '' })
  void searchInstruments('')
}

export async function searchInstruments(search: string): Promise<void> {
  const { datasetId } = get().form
  setForm({ search })
  if (datasetId === null) return
  const current = requests.start('instruments')
  set({ instruments: { status: 'loading', data: get().instruments.data, error: null } })
  try {
    const r = await api.market.listInstruments({ datasetId, search: search.trim() || undefined, limit: 200 })
    if (!current()) return
    set({ instruments: { status: 'ready', data: r.items, error: null } })
    if (!get().form.instrument && r.items.length) await chooseInstrument(r.items[0])
  } catch (err) {
    if (current()) set({ instruments: { status: 'error', data: null, error: asErrorData(err) } })
  }
}

/** Picks the instrument and prefills its costs from its root's contract spec. */
export async function chooseInstrument(instrument: Instrument): Promise<void> {
  setForm({ instrument })
  const current = requests.start('costs')
  try {
    const c = await api.backtests.costsFor({ instrumentId: instrument.id })
    if (!current()) return
    setForm({
      costs: {
        tickSize: String(c.tickSize),
        tickValue: String(c.tickValue),
        commission: String(c.commission),
        slippageTicks: String(c.slippageTicks),
      },
      costsSource: c.root ? `${c.root} spec` : 'default spec',
    })
  } catch {
    // Costs stay editable as they are.
  }
}

/** The chosen generator's long and short conditions, for the form to show. */
export async function previewGenerator(generator: FormState['generator'], length: string, slow: string): Promise<void> {
  const current = requests.start('generator')
  const n = Number(length)
  const m = Number(slow)
  if (!Number.isInteger(n) || n < 1 || (generator === 'ma-cross' && !(Number.isInteger(m) && m > n))) {
    set({ generatorText: null })
    return
  }
  try {
    const text = await api.backtests.generator({ generator, length: n, slow: generator === 'ma-cross' ? m : undefined })
    if (current()) set({ generatorText: text })
  } catch {
    if (current()) set({ generatorText: null })
  }
}

export function setCost(key: keyof FormState['costs'], value: string): void {
  setForm({ costs: { ...get().form.costs, [key]: value }, costsSource: 'edited' })
}

// ---- launching and the queue -----------------------------------------------------------------

/** Starts a backtest in the engine; several can queue. Opens the run when it finishes. */
export async function launch(): Promise<void> {
  const { spec, problem } = specOf(get().form)
  if (!spec) throw new Error(problem)
  const jobId = `backtest-${Date.now().toString(36)}-${++counter}`
  const inst = get().form.instrument
  const entry: QueuedRun = {
    jobId,
    label: `${inst?.symbol ?? ''}: ${gridSize(spec.sl.from, spec.sl.to, spec.sl.step)}×${gridSize(spec.tp.from, spec.tp.to, spec.tp.step)} sets (${spec.unit})`,
    startedAt: Date.now(),
    info: null,
    status: 'running',
    error: null,
    runId: null,
  }
  set({ queue: [entry, ...get().queue].slice(0, 20) })
  const update = (patch: Partial<QueuedRun>) => set({ queue: get().queue.map((r) => (r.jobId === jobId ? { ...r, ...patch } : r)) })
  try {
    const run = await api.backtests.run({ spec, jobId })
    update({ status: 'done', runId: run.runId })
    void loadRuns()
    showRun(run)
  } catch (err) {
    const error = asErrorData(err)
    update({ status: error.code === 'JOB_CANCELLED' ? 'cancelled' : 'failed', error })
  }
}

export function cancelQueued(jobId: string): void {
  void api.jobs.cancel({ jobId }).catch(() => {})
}

export function dismissQueued(jobId: string): void {
  set({ queue: get().queue.filter((r) => r.jobId !== jobId) })
}

// ---- runs, cells, trades ---------------------------------------------------------------------

function showRun(run: import('../../../../electron/contract').BacktestRun): void {
  const prev = get().run.data
  set({ run: { status: 'ready', data: run, error: null }, set: { status: 'idle', data: null, error: null }, trade: null, cell: null })
  if (prev?.spec.instrumentId !== run.spec.instrumentId || prev?.bars.from !== run.bars.from || prev?.bars.to !== run.bars.to)
    void loadBars(run)
  const best = bestCell(run, 'netPnl')
  if (best) void selectCell(best.slIndex, best.tpIndex)
}

export async function openRun(runId: number): Promise<void> {
  const current = requests.start('run')
  set({ run: { status: 'loading', data: get().run.data, error: null } })
  try {
    const run = await api.backtests.get({ runId })
    if (current()) showRun(run)
  } catch (err) {
    if (current()) set({ run: { status: 'error', data: null, error: asErrorData(err) } })
  }
}

export async function openCompare(runId: number | null): Promise<void> {
  const current = requests.start('compare')
  if (runId === null) {
    set({ compare: { status: 'idle', data: null, error: null }, compareId: null })
    return
  }
  set({ compare: { status: 'loading', data: null, error: null }, compareId: runId })
  try {
    const data = await api.backtests.get({ runId })
    if (current()) set({ compare: { status: 'ready', data, error: null } })
  } catch (err) {
    if (current()) set({ compare: { status: 'error', data: null, error: asErrorData(err) } })
  }
}

async function loadBars(run: import('../../../../electron/contract').BacktestRun): Promise<void> {
  const current = requests.start('bars')
  set({ bars: { status: 'loading', data: null, error: null } })
  try {
    const data = await api.market.getBars({ instrumentId: run.spec.instrumentId, from: run.bars.from, to: run.bars.to })
    if (current()) set({ bars: { status: 'ready', data, error: null } })
  } catch (err) {
    if (current()) set({ bars: { status: 'error', data: null, error: asErrorData(err) } })
  }
}

export function setMetric(metric: BacktestsSlice['metric']): void {
  set({ metric })
}

/** Opens one parameter set: its trades (stored if kept, else re-simulated), equity and statistics. */
export async function selectCell(slIndex: number, tpIndex: number): Promise<void> {
  const run = get().run.data
  if (!run) return
  const current = requests.start('set')
  set({ cell: { slIndex, tpIndex }, set: { status: 'loading', data: get().set.data, error: null }, keep: { status: 'idle', error: null } })
  try {
    const data = await api.backtests.set({ runId: run.runId, slIndex, tpIndex })
    if (current()) set({ set: { status: 'ready', data, error: null }, trade: data.trades.length ? 0 : null })
  } catch (err) {
    if (current()) set({ set: { status: 'error', data: null, error: asErrorData(err) } })
  }
}

export function selectTrade(index: number | null): void {
  set({ trade: index })
}

export async function keepSet(keep: boolean): Promise<void> {
  const s = get().set.data
  if (!s) return
  set({ keep: { status: 'saving', error: null } })
  try {
    await api.backtests.keep({ runId: s.runId, slIndex: s.slIndex, tpIndex: s.tpIndex, keep })
    set({ keep: { status: 'idle', error: null }, set: { ...get().set, data: { ...s, kept: keep } } })
    const run = get().run.data
    if (run?.runId === s.runId) {
      const kept = run.kept.filter((c) => c.slIndex !== s.slIndex || c.tpIndex !== s.tpIndex)
      if (keep) kept.push({ slIndex: s.slIndex, tpIndex: s.tpIndex })
      set({ run: { ...get().run, data: { ...run, kept } } })
    }
  } catch (err) {
    set({ keep: { status: 'error', error: asErrorData(err) } })
  }
}

export async function removeRun(runId: number): Promise<void> {
  await api.backtests.remove({ runId })
  if (get().run.data?.runId === runId)
    set({ run: { status: 'idle', data: null, error: null }, set: { status: 'idle', data: null, error: null }, cell: null })
  if (get().compareId === runId) set({ compare: { status: 'idle', data: null, error: null }, compareId: null })
  await loadRuns()
}
