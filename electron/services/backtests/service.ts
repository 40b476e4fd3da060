/**
 * The backtests service (main process): validates a spec, prepares bars and signals in a worker
 * (bad input fails before any sweep starts), splits the SL×TP grid's rows across the workers,
 * merges their statistics and stores the run in one transaction — a cancelled or failed sweep
 * stores nothing. One set's trades come from the kept ones or are re-simulated in a worker.
 */
import { randomUUID } from 'node:crypto'
import { cpus } from 'node:os'
import { AppError, type BacktestRun, type BacktestSet, type Service } from '../../contract'
import { loadNative } from '../../native/addon'
import type { ServiceDeps } from '../deps'
import { gridOf } from './grid'
import type { BacktestJobs } from './jobs'
import { generatorConditions } from './signals'
import type { SimSetup } from './simulation'
import { costsForRoot, specTable } from './specs'
import { appendSweepStats, emptySweepStats, equityOf, setStatsAt } from './stats'
import {
  insertRun,
  instrumentOf,
  keptTrades,
  listRuns,
  readRun,
  readStored,
  removeRun,
  type StoredSpec,
  setKept,
  setStatsRow,
} from './store'

export type BacktestServiceDeps = Pick<ServiceDeps<BacktestJobs>, 'db' | 'pool' | 'tasks' | 'resourcesDir'> & {
  /** Workers a sweep is split across (default: the number of cores). */
  parts?: number
}

/** Below this many sets a sweep runs as one job (splitting costs more than it saves). */
const MIN_SETS_TO_SPLIT = 400

function cancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new AppError('JOB_CANCELLED', 'the backtest was cancelled; nothing was stored')
}

export function setupOf(stored: StoredSpec): SimSetup {
  const { spec } = stored
  return {
    instrumentId: stored.instrument.id,
    from: spec.from,
    to: spec.to,
    signals: stored.signals,
    costs: spec.costs,
    options: {
      unit: spec.unit,
      atrPeriod: spec.atrPeriod,
      tie: spec.tie,
      maxHold: spec.maxHold,
      overlap: spec.overlap,
    },
  }
}

/** `SPX breakout 15 · price SL 0.5–5 × TP 0.5–8 · stop first`: what tells runs apart in a list. */
function autoName(symbol: string, spec: BacktestRun['spec'], grid: { sl: number[]; tp: number[] }): string {
  const sig = spec.signals
  const signals =
    sig.kind === 'generator'
      ? `${sig.generator} ${sig.length}${sig.slow ? `/${sig.slow}` : ''}`
      : sig.kind === 'formula'
        ? 'formula'
        : (sig.name ?? 'CSV')
  const range = (v: number[]) => (v.length === 1 ? `${v[0]}` : `${v[0]}–${v[v.length - 1]}`)
  const options = [`${spec.tie} first`, spec.maxHold ? `hold ≤ ${spec.maxHold}` : '', spec.overlap ? 'overlap' : '']
    .filter(Boolean)
    .join(', ')
  return `${symbol} ${signals} · ${spec.unit} SL ${range(grid.sl)} × TP ${range(grid.tp)} · ${options}`
}

