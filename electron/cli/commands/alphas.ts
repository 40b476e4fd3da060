import { defineCommand, str } from '../command'
/**
 * `alphadesk alphas`: computes alphas over a dataset and writes them in long format
 * (date,symbol,alpha,value) to a CSV or Parquet file.
 *
 * Evaluates in this process through the addon rather than through a pool of workers: a CLI
 * run is one batch with no window to keep responsive, the engine is multi-threaded itself,
 * and the code path is the one the app's compute job runs (same panel cache, same run file).
 */
import { renameSync, rmSync, rmdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { AppError } from '../../contract'
import { openDatabase } from '../../db/open'
import { loadNative } from '../../native/addon'
import { appRoot } from '../../shared/app-root'
import { formulaApi, computeRun, describeParseError, paperFormulas, type ComputeFormula } from '../../services/alphas'
import { diagnoseRun } from '../../services/alphas/compute'
import { userFormula } from '../../services/alphas/library'
import { alphaLongBatches, alphaLongColumns, exportFormats, exportTable, formatFromPath } from '../../services/exports'
import { leaderboardCsv, leaderboardRows } from '../../services/alphas/leaderboard'
import { removeRuns, runPaths, runsLocation, sweepRuns, withRun } from '../../services/alphas/run-file'
import { SAMPLE_KEYS, importSampleData, marketQueries } from '../../services/market'

export interface AlphasArgs {
  dataDir: string
  dataset?: string
  alphas?: string
  formulas: string[]
  sectors?: string
  from?: string
  to?: string
  out?: string
  threads?: string
  /** `export --what alphas`: any export format (csv, json, ndjson, xlsx, parquet), not only CSV/Parquet. */
  anyFormat?: boolean
  /** Also write the leaderboard (one row per alpha) to this CSV file. */
  summary?: string
  policy?: string
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/

function fail(message: string): never {
  throw new AppError('VALIDATION', message)
}

/** "1,2,101", "all", "alpha012", "user:3" → formula keys. */
function selectKeys(spec: string | undefined): string[] {
  if (!spec) return []
  const keys: string[] = []
  for (const part of spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (part === 'all') {
      for (let n = 1; n <= 101; n++) keys.push(`alpha${String(n).padStart(3, '0')}`)
    } else if (/^\d+$/.test(part)) {
      const n = Number(part)
      if (n < 1 || n > 101) fail(`--alphas: ${part} is not one of the paper's alphas (1..101)`)
      keys.push(`alpha${String(n).padStart(3, '0')}`)
    } else if (/^alpha\d{3}$/.test(part) || /^user:\d+$/.test(part)) {
      keys.push(part)
    } else {
      fail(`--alphas: cannot read '${part}' (use numbers 1..101, 'all', alpha012 or user:<id>)`)
    }
  }
  return [...new Set(keys)]
}

export async function computeAlphas(args: AlphasArgs): Promise<number> {
  if (!args.dataset) fail('alphas needs --dataset KEY (see `alphadesk info` for the keys)')
  if (!args.out && !args.summary)
    fail('alphas needs --out FILE.csv or FILE.parquet (the values) and/or --summary FILE.csv (the leaderboard)')
  const format = args.out ? formatFromPath(args.out, args.anyFormat ? exportFormats : ['csv', 'parquet']) : null
  if (args.summary && !/\.csv$/i.test(args.summary)) fail(`--summary: write a .csv file (got ${args.summary})`)
  if (args.policy !== undefined && args.policy !== 'strict' && args.policy !== 'lenient')
    fail(`--policy: strict or lenient (got '${args.policy}')`)
  const policy = { mode: (args.policy ?? 'strict') as 'strict' | 'lenient', minShare: 0.5 }
  for (const [flag, v] of [
    ['--from', args.from],
    ['--to', args.to],
  ] as const) {
    if (v !== undefined && (!isoDate.test(v) || Number.isNaN(Date.parse(v)))) fail(`${flag}: expected a date as YYYY-MM-DD, got '${v}'`)
  }
  const threads = args.threads === undefined ? undefined : Number(args.threads)
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) fail('--threads must be a whole number >= 1')

  const native = loadNative()
  const engine = formulaApi(native)
  const resourcesDir = join(appRoot(), 'resources')
  const keys = selectKeys(args.alphas)
  const formulas: ComputeFormula[] = []
  const paper = paperFormulas(resourcesDir)
  const db = openDatabase(join(args.dataDir, 'alphadesk.sqlite'))
  try {
    for (const key of keys) {
      if (key.startsWith('user:')) {
        const row = userFormula(db, Number(key.slice(5)))
        formulas.push({ key, name: row.name, text: row.text })
      } else {
        formulas.push(paper.find((f) => f.key === key) ?? fail(`no formula ${key}`))
      }
    }
    args.formulas.forEach((text, i) => {
      const parsed = engine.parseFormula(text)
      if (!parsed.ok) fail(`--formula ${JSON.stringify(text)}: ${describeParseError(parsed.error)}`)
      formulas.push({ key: `formula${i + 1}`, name: `formula${i + 1}`, text })
    })
    if (!formulas.length) fail('choose alphas with --alphas 1,2,101 (or all) and/or --formula "..."')

    let id = marketQueries(db).datasetIdOf(args.dataset)
    if (id === undefined && SAMPLE_KEYS.includes(args.dataset)) {
      console.error(`importing the bundled sample data (first use of '${args.dataset}') ...`)
      await importSampleData(db, join(resourcesDir, 'data'))
      id = marketQueries(db).datasetIdOf(args.dataset)
    }
    if (id === undefined) fail(`no dataset '${args.dataset}' in ${args.dataDir} (see \`alphadesk info\`)`)

    const cacheDir = join(args.dataDir, 'cache')
    sweepRuns(args.dataDir)
    const location = runsLocation(args.dataDir)
    const runsDir = location.dir
    const runId = `cli-${randomUUID()}`
    let lastLine = 0
    try {
      const run = computeRun(
        db,
        engine,
        {
          runId,
          cacheDir,
          runsDir,
          datasetId: id,
          sectors: args.sectors
            ? args.sectors
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean)
            : null,
          from: args.from,
          to: args.to,
          formulas,
          threads,
          policy,
        },
        (done, total, message) => {
          if (!process.stderr.isTTY) return
          const now = Date.now()
          if (done < total && now - lastLine < 500) return
          lastLine = now
          process.stderr.write(`\r${message ?? 'computing'} ${Math.round((100 * done) / total)}%    `)
        },
      )
      if (process.stderr.isTTY) process.stderr.write('\n')
      for (const a of run.alphas) {
        if (!a.ok) console.error(`${a.key}: cannot run: ${a.error?.code}: ${a.error?.message}`)
        for (const w of a.warnings) console.error(`${a.key}: warning: ${w}`)
      }
      for (const f of formulas.filter((f) => f.key.startsWith('formula'))) console.error(`${f.key} = ${f.text}`)
      for (const a of diagnoseRun(db, engine, cacheDir, runsDir, runId, threads)) {
        if (a.diagnosis) console.error(`${a.key}: low coverage: ${a.diagnosis.summary}`)
      }
      const ok = run.alphas.filter((a) => a.ok).length
      if (args.out && format) {
        const { rows } = await exportTable({
          format,
          out: args.out,
          columns: alphaLongColumns,
          source: alphaLongBatches(runsDir, runId),
          sheetPerGroup: true,
        })
        console.log(
          `wrote ${rows.toLocaleString('en-US')} values of ${ok} alpha${ok === 1 ? '' : 's'} × ${run.instruments.length} instruments × ${run.dates.length} dates to ${args.out} ` +
            `(engine ${((run.evalMs ?? 0) / 1000).toFixed(2)} s, total ${(run.computeMs / 1000).toFixed(2)} s; missing values are left out)`,
        )
      }
      if (args.summary) {
        const rows = withRun(runsDir, runId, (reader) => leaderboardRows(reader, 5, 5, native.summaryStats))
        const tmp = `${args.summary}.tmp-${process.pid}`
        writeFileSync(tmp, leaderboardCsv(rows))
        renameSync(tmp, args.summary)
        console.log(`wrote the leaderboard of ${rows.length} alphas (5 quantiles, 5 bps) to ${args.summary}`)
      }
      return ok === run.alphas.length ? 0 : 3
    } finally {
      // The run was only the way to the CSV file.
      rmSync(runPaths(runsDir, runId).bin, { force: true })
      rmSync(runPaths(runsDir, runId).json, { force: true })
      if (location.memory) removeRuns(location)
      else removeIfEmpty(runsDir)
    }
  } finally {
    db.close()
  }
}

