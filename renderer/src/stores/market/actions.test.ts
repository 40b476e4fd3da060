import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Instrument } from '../../../../electron/contract'

// The real client opens a transport on import; the store only needs these calls.
const listInstruments = vi.fn()
const getBars = vi.fn()
const summary = vi.fn()
const compute = vi.fn()
const cancel = vi.fn(async () => ({ cancelled: true }))
vi.mock('../../api/client', () => ({
  api: {
    market: { listInstruments, getBars, listDatasets: vi.fn(), listSectors: vi.fn(async () => []) },
    indicators: { summary, compute },
    jobs: { cancel },
  },
  onEvent: () => () => {},
}))

const { useMarket } = await import('./state')
const actions = await import('./actions')

const inst = (id: number, symbol: string): Instrument => ({
  id,
  datasetId: 1,
  symbol,
  name: null,
  sector: null,
  industry: null,
  subindustry: null,
  root: null,
  expiry: null,
  barCount: 1,
  from: null,
  to: null,
})

function deferred<T>() {
  let resolve!: (v: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

beforeEach(() => {
  vi.clearAllMocks()
  useMarket.setState({ datasetId: 1, selectedId: 99, search: '', sector: null, root: null })
})

describe('market actions', () => {
  it('ignores a stale instrument page that arrives after a newer one', async () => {
    const slow = deferred<{ total: number; items: Instrument[] }>()
    const fast = deferred<{ total: number; items: Instrument[] }>()
    listInstruments.mockReturnValueOnce(slow.promise).mockReturnValueOnce(fast.promise)
    const first = actions.loadInstruments()
    useMarket.setState({ search: 'AAPL' })
    const second = actions.loadInstruments()
    fast.resolve({ total: 1, items: [inst(2, 'AAPL')] })
    await second
    slow.resolve({ total: 2, items: [inst(1, 'A'), inst(3, 'ABC')] })
    await first
    expect(useMarket.getState().instruments.items.map((i) => i.symbol)).toEqual(['AAPL'])
  })

  it('drops an overlay computed for an instrument that is no longer selected', async () => {
    const slow = deferred<unknown>()
    compute
      .mockReturnValueOnce(slow.promise)
      .mockResolvedValueOnce({ instrumentId: 7, kind: 'sma', window: 20, time: [], lines: {}, computeMs: 0.1 })
    useMarket.setState({ selectedId: 5 })
    const first = actions.computeOverlay()
    useMarket.setState({ selectedId: 7 })
    await actions.computeOverlay()
    // The superseded job is cancelled on the engine.
    expect(cancel).toHaveBeenCalledTimes(1)
    slow.resolve({ instrumentId: 5, kind: 'sma', window: 20, time: [], lines: {}, computeMs: 0.1 })
    await first
    expect(useMarket.getState().overlay.data?.instrumentId).toBe(7)
  })

  it('rejects an out-of-range window without calling the engine', async () => {
    useMarket.setState({ selectedId: 5 })
    actions.setOverlayConfig({ kind: 'ema', window: 1 })
    await Promise.resolve()
    expect(compute).not.toHaveBeenCalled()
    expect(useMarket.getState().overlay.error?.code).toBe('VALIDATION')
    actions.setOverlayConfig({ kind: 'sma', window: 20 })
  })
})
