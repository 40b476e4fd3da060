/**
 * The alpha screens service (main process): the formula library, user formulas, computes in
 * the engine pool, reads of a run's cross-section and series, and the analyses (tear sheet,
 * correlation, portfolio backtest) as worker jobs. Portfolio backtests are stored as runs in the database.
 *
 * Parsing runs in the main process: it takes microseconds, the binding catches panics, and
 * the editor must not wait behind a long compute queued in the pool.
 */
import { randomUUID } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { AppError, isoDate, lastAtOrBefore, type ParseResult, type Service } from '../../contract'
import type { ServiceDeps } from '../deps'
import type { ComputeFormula } from './compute'
import { loadNative } from '../../native/addon'
import { formulaApi, type FormulaApi } from './formula-api'
import type { AlphaJobs } from './jobs'
import {
  citation,
  deleteUserFormula,
  insertUserFormula,
  paperFormulas,
  toFormula,
  userFormula,
  userFormulas,
  userKey,
} from './library'
import { evictPanels } from './panel'
import { RankScratch, pctRanks } from './rank'
import { RunReader, readRunMeta, removeRuns, runsLocation, runsToEvict, sweepRuns, type RunMeta } from './run-file'
import { storePortfolioBacktest } from './store'

export interface AlphaServiceOptions extends Pick<ServiceDeps<AlphaJobs>, 'db' | 'pool' | 'dataDir' | 'resourcesDir'> {
  /** The addon's formula API, loaded on first use (parse in the main process). */
  engine?: () => FormulaApi
  /** Runs kept on disk (each holds every computed value); older ones are dropped... */
  keepRuns?: number
  /** ...and so are older ones once the kept runs add up to this many bytes (default: see runsLocation). */
  maxRunBytes?: number
  /** Panel files kept in the cache. */
  keepPanels?: number
}

export type AlphaService = Service<'alphas'> & {
  /** Where panel files live. */
  readonly cacheDir: string
  /** Where run files live. */
  readonly runsDir: string
  /** Removes this session's run files (the app's shutdown). */
  close(): void
}

const metaCacheSize = 16

/** Parse error as one line with its position, for messages. */
export function describeParseError(error: Extract<ParseResult, { ok: false }>['error']): string {
  const where = /\bcolumn\b/.test(error.message) ? '' : ` at line ${error.line}, column ${error.column}`
  const hint = error.suggestion && !error.message.includes(error.suggestion) ? ` (did you mean '${error.suggestion}'?)` : ''
  return `${error.message}${where}${hint}`
}

