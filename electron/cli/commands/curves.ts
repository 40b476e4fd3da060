/**
 * `alphadesk curves`: one view of a root's futures curves as a table (CSV or Parquet) — the
 * curve per date, deviations from the front contract, spreads, Nelson–Siegel/Svensson fits,
 * PCA, a continuous contract. Runs the curves service with its jobs executed in this process
 * (one batch, nothing to keep responsive): the same code and numbers as the screen.
 */
import { join } from 'node:path'
import { AppError, curveTableInput, isoDateToUnix } from '../../contract'
import { openDatabase } from '../../db/open'
import { loadNative } from '../../native/addon'
import type { JobRunner } from '../../pool/jobs'
import { appRoot } from '../../shared/app-root'
import { createCurvesService, curvesJobs, type CurvesJobs } from '../../services/curves'
import { writeTableCsv, writeTableParquet } from '../../services/curves/write-table'
import { SAMPLE_KEYS, importSampleData, marketQueries } from '../../services/market'
import { defineCommand, str, type CommandArgs } from '../command'

function fail(message: string): never {
  throw new AppError('VALIDATION', message)
}

/** Runs the domain's jobs inline, in this process. */
function inlineRunner(dbPath: string): JobRunner<CurvesJobs> {
  const db = openDatabase(dbPath, { readonly: true })
  const ctx = { native: loadNative(), db: () => db, progress: () => {} }
  return {
    run: async (kind, payload) => (curvesJobs[kind] as (p: unknown, c: typeof ctx) => unknown)(payload, ctx) as never,
    cancel: () => false,
  }
}

const numbers = (flag: string, v: string | undefined) =>
  v === undefined
    ? undefined
    : v.split(',').map((s) => {
        const n = Number(s.trim())
        if (!Number.isFinite(n)) fail(`--${flag}: '${s}' is not a number`)
        return n
      })

/** "spread:1:2,contango:4:7" → pairs. */
function pairs(v: string | undefined) {
  if (v === undefined) return undefined
  return v.split(',').map((part) => {
    const [kind, a, b] = part.trim().split(':')
    if (!kind || a === undefined || b === undefined)
      fail(`--pairs: write kind:a:b (e.g. spread:1:2,contango:4:7,rollYield:1:2), got '${part}'`)
    return { kind, a: Number(a), b: Number(b) }
  })
}

function date(flag: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined
  return isoDateToUnix(v) ?? fail(`--${flag}: expected a date as YYYY-MM-DD, got '${v}'`)
}

async function run({ values, dataDir }: CommandArgs): Promise<number> {
  const dataset = str(values, 'dataset') ?? fail('curves needs --dataset KEY (see `alphadesk info`)')
  const root = str(values, 'root') ?? fail('curves needs --root (e.g. CL, NG, VX)')
  const out = str(values, 'out') ?? fail('curves needs --out FILE.csv or FILE.parquet')
  const format = /\.parquet$/i.test(out)
    ? 'parquet'
    : /\.csv$/i.test(out)
      ? 'csv'
      : fail(`--out: write a .csv or .parquet file (got ${out})`)
  const dbPath = join(dataDir, 'alphadesk.sqlite')
  const resourcesDir = join(appRoot(), 'resources')
  const db = openDatabase(dbPath)
  try {
    let datasetId = marketQueries(db).datasetIdOf(dataset)
    if (datasetId === undefined && SAMPLE_KEYS.includes(dataset)) {
      console.error(`importing the bundled sample data (first use of '${dataset}') ...`)
      await importSampleData(db, join(resourcesDir, 'data'))
      datasetId = marketQueries(db).datasetIdOf(dataset)
    }
    if (datasetId === undefined) fail(`no dataset '${dataset}' in ${dataDir} (see \`alphadesk info\`)`)
    const parsed = curveTableInput.safeParse({
      datasetId,
      root,
      what: str(values, 'what') ?? 'curve',
      from: date('from', str(values, 'from')),
      to: date('to', str(values, 'to')),
      maxTenors: numbers('max-tenors', str(values, 'max-tenors'))?.[0],
      pairs: pairs(str(values, 'pairs')),
      cm: numbers('cm', str(values, 'cm')),
      slopeTenors: numbers('slope', str(values, 'slope'))?.[0],
      model: str(values, 'model'),
      lambda: numbers('lambda', str(values, 'lambda'))?.[0],
      lambda2: numbers('lambda2', str(values, 'lambda2'))?.[0],
      fitLambda: values['fit-lambda'] === true,
      minTau: numbers('min-tau', str(values, 'min-tau'))?.[0],
      maturities: numbers('maturities', str(values, 'maturities')),
      flat: values['no-flat'] !== true,
      rule: str(values, 'rule'),
      days: numbers('days', str(values, 'days'))?.[0],
      adjust: str(values, 'adjust'),
    })
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      fail(`--${String(issue.path[0] ?? 'options').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${issue.message}`)
    }
    const service = createCurvesService({ db, resourcesDir, pool: inlineRunner(dbPath) })
    const started = performance.now()
    const table = await service.table(parsed.data)
    if (format === 'csv') await writeTableCsv(table, out)
    else await writeTableParquet(table, out)
    console.log(
      `wrote ${table.rows.length.toLocaleString('en-US')} rows (${table.columns.join(',')}) to ${out} in ${((performance.now() - started) / 1000).toFixed(2)} s`,
    )
    return 0
  } finally {
    db.close()
  }
}

export const command = defineCommand({
  name: 'curves',
  summary: "a root's futures curves as a table: curve, deviation, spreads, ns, pca or continuous",
  usage: `--data-dir DIR  --dataset KEY  --root CL  --what curve|deviation|spreads|ns|pca|continuous  --out FILE.csv|FILE.parquet
           [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--max-tenors K]
           spreads:    [--pairs spread:1:2,contango:4:7,rollYield:1:2] [--cm 30,60,90] [--slope K (0 = all)]
           ns:         [--model ns|svensson] [--lambda 0.0058] [--lambda2 0.03] [--fit-lambda] [--min-tau DAYS]
           pca:        [--maturities 30,60,90,120,150,180] [--no-flat]
           continuous: [--rule days|volume|openInterest] [--days 5] [--adjust none|difference|ratio]`,
  options: {
    dataset: { type: 'string' },
    root: { type: 'string' },
    what: { type: 'string' },
    out: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    'max-tenors': { type: 'string' },
    pairs: { type: 'string' },
    cm: { type: 'string' },
    slope: { type: 'string' },
    model: { type: 'string' },
    lambda: { type: 'string' },
    lambda2: { type: 'string' },
    'fit-lambda': { type: 'boolean' },
    'min-tau': { type: 'string' },
    maturities: { type: 'string' },
    'no-flat': { type: 'boolean' },
    rule: { type: 'string' },
    days: { type: 'string' },
    adjust: { type: 'string' },
  },
  run,
})
