import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { AlphaRun, CrossSection, JobInfo } from '../../../../electron/contract'

// The real client opens a transport on import; the store only needs these calls.
const parse = vi.fn()
const compute = vi.fn()
const crossSection = vi.fn()
const tearSheet = vi.fn()
const correlation = vi.fn()
const cancel = vi.fn(async () => ({ cancelled: true }))
const handlers = new Map<string, (payload: unknown) => void>()
vi.mock('../../api/client', () => ({
  api: {
    alphas: { parse, compute, crossSection, tearSheet, correlation, library: vi.fn(async () => ({ formulas: [], citation: '' })) },
    market: { listDatasets: vi.fn(async () => []), listSectors: vi.fn(async () => []), getBars: vi.fn() },
    jobs: { cancel },
  },
  onEvent: (name: string, handler: (payload: unknown) => void) => {
    handlers.set(name, handler)
    return () => handlers.delete(name)
  },
}))

const { useAlphas, initialAlphas } = await import('./state')
const actions = await import('./actions')

function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

const dataset = {
  id: 1,
  key: 'sp',
  name: 'S&P',
  kind: 'stocks' as const,
  source: '',
  instrumentCount: 2,
  barCount: 10,
  from: 1_000_000,
  to: 2_000_000,
}
const run = (runId: string): AlphaRun => ({
  runId,
  datasetId: 1,
  dates: [100, 200, 300],
  instruments: [{ id: 1, symbol: 'A', sector: null }],
  alphas: [
    { key: 'alpha001', name: 'Alpha#1', text: 'rank(close)', ok: true, warnings: [], coverage: 1 },
    {
      key: 'alpha056',
      name: 'Alpha#56',
      text: '',
      ok: false,
      error: { code: 'MISSING_FIELD', message: 'no cap' },
      warnings: [],
      coverage: 0,
    },
  ],
  computeMs: 1,
})
const cross = (runId: string, date: number): CrossSection => ({ runId, date, keys: ['alpha001'], rows: [] })

beforeEach(() => {
  vi.clearAllMocks()
  vi.useRealTimers()
  actions.resetAlphasForTests()
  useAlphas.setState(initialAlphas())
  useAlphas.setState({
    datasets: { status: 'ready', data: [dataset], error: null },
    universe: { datasetId: 1, sectors: [], from: '', to: '', policy: 'strict' },
    library: {
      status: 'ready',
      data: { formulas: [{ key: 'alpha001', name: 'Alpha#1', text: 'rank(close)', source: 'paper', fields: [] }], citation: '' },
      error: null,
    },
    selected: ['alpha001'],
  })
})