function removeIfEmpty(dir: string): void {
  try {
    rmdirSync(dir)
  } catch {
    // not empty (an app on the same data directory keeps its runs there) or already gone
  }
}

export const command = defineCommand({
  name: 'alphas',
  summary: 'compute alphas over a dataset and write date,symbol,alpha,value rows (missing values left out)',
  usage: `--data-dir DIR  --dataset KEY  [--alphas 1,2,101|all]  [--formula "rank(close)"]...
           [--sectors "Energy,Utilities"]  [--from YYYY-MM-DD]  [--to YYYY-MM-DD]  [--threads N]  [--policy strict|lenient]
           --out FILE.csv|FILE.parquet (the values) and/or --summary FILE.csv (the leaderboard: one row per alpha)
           (exit code 3 when some alpha could not run, e.g. alpha 56 without market caps)`,
  options: {
    dataset: { type: 'string' },
    alphas: { type: 'string' },
    formula: { type: 'string', multiple: true },
    sectors: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    out: { type: 'string' },
    threads: { type: 'string' },
    summary: { type: 'string' },
    policy: { type: 'string' },
  },
  run: ({ values, dataDir }) =>
    computeAlphas({
      dataDir,
      dataset: str(values, 'dataset'),
      alphas: str(values, 'alphas'),
      formulas: (values.formula as string[] | undefined) ?? [],
      sectors: str(values, 'sectors'),
      from: str(values, 'from'),
      to: str(values, 'to'),
      out: str(values, 'out'),
      threads: str(values, 'threads'),
      summary: str(values, 'summary'),
      policy: str(values, 'policy'),
    }),
})
