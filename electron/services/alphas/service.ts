/**
 * The alpha screens service (main process): the formula library, user formulas, computes in
 * the engine pool, reads of a run's cross-section and series, and the analyses (tear sheet,
 * correlation, portfolio backtest) as worker jobs. Portfolio backtests are stored as runs in the database.
 *
 * Parsing runs in the main process: it takes microseconds, the binding catches panics, and
 * the editor must not wait behind a long compute queued in the pool.
 */
import { createHash, randomUUID } from 'node:crypto'
import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync, rmSync, statSync } from 'node:fs'
import { copyFile, rm } from 'node:fs/promises'
import { basename, join } from 'node:path'
import {
  type AlphaRun,
  type AlphaRunSummary,
  AppError,
  isoDate,
  lastAtOrBefore,
  lowCoverage,
  type MissingPolicy,
  type ParseResult,
  type Service,
} from '../../contract'
import { loadNative } from '../../native/addon'
import type { ServiceDeps } from '../deps'
import type { ComputeFormula } from './compute'
import { type FormulaApi, formulaApi } from './formula-api'
import type { AlphaJobs } from './jobs'
import { citation, deleteUserFormula, insertUserFormula, paperFormulas, toFormula, userFormula, userFormulas, userKey } from './library'
import { evictPanels, panelVersion } from './panel'
import { pctRanks, RankScratch } from './rank'
import {
  finishRun,
  publicRun,
  type RunMeta,
  RunReader,
  readRunMeta,
  removeRuns,
  runPaths,
  runsLocation,
  runsToEvict,
  sweepRuns,
} from './run-file'
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