export function createBacktestService(deps: BacktestServiceDeps): Service<'backtests'> {
  const { db, pool, tasks } = deps
  const parts = deps.parts ?? Math.max(1, cpus().length)

  const loadSet = async (runId: number, slIndex: number, tpIndex: number): Promise<BacktestSet> => {
    const { stored } = readStored(db, runId)
    if (slIndex >= stored.sl.length)
      throw new AppError('VALIDATION', `slIndex: ${slIndex} is outside the grid (0..${stored.sl.length - 1})`)
    if (tpIndex >= stored.tp.length)
      throw new AppError('VALIDATION', `tpIndex: ${tpIndex} is outside the grid (0..${stored.tp.length - 1})`)
    const sl = stored.sl[slIndex]
    const tp = stored.tp[tpIndex]
    const kept = keptTrades(db, runId, slIndex, tpIndex)
    const row = setStatsRow(db, runId, slIndex, tpIndex)
    if (kept && row) {
      return {
        runId,
        slIndex,
        tpIndex,
        sl,
        tp,
        trades: kept,
        stats: setStatsAt(row, 0),
        equity: equityOf(kept),
        kept: true,
        source: 'stored',
      }
    }
    const r = await pool.run(
      'backtests.set',
      { ...setupOf(stored), sl, tp },
      { label: `Backtest ${stored.instrument.symbol} SL ${sl} TP ${tp}` },
    )
    return {
      runId,
      slIndex,
      tpIndex,
      sl,
      tp,
      trades: r.trades,
      stats: r.stats,
      equity: equityOf(r.trades),
      kept: false,
      source: 'simulated',
    }
  }

  return {
    specs: () => specTable(deps.resourcesDir),
    costsFor: ({ instrumentId }) => costsForRoot(specTable(deps.resourcesDir), instrumentOf(db, { instrumentId }).root),
    generator: ({ generator, length, slow }) => generatorConditions(loadNative(), generator, length, slow),

    run: async ({ spec: input, jobId }): Promise<BacktestRun> => {
      const instrument = instrumentOf(db, input)
      const { root: _root, ...rootCosts } = costsForRoot(specTable(deps.resourcesDir), instrument.root)
      const spec = {
        ...input,
        instrumentId: instrument.id,
        costs: { ...rootCosts, ...input.costs },
      }
      const grid = gridOf(spec.sl, spec.tp)
      const id = jobId ?? randomUUID()
      const label = `Backtest ${instrument.symbol} (${grid.sl.length}×${grid.tp.length})`
      return tasks.run(id, label, async (signal, progress) => {
        const started = Date.now()
        const children: string[] = []
        const cancelChildren = () => {
          for (const child of children) pool.cancel(child)
        }
        signal.addEventListener('abort', cancelChildren)
        try {
          children.push(`${id}:prepare`)
          const prepared = await pool.run(
            'backtests.prepare',
            { ...spec, instrumentId: instrument.id },
            { jobId: `${id}:prepare`, label: `${label}: bars and signals` },
          )
          cancelled(signal)
          const setup: SimSetup = {
            instrumentId: instrument.id,
            from: spec.from,
            to: spec.to,
            signals: prepared.signals,
            costs: spec.costs,
            options: {
              unit: spec.unit,
              atrPeriod: spec.atrPeriod,
              tie: spec.tie,
              maxHold: spec.maxHold,
              overlap: spec.overlap,
            },
          }
          const rows = grid.sl.length
          const count = grid.sl.length * grid.tp.length < MIN_SETS_TO_SPLIT ? 1 : Math.min(parts, rows)
          const per = Math.ceil(rows / count)
          const done = new Array<number>(count).fill(0)
          progress(0, rows)
          const blocks = Array.from({ length: count }, (_, i) => ({
            start: i * per,
            end: Math.min(rows, (i + 1) * per),
          })).filter((b) => b.end > b.start)
          const results = await Promise.all(
            blocks.map((b, i) => {
              const child = `${id}:rows-${b.start}`
              children.push(child)
              return pool.run(
                'backtests.sweep',
                { ...setup, sl: grid.sl.slice(b.start, b.end), tp: grid.tp },
                {
                  jobId: child,
                  label: `${label}: SL rows ${b.start + 1}–${b.end}`,
                  onProgress: (info) => {
                    done[i] = info.done
                    progress(
                      done.reduce((a, x) => a + x, 0),
                      rows,
                    )
                  },
                },
              )
            }),
          ).catch((err) => {
            cancelChildren()
            throw err
          })
          cancelled(signal)
          const stats = emptySweepStats()
          for (const r of results) appendSweepStats(stats, r.stats)
          const { usable, lastBar, atrWarmup } = results[0].info
          const longs = prepared.signals.direction.filter((d) => d > 0).length
          const stored: StoredSpec = {
            spec,
            instrument,
            sl: grid.sl,
            tp: grid.tp,
            signals: prepared.signals,
            signalsInfo: {
              total: prepared.signals.time.length,
              long: longs,
              short: prepared.signals.time.length - longs,
              usable,
              lastBar,
              atrWarmup,
            },
            bars: prepared.bars,
          }
          const name = spec.name?.trim() || autoName(instrument.symbol, spec, grid)
          const runId = insertRun(db, name, stored, stats, Date.now() - started)
          return readRun(db, runId)
        } catch (err) {
          // A worker job stopped by our cancel reports its own label: say what the user did.
          cancelled(signal)
          throw err
        } finally {
          signal.removeEventListener('abort', cancelChildren)
        }
      })
    },

    list: ({ limit }) => listRuns(db, limit),
    get: ({ runId }) => readRun(db, runId),
    set: ({ runId, slIndex, tpIndex }) => loadSet(runId, slIndex, tpIndex),
    keep: async ({ runId, slIndex, tpIndex, keep }) => {
      if (!keep) {
        readStored(db, runId)
        setKept(db, runId, slIndex, tpIndex, null)
        return { kept: false, trades: 0 }
      }
      const set = await loadSet(runId, slIndex, tpIndex)
      setKept(db, runId, slIndex, tpIndex, set.trades)
      return { kept: true, trades: set.trades.length }
    },
    remove: ({ runId }) => ({ removed: removeRun(db, runId) }),
  }
}