describe('alphas actions', () => {
  it('computes, follows the job progress, then reads the last date of the new run sorted by its first good alpha', async () => {
    const pending = deferred<AlphaRun>()
    compute.mockReturnValueOnce(pending.promise)
    crossSection.mockResolvedValue(cross('r1', 300))
    const done = actions.compute()
    const jobId = useAlphas.getState().run.job!.id
    expect(compute.mock.calls[0][0]).toMatchObject({ datasetId: 1, keys: ['alpha001'], jobId })
    handlers.get('pool.status')!({ workers: [], jobs: [{ id: jobId, state: 'running', done: 3, total: 10, etaMs: 500 } as JobInfo] })
    expect(useAlphas.getState().run.job?.info?.done).toBe(3)
    pending.resolve(run('r1'))
    await done
    const s = useAlphas.getState()
    expect(s.run.status).toBe('ready')
    expect(s.dateIndex).toBe(2)
    expect(s.sort).toEqual({ column: 'alpha001', dir: 'desc' })
    expect(crossSection).toHaveBeenCalledWith({ runId: 'r1', date: 300, keys: ['alpha001'] })
  })

  it('a new run cancels the analyses of the old one and drops their late replies', async () => {
    useAlphas.setState({ run: { status: 'ready', data: run('r1'), error: null, job: null }, tab: 'correlation' })
    const late = deferred<unknown>()
    correlation.mockReturnValueOnce(late.promise)
    const loading = actions.loadCorrelation()
    const corrJob = useAlphas.getState().correlation.job!.id
    compute.mockResolvedValueOnce(run('r2'))
    crossSection.mockResolvedValue(cross('r2', 300))
    correlation.mockReturnValueOnce(new Promise(() => {}))
    await actions.compute()
    expect(cancel).toHaveBeenCalledWith({ jobId: corrJob })
    late.resolve({ keys: ['alpha001'], matrix: [[1]] })
    await loading
    // The new run's correlation (the tab is open) is loading; the old reply did not land.
    expect(useAlphas.getState().run.data?.runId).toBe('r2')
    expect(useAlphas.getState().correlation.status).toBe('loading')
    expect(useAlphas.getState().correlation.job?.id).not.toBe(corrJob)
  })

  it('keeps the previous run when a new compute fails', async () => {
    useAlphas.setState({ run: { status: 'ready', data: run('old'), error: null, job: null } })
    compute.mockRejectedValueOnce({ code: 'JOB_CANCELLED', message: 'cancelled' })
    await actions.compute()
    const s = useAlphas.getState()
    expect(s.run.status).toBe('error')
    expect(s.run.error?.code).toBe('JOB_CANCELLED')
    expect(s.run.data?.runId).toBe('old')
  })

  it('drops a cross-section reply that arrives after a newer date was asked for', async () => {
    useAlphas.setState({ run: { status: 'ready', data: run('r1'), error: null, job: null }, dateIndex: 2 })
    const slow = deferred<CrossSection>()
    const fast = deferred<CrossSection>()
    crossSection.mockReturnValueOnce(slow.promise).mockReturnValueOnce(fast.promise)
    const first = actions.loadCross()
    useAlphas.setState({ dateIndex: 1 })
    const second = actions.loadCross()
    fast.resolve(cross('r1', 200))
    await second
    slow.resolve(cross('r1', 300))
    await first
    expect(useAlphas.getState().cross.data?.date).toBe(200)
  })

  it('parses once typing pauses and ignores a stale parse', async () => {
    vi.useFakeTimers()
    parse.mockResolvedValue({ ok: true, normalized: 'rank(close)', fields: ['close'], operators: ['rank'] })
    actions.setEditorText('rank(c')
    actions.setEditorText('rank(close)')
    expect(parse).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(actions.PARSE_DEBOUNCE_MS + 5)
    expect(parse).toHaveBeenCalledTimes(1)
    expect(parse).toHaveBeenCalledWith({ text: 'rank(close)' })
    expect(useAlphas.getState().editor.parse.status).toBe('ok')
  })

  it('blocks compute on a formula that does not parse when nothing else is chosen', () => {
    useAlphas.setState({ selected: [] })
    useAlphas.setState({
      editor: { ...useAlphas.getState().editor, text: 'rank(', parse: { status: 'error', text: 'rank(', result: null, error: null } },
    })
    expect(actions.computeBlocker()).toMatch(/does not parse/)
    useAlphas.setState({ selected: ['alpha001'] })
    expect(actions.computeBlocker()).toBeNull()
  })

  it('sorting by an alpha puts it beneath the chart; steps clamp to the run', () => {
    useAlphas.setState({
      run: { status: 'ready', data: run('r1'), error: null, job: null },
      dateIndex: 2,
      chartKey: null,
      cross: { status: 'ready', data: cross('r1', 300), error: null },
    })
    actions.sortBy('alpha001')
    expect(useAlphas.getState().chartKey).toBe('alpha001')
    actions.stepDate(5)
    expect(useAlphas.getState().dateIndex).toBe(2)
    actions.stepDate(-1)
    expect(useAlphas.getState().dateIndex).toBe(1)
    actions.setDateIso('1970-01-01')
    expect(useAlphas.getState().dateIndex).toBe(0)
  })
})