export function createAlphaService(options: AlphaServiceOptions): AlphaService {
  const { db, pool } = options
  const engine = options.engine ?? (() => formulaApi(loadNative()))
  const cacheDir = join(options.dataDir, 'cache')
  const location = runsLocation(options.dataDir)
  try {
    sweepRuns(options.dataDir)
  } catch (err) {
    console.warn('[alphadesk] could not sweep old alpha runs:', err)
  }
  const runsDir = location.dir
  const keepRuns = options.keepRuns ?? 12
  const maxRunBytes = options.maxRunBytes ?? location.maxBytes
  const keepPanels = options.keepPanels ?? 6
  const fieldsCache = new Map<string, string[]>()
  const metas = new Map<string, RunMeta>()

  const fieldsOf = (text: string): string[] => {
    let fields = fieldsCache.get(text)
    if (!fields) {
      const parsed = engine().parseFormula(text)
      fields = parsed.ok ? parsed.fields : []
      fieldsCache.set(text, fields)
    }
    return fields
  }

  const meta = (runId: string): RunMeta => {
    let m = metas.get(runId)
    if (m) {
      metas.delete(runId)
    } else {
      m = readRunMeta(runsDir, runId)
    }
    metas.set(runId, m)
    while (metas.size > metaCacheSize) metas.delete(metas.keys().next().value!)
    return m
  }

  const withReader = <T>(runId: string, work: (r: RunReader) => T): T => {
    let reader: RunReader
    try {
      reader = new RunReader(runsDir, meta(runId))
    } catch (err) {
      metas.delete(runId)
      throw err
    }
    try {
      return work(reader)
    } finally {
      reader.close()
    }
  }

  const resolveFormula = (key: string): ComputeFormula => {
    if (key.startsWith('user:')) {
      const row = userFormula(db, Number(key.slice(5)))
      return { key, name: row.name, text: row.text }
    }
    const paper = paperFormulas(options.resourcesDir).find((f) => f.key === key)
    if (!paper) throw new AppError('NOT_FOUND', `no formula ${key} (the paper's alphas are alpha001..alpha101)`)
    return paper
  }

  const dateIndex = (m: RunMeta, date: number): number => {
    // Exact date, else the last run date on or before it (as of).
    const t = lastAtOrBefore(m.dates, date)
    if (t < 0) throw new AppError('VALIDATION', `the run starts on ${isoDate(m.dates[0])}; no values on or before that date`)
    return t
  }

  const service: AlphaService = {
    cacheDir,
    runsDir,

    close() {
      // Memory-backed runs are only a cache of this session's computes: give the memory back.
      removeRuns(location)
      metas.clear()
    },

    library() {
      const paper = paperFormulas(options.resourcesDir).map((f) => toFormula(f.key, f.name, f.text, 'paper', fieldsOf(f.text)))
      const user = userFormulas(db).map((r) => toFormula(userKey(r.id), r.name, r.text, 'user', fieldsOf(r.text)))
      return { formulas: [...paper, ...user], citation }
    },

    parse({ text }) {
      return engine().parseFormula(text)
    },

    saveFormula({ name, text }) {
      const parsed = engine().parseFormula(text)
      if (!parsed.ok) {
        throw new AppError('VALIDATION', `the formula does not parse: ${describeParseError(parsed.error)}`, { parse: parsed.error })
      }
      const id = insertUserFormula(db, name, text)
      fieldsCache.set(text, parsed.fields)
      return toFormula(userKey(id), name, text, 'user', parsed.fields)
    },

    deleteFormula({ key }) {
      return { deleted: deleteUserFormula(db, Number(key.slice(5))) }
    },

    async compute(input) {
      const keys = [...new Set(input.keys)].filter((k) => k !== 'adhoc')
      const formulas = keys.map(resolveFormula)
      if (input.adhoc) formulas.push({ key: 'adhoc', name: input.adhoc.name, text: input.adhoc.text })
      if (!formulas.length) throw new AppError('VALIDATION', 'choose at least one alpha or type a formula')
      const dataset = db.prepare('SELECT key FROM datasets WHERE id = ?').pluck().get(input.datasetId) as string | undefined
      if (!dataset) throw new AppError('NOT_FOUND', `no dataset with id ${input.datasetId}`)
      const runId = randomUUID()
      const label = `${formulas.length === 1 ? formulas[0].name : `${formulas.length} alphas`} on ${dataset}${input.sectors?.length ? ` (${input.sectors.length} sector${input.sectors.length > 1 ? 's' : ''})` : ''}`
      const run = await pool.run(
        'alphas.compute',
        {
          runId,
          cacheDir,
          runsDir,
          datasetId: input.datasetId,
          sectors: input.sectors?.length ? input.sectors : null,
          from: input.from,
          to: input.to,
          formulas,
        },
        { jobId: input.jobId, label },
      )
      try {
        for (const path of runsToEvict(runsDir, keepRuns, maxRunBytes, new Set([runId]))) {
          metas.delete(basename(path).replace(/\..*$/, ''))
          rm(path, { force: true }).catch(() => {})
        }
        evictPanels(cacheDir, keepPanels)
      } catch (err) {
        console.warn('[alphadesk] alpha cache eviction failed:', err)
      }
      return run
    },

    crossSection({ runId, date, keys }) {
      return withReader(runId, (r) => {
        const m = r.meta
        const t = dateIndex(m, date)
        const wanted = keys ?? m.alphas.filter((a) => a.offset !== null).map((a) => a.key)
        const columns = wanted.map((k) => {
          const c = m.alphas.find((a) => a.key === k)
          if (!c) throw new AppError('NOT_FOUND', `alpha ${k} is not in run ${runId}`)
          return c
        })
        const n = r.n
        const scratch = new RankScratch(n)
        const values = columns.map((c) => (c.offset === null ? null : r.rows(c.offset, t, 1)))
        const ranks = values.map((v) => {
          if (!v) return null
          const out = new Float64Array(n)
          pctRanks(v, out, scratch)
          return out
        })
        const num = (a: Float64Array | null, i: number) => (a && Number.isFinite(a[i]) ? a[i] : null)
        return {
          runId,
          date: m.dates[t],
          keys: wanted,
          rows: m.instruments.map((inst, i) => ({
            instrumentId: inst.id,
            symbol: inst.symbol,
            sector: inst.sector,
            values: values.map((v) => num(v, i)),
            ranks: ranks.map((v) => num(v, i)),
          })),
        }
      })
    },

    series({ runId, key, instrumentId }) {
      return withReader(runId, (r) => {
        const i = r.meta.instruments.findIndex((x) => x.id === instrumentId)
        if (i < 0) throw new AppError('NOT_FOUND', `instrument ${instrumentId} is not in run ${runId}'s universe`)
        const column = r.column(key)
        const values = r.series(column.offset!, i, r.t)
        return { time: r.meta.dates, values: Array.from(values, (v) => (Number.isFinite(v) ? v : null)) }
      })
    },

    async tearSheet({ runId, key, quantiles, jobId }) {
      const m = meta(runId)
      const name = m.alphas.find((a) => a.key === key)?.name ?? key
      return pool.run('alphas.tearSheet', { runsDir, runId, key, quantiles }, { jobId, label: `tear sheet ${name}` })
    },

    async correlation({ runId, keys, jobId }) {
      const m = meta(runId)
      for (const k of keys ?? []) {
        const c = m.alphas.find((a) => a.key === k)
        if (!c) throw new AppError('NOT_FOUND', `alpha ${k} is not in run ${runId}`)
        if (c.offset === null) throw new AppError('VALIDATION', `alpha ${k} did not compute in this run: ${c.error?.message ?? 'no values'}`)
      }
      return pool.run('alphas.correlation', { runsDir, runId, keys }, { jobId, label: 'alpha correlation matrix' })
    },

    async portfolioBacktest({ runId, key, weighting, quantile, costBps, jobId }) {
      const m = meta(runId)
      const column = m.alphas.find((a) => a.key === key)
      if (!column) throw new AppError('NOT_FOUND', `alpha ${key} is not in run ${runId}`)
      const series = await pool.run(
        'alphas.portfolioBacktest',
        { runsDir, runId, key, weighting, quantile, costBps },
        { jobId, label: `portfolio backtest ${column.name}` },
      )
      const backtestId = storePortfolioBacktest(db, m, column, { weighting, quantile, costBps }, series)
      return {
        backtestId,
        key,
        time: series.time,
        equity: series.equity,
        drawdown: series.drawdown,
        returns: series.returns,
        turnover: series.turnover,
        gross: series.gross,
        stats: series.stats,
      }
    },
  }
  return service
}
