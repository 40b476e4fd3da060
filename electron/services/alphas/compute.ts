/**
 * One alpha compute: the universe's panel (cached), every requested formula evaluated in
 * one engine call (shared subexpressions computed once, kernels multi-threaded) that also
 * writes the values into the run file (no values are copied into JS). Runs in an engine worker (or in-process for the CLI); returns only
 * the run's metadata.
 *
 * Universe: formulas are evaluated on the chosen instruments only (a sector filter builds a
 * panel of those sectors), so rank, scale and IndNeutralize are over the universe the
 * researcher picked — the cross-section they screen is the one the alpha was computed on.
 * Dates: the output covers [from, to]; all earlier data warms the windows up. The run also
 * keeps the closes of up to `forwardDays` dates after `to` for forward returns.
 */
import { AppError, isoDateToUnix, lowCoverage, lowerBound, upperBound, type AlphaRunColumn, type MissingPolicy } from '../../contract'
import type { Db } from '../../db/open'
import type { FormulaApi } from './formula-api'
import { ensurePanel, groupLevels, groupWarnings, type GroupLevel } from './panel'
import { mkdirSync } from 'node:fs'
import { abandonRun, finishRun, publicRun, readRunMeta, runFileVersion, runPaths, type RunColumnMeta, type RunMeta } from './run-file'
import { forwardDays } from './tearsheet'

export interface ComputeFormula {
  key: string
  name: string
  text: string
}

export interface ComputePayload {
  runId: string
  /** `<dataDir>/cache` (panels). */
  cacheDir: string
  /** Where the run file goes (see runsLocation). */
  runsDir: string
  datasetId: number
  sectors: string[] | null
  /** YYYY-MM-DD, inclusive. */
  from?: string
  to?: string
  formulas: ComputeFormula[]
  /** Benchmark baseline: the engine's single-threaded evaluation without shared subexpressions. */
  naive?: boolean
  threads?: number
  /** Missing values in windows (default strict). */
  policy?: MissingPolicy
  /** Identity of the spec on this data (see specKey in the service): identical computes reopen the run. */
  specKey?: string
}

const closeName = '__close'

/** Unix seconds at 00:00 UTC of a YYYY-MM-DD the contract has validated. */
export function dayStart(iso: string): number {
  const ts = isoDateToUnix(iso)
  if (ts === null) throw new AppError('VALIDATION', `not a calendar date: ${iso}`)
  return ts
}