/** The identity of a compute: the same spec on the same data gives the same key (and reopens that run). */
export function specKey(spec: {
  data: string
  sectors: string[] | null
  from?: string
  to?: string
  formulas: ComputeFormula[]
  policy: MissingPolicy
}): string {
  const policy = spec.policy.mode === 'strict' ? 'strict' : `lenient:${spec.policy.minShare}`
  const sectors = spec.sectors?.length ? [...new Set(spec.sectors)].sort() : null
  const formulas = spec.formulas.map((f) => [f.key, f.name, f.text])
  return createHash('sha256')
    .update(
      JSON.stringify({
        data: spec.data,
        sectors,
        from: spec.from ?? null,
        to: spec.to ?? null,
        formulas,
        policy,
      }),
    )
    .digest('hex')
    .slice(0, 32)
}

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
  // Pinned runs live on disk under the data directory and survive restarts; the others are this session's cache.
  const pinnedDir = join(options.dataDir, 'alpha-runs')
  const dirOf = (runId: string): string => (existsSync(runPaths(pinnedDir, runId).json) ? pinnedDir : runsDir)
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
      m = readRunMeta(dirOf(runId), runId)
    }
    metas.set(runId, m)
    while (metas.size > metaCacheSize) metas.delete(metas.keys().next().value!)
    return m
  }

  const withReader = <T>(runId: string, work: (r: RunReader) => T): T => {
    let reader: RunReader
    try {
      reader = new RunReader(dirOf(runId), meta(runId))
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

  const bytesOf = (runId: string): number => {
    try {
      return statSync(runPaths(dirOf(runId), runId).bin).size
    } catch {
      return 0
    }
  }

  const publicOf = (m: RunMeta): AlphaRun => ({
    ...publicRun(m),
    bytes: bytesOf(m.runId),
    pinned: dirOf(m.runId) === pinnedDir,
  })

  /** Every complete run on disk (this session's and the pinned ones). */
  const allMetas = (): RunMeta[] => {
    const out: RunMeta[] = []
    for (const dir of [pinnedDir, runsDir]) {
      if (!existsSync(dir)) continue
      for (const name of readdirSync(dir)) {
        if (!name.endsWith('.json')) continue
        const id = name.slice(0, -5)
        if (!existsSync(runPaths(dir, id).bin)) continue
        try {
          out.push(readRunMeta(dir, id))
        } catch {
          // another version, or half gone: not in the history
        }
      }
    }
    return out
  }

  /** Moves a run's files between the session cache and the pinned folder (values first, metadata last). */
  const moveRun = async (runId: string, from: string, to: string) => {
    mkdirSync(to, { recursive: true })
    const src = runPaths(from, runId)
    const dst = runPaths(to, runId)
    await copyFile(src.bin, dst.bin)
    await copyFile(src.json, dst.json)
    rmSync(src.json, { force: true })
    rmSync(src.bin, { force: true })
    metas.delete(runId)
  }

  /** Appends block `[offset, offset + bytes)` of one run file to another; returns where it landed. */
  const appendBlock = (fromBin: string, offset: number, bytes: number, toBin: string): number => {
    const at = statSync(toBin).size
    const fd = openSync(fromBin, 'r')
    try {
      const chunk = Buffer.allocUnsafe(Math.min(bytes, 8 << 20))
      for (let done = 0; done < bytes; ) {
        const got = readSync(fd, chunk, 0, Math.min(chunk.length, bytes - done), offset + done)
        if (got <= 0) throw new AppError('INTERNAL', 'the ad-hoc run file is truncated')
        appendFileSync(toBin, chunk.subarray(0, got))
        done += got
      }
    } finally {
      closeSync(fd)
    }
    return at
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
      const policy: MissingPolicy = {
        mode: input.policy,
        minShare: input.minShare,
      }
      if (input.addTo) {
        // The ad-hoc formula as a new column of an open run: same universe, dates and policy.
        if (!input.adhoc) throw new AppError('VALIDATION', 'addTo needs an ad-hoc formula to add')
        const m = meta(input.addTo)
        const dir = dirOf(input.addTo)
        let k = 1
        while (m.alphas.some((a) => a.key === `adhoc-${k}`)) k++
        const key = `adhoc-${k}`
        const tmpId = `adhoc-${randomUUID()}`
        const added = await pool.run(
          'alphas.compute',
          {
            runId: tmpId,
            cacheDir,
            runsDir,
            datasetId: m.datasetId,
            sectors: m.sectors ?? null,
            from: isoDate(m.dates[0]),
            to: isoDate(m.dates[m.dates.length - 1]),
            formulas: [{ key, name: input.adhoc.name, text: input.adhoc.text }],
            policy: m.policy ?? policy,
          },
          {
            jobId: input.jobId,
            label: `${input.adhoc.name} added to the open run`,
          },
        )
        try {
          if (added.dates.length !== m.dates.length || added.instruments.length !== m.instruments.length) {
            throw new AppError('VALIDATION', 'the data changed since this run was computed; compute the formula as its own run')
          }
          const tmpMeta = readRunMeta(runsDir, tmpId)
          const column = tmpMeta.alphas[0]
          const offset =
            column.offset === null
              ? null
              : appendBlock(
                  runPaths(runsDir, tmpId).bin,
                  column.offset,
                  m.dates.length * m.instruments.length * 8,
                  runPaths(dir, m.runId).bin,
                )
          const next: RunMeta = {
            ...m,
            alphas: [...m.alphas, { ...column, offset }],
            specKey: undefined,
          }
          finishRun(dir, next)
          metas.delete(m.runId)
          return publicOf(next)
        } finally {
          rmSync(runPaths(runsDir, tmpId).bin, { force: true })
          rmSync(runPaths(runsDir, tmpId).json, { force: true })
        }
      }
      const keys = [...new Set(input.keys)].filter((k) => !k.startsWith('adhoc'))
      const formulas = keys.map(resolveFormula)
      if (input.adhoc)
        formulas.push({
          key: 'adhoc',
          name: input.adhoc.name,
          text: input.adhoc.text,
        })
      if (!formulas.length) throw new AppError('VALIDATION', 'choose at least one alpha or type a formula')
      const dataset = db.prepare('SELECT key FROM datasets WHERE id = ?').pluck().get(input.datasetId) as string | undefined
      if (!dataset) throw new AppError('NOT_FOUND', `no dataset with id ${input.datasetId}`)
      const sectors = input.sectors?.length ? input.sectors : null
      // The same spec on the same data: reopen that run instead of computing it again.
      const key = specKey({
        data: panelVersion(db, input.datasetId, sectors),
        sectors,
        from: input.from,
        to: input.to,
        formulas,
        policy,
      })
      const existing = allMetas().find((m) => m.specKey === key)
      if (existing) return { ...publicOf(existing), reused: true }
      const runId = randomUUID()
      const label = `${formulas.length === 1 ? formulas[0].name : `${formulas.length} alphas`} on ${dataset}${input.sectors?.length ? ` (${input.sectors.length} sector${input.sectors.length > 1 ? 's' : ''})` : ''}`
      const run = await pool.run(
        'alphas.compute',
        {
          runId,
          cacheDir,
          runsDir,
          datasetId: input.datasetId,
          sectors,
          from: input.from,
          to: input.to,
          formulas,
          policy,
          specKey: key,
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
      return { ...run, bytes: bytesOf(runId), pinned: false }
    },

    async diagnose({ runId, jobId }) {
      const m = meta(runId)
      if (!m.alphas.some((c) => c.ok && c.coverage < lowCoverage && !c.diagnosis)) return publicRun(m).alphas
      const columns = await pool.run('alphas.diagnose', { runsDir: dirOf(runId), runId, cacheDir }, { jobId, label: 'coverage diagnosis' })
      metas.delete(runId)
      return columns
    },

    runs() {
      const keyOf = db.prepare('SELECT key FROM datasets WHERE id = ?').pluck()
      return allMetas()
        .map(
          (m): AlphaRunSummary => ({
            runId: m.runId,
            datasetId: m.datasetId,
            datasetKey: (keyOf.get(m.datasetId) as string | undefined) ?? null,
            sectors: m.sectors ?? null,
            from: m.dates[0],
            to: m.dates[m.dates.length - 1],
            instruments: m.instruments.length,
            alphas: m.alphas.map((a) => ({
              key: a.key,
              name: a.name,
              text: a.text,
            })),
            policy: m.policy ?? { mode: 'strict', minShare: 0.5 },
            createdAt: m.createdAt,
            computeMs: m.computeMs,
            bytes: bytesOf(m.runId),
            pinned: dirOf(m.runId) === pinnedDir,
          }),
        )
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    },

    openRun({ runId }) {
      const m = meta(runId)
      if (!existsSync(runPaths(dirOf(runId), runId).bin))
        throw new AppError('NOT_FOUND', `alpha run ${runId}'s values were removed; compute again`)
      return publicOf(m)
    },

    async pinRun({ runId, pinned }) {
      meta(runId)
      const dir = dirOf(runId)
      if (pinned && dir !== pinnedDir) await moveRun(runId, runsDir, pinnedDir)
      if (!pinned && dir === pinnedDir) await moveRun(runId, pinnedDir, runsDir)
      return { pinned }
    },

    deleteRun({ runId }) {
      const dir = dirOf(runId)
      const { bin, json } = runPaths(dir, runId)
      const existed = existsSync(json)
      rmSync(json, { force: true })
      rmSync(bin, { force: true })
      metas.delete(runId)
      return { deleted: existed }
    },

    async leaderboard({ runId, quantiles, costBps, jobId }) {
      const m = meta(runId)
      const rows = await pool.run(
        'alphas.leaderboard',
        { runsDir: dirOf(runId), runId, quantiles, costBps },
        { jobId, label: `leaderboard of ${m.alphas.length} alphas` },
      )
      return { runId, quantiles, costBps, rows }
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
        return {
          time: r.meta.dates,
          values: Array.from(values, (v) => (Number.isFinite(v) ? v : null)),
        }
      })
    },

    async tearSheet({ runId, key, quantiles, jobId }) {
      const m = meta(runId)
      const name = m.alphas.find((a) => a.key === key)?.name ?? key
      return pool.run('alphas.tearSheet', { runsDir: dirOf(runId), runId, key, quantiles }, { jobId, label: `tear sheet ${name}` })
    },

    async correlation({ runId, keys, jobId }) {
      const m = meta(runId)
      for (const k of keys ?? []) {
        const c = m.alphas.find((a) => a.key === k)
        if (!c) throw new AppError('NOT_FOUND', `alpha ${k} is not in run ${runId}`)
        if (c.offset === null)
          throw new AppError('VALIDATION', `alpha ${k} did not compute in this run: ${c.error?.message ?? 'no values'}`)
      }
      return pool.run('alphas.correlation', { runsDir: dirOf(runId), runId, keys }, { jobId, label: 'alpha correlation matrix' })
    },

    async portfolioBacktest({ runId, key, weighting, quantile, costBps, jobId }) {
      const m = meta(runId)
      const column = m.alphas.find((a) => a.key === key)
      if (!column) throw new AppError('NOT_FOUND', `alpha ${key} is not in run ${runId}`)
      const series = await pool.run(
        'alphas.portfolioBacktest',
        { runsDir: dirOf(runId), runId, key, weighting, quantile, costBps },
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