export function computeRun(
  db: Db,
  engine: FormulaApi,
  payload: ComputePayload,
  progress: (done: number, total: number, message?: string) => void = () => {},
) {
  const started = performance.now()
  if (!payload.formulas.length) throw new AppError('VALIDATION', 'choose at least one alpha or type a formula')
  const total = 1000
  progress(0, total, 'preparing the panel')
  const panel = ensurePanel(db, engine, payload.cacheDir, payload.datasetId, payload.sectors, (d, t) =>
    progress(Math.round((100 * d) / Math.max(1, t)), total, 'building the panel'),
  )
  const dates = panel.dates
  const from = payload.from ? dayStart(payload.from) : -Infinity
  const to = payload.to ? dayStart(payload.to) + 86_399 : Infinity
  const tStart = lowerBound(dates, from)
  const tEnd = upperBound(dates, to)
  if (tStart >= tEnd) {
    throw new AppError(
      'VALIDATION',
      `no trading dates between ${payload.from ?? 'the start'} and ${payload.to ?? 'the end'} in this dataset`,
    )
  }
  const tExt = Math.min(dates.length, tEnd + forwardDays)
  const n = panel.instruments.length
  const tOut = tEnd - tStart

  const parsed = payload.formulas.map((f) => engine.parseFormula(f.text))
  const policy: MissingPolicy = payload.policy ?? { mode: 'strict', minShare: 0.5 }
  progress(100, total, 'evaluating')
  // The engine writes every value straight into the run's .bin file (closes first, then one
  // block per alpha that computed) and returns only offsets and finite counts: no values
  // cross into JS. The closes run `forwardDays` past `to` (forward returns); the alphas stop at `to`.
  const paths = runPaths(payload.runsDir, payload.runId)
  mkdirSync(payload.runsDir, { recursive: true })
  const evalStarted = performance.now()
  const evaluation = engine.evaluateFormulas(
    panel.path,
    [{ name: closeName, text: 'close' }, ...payload.formulas.map((f) => ({ name: f.key, text: f.text, to: dates[tEnd - 1] }))],
    {
      from: dates[tStart],
      to: dates[tExt - 1],
      threads: payload.threads,
      naive: payload.naive,
      outputPath: paths.bin,
      policy: policy.mode,
      minShare: policy.minShare,
    },
    (done, all) => progress(100 + Math.round((880 * done) / Math.max(1, all)), total, 'evaluating'),
  )
  const evalMs = performance.now() - evalStarted
  const [closeResult, ...alphaResults] = evaluation.results
  try {
    if (evaluation.symbols.length !== n || evaluation.dates.length !== tExt - tStart) {
      throw new AppError(
        'INTERNAL',
        `the engine returned ${evaluation.dates.length}×${evaluation.symbols.length} values, expected ${tExt - tStart}×${n}`,
      )
    }
    if (closeResult.offset === undefined || closeResult.rows !== tExt - tStart) {
      throw new AppError('INTERNAL', `the engine could not read the closes: ${closeResult.error?.message ?? 'no values'}`)
    }
    progress(980, total, 'writing the run')
    const columns: RunColumnMeta[] = payload.formulas.map((f, k) => {
      const r = alphaResults[k]
      const info = parsed[k]
      const warnings = [...r.warnings]
      if (info.ok) {
        if (info.fields.includes('vwap')) warnings.push('vwap: the data has no VWAP; the typical price (high + low + close) / 3 is used')
        const used = groupLevels.filter((l) => info.fields.includes(`indclass.${l}`)) as GroupLevel[]
        warnings.push(...groupWarnings(used, panel))
      }
      const column: AlphaRunColumn = { key: f.key, name: f.name, text: f.text, ok: false, warnings, coverage: 0 }
      if (r.offset === undefined || r.error) {
        return { ...column, error: r.error ?? { code: 'ENGINE_ERROR', message: 'no values' }, offset: null }
      }
      if (r.rows !== tOut) throw new AppError('INTERNAL', `the engine wrote ${r.rows} dates of ${f.key}, expected ${tOut}`)
      const cells = tOut * n
      return { ...column, ok: true, coverage: cells ? r.finite / cells : 0, offset: r.offset }
    })
    const [, , , , , outputSeconds] = evaluation.stats.seconds
    const meta: RunMeta = {
      version: runFileVersion,
      runId: payload.runId,
      datasetId: payload.datasetId,
      sectors: panel.sectors,
      dates: dates.slice(tStart, tEnd),
      closeDates: dates.slice(tStart, tExt),
      closeOffset: closeResult.offset,
      instruments: panel.instruments.map((r) => ({ id: r.id, symbol: r.symbol, sector: r.sector })),
      alphas: columns,
      computeMs: 0,
      evalMs,
      panel: { cached: panel.cached, buildMs: panel.cached ? 0 : panel.buildMs, bytes: panel.bytes },
      policy,
      specKey: payload.specKey,
      createdAt: new Date().toISOString(),
      timings: { panelMs: evalStarted - started, evalMs, outputMs: 1000 * (outputSeconds ?? 0), metaMs: 0 },
    }
    const metaStarted = performance.now()
    meta.computeMs = metaStarted - started
    finishRun(payload.runsDir, meta)
    meta.timings!.metaMs = performance.now() - metaStarted
    progress(total, total, 'done')
    return publicRun(meta)
  } catch (err) {
    abandonRun(payload.runsDir, payload.runId)
    throw err
  }
}

/**
 * Why the run's low-coverage alphas (below `lowCoverage`) have so few values: the engine
 * re-evaluates just those formulas with a probe on every operator (see diagnoseCoverage) and the
 * diagnoses are written into the run's metadata. A separate job after the compute, so the run
 * shows at once and the reasons follow; returns the run's columns.
 */
export function diagnoseRun(
  db: Db,
  engine: FormulaApi,
  cacheDir: string,
  runsDir: string,
  runId: string,
  threads?: number,
): AlphaRunColumn[] {
  const meta = readRunMeta(runsDir, runId)
  const low = meta.alphas.filter((c) => c.ok && c.coverage < lowCoverage && !c.diagnosis)
  if (low.length) {
    const panel = ensurePanel(db, engine, cacheDir, meta.datasetId, meta.sectors ?? null)
    const policy = meta.policy ?? { mode: 'strict', minShare: 0.5 }
    const options = { from: meta.dates[0], to: meta.dates[meta.dates.length - 1], threads, policy: policy.mode, minShare: policy.minShare }
    const diagnoses = engine.diagnoseCoverage(
      panel.path,
      low.map((c) => ({ name: c.key, text: c.text })),
      options,
    )
    diagnoses.forEach((d, k) => {
      low[k].diagnosis = { summary: d.summary, culprits: d.culprits }
    })
    finishRun(runsDir, meta)
  }
  return publicRun(meta).alphas
}
