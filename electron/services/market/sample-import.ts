import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse as parseSync } from 'csv-parse/sync'
import { AppError } from '../../contract'
import type { Db } from '../../db/open'
import { formatIssue } from './csv/issues'
import { readCsvFiles } from './csv/read'
import { fileFromPath } from './csv/sources'
import { contractCode, monthLabel, parseContractCode } from './futures-codes'
import { throttleProgress, type ProgressFn } from './progress'
import { SAMPLE_DATASETS, SAMPLE_EXPIRIES_FILE, SAMPLE_KEYS, SAMPLE_SECTORS_FILE, type SampleDataset } from './sample-manifest'
import type { InstrumentMeta } from './store/write-dataset'
import { writeDataset } from './store/write-dataset'
import { nowIso } from '../../contract'

export interface SampleDatasetSummary {
  key: string
  datasetId: number
  instruments: number
  rows: number
  warnings: number
  ms: number
}

export interface SampleImportSummary {
  datasets: SampleDatasetSummary[]
  /** Keys already in the database, left alone. */
  skipped: string[]
  rows: number
  durationMs: number
}

/** True when every sample dataset is in the database. */
export function sampleImported(db: Db): boolean {
  const n = db
    .prepare(`SELECT COUNT(*) FROM datasets WHERE key IN (${SAMPLE_KEYS.map(() => '?').join(',')})`)
    .pluck()
    .get(...SAMPLE_KEYS) as number
  return n === SAMPLE_KEYS.length
}

async function readCsvObjects(path: string): Promise<Record<string, string>[]> {
  return parseSync(await readFile(path, 'utf8'), { columns: true, bom: true, skip_empty_lines: true, trim: true })
}

type MetaFn = (symbol: string) => InstrumentMeta | undefined

/** Per-dataset extras: names, sectors, contract data. */
async function metadataFor(spec: SampleDataset, dir: string): Promise<MetaFn> {
  switch (spec.key) {
    case 'sp500': {
      const bySymbol = new Map<string, InstrumentMeta>()
      for (const r of await readCsvObjects(join(dir, SAMPLE_SECTORS_FILE))) {
        bySymbol.set(r.symbol, {
          name: r.name || null,
          sector: r.gics_sector || null,
          // The file has no GICS industry; the 2023 sub-industry is there for 400 of 505.
          industry: null,
          subindustry: r.gics_sub_industry_2023 || null,
        })
      }
      return (s) => bySymbol.get(s)
    }
    case 'vx':
      // VX contracts are named for their expiry month (VXF13 expires 2013-01-16).
      return (s) => {
        const c = parseContractCode(s)
        return c ? { name: `VIX futures ${monthLabel(c.contractMonth)}` } : undefined
      }
    case 'cl_ng': {
      const names: Record<string, string> = { CL: 'WTI crude oil', NG: 'Henry Hub natural gas' }
      const byContract = new Map<string, InstrumentMeta>()
      for (const r of await readCsvObjects(join(dir, SAMPLE_EXPIRIES_FILE))) {
        byContract.set(r.contract, {
          name: `${names[r.root] ?? r.root} ${monthLabel(r.contract_month)}`,
          root: r.root,
          expiry: r.last_trade_date,
          contractMonth: r.contract_month,
        })
      }
      return (s) => byContract.get(s)
    }
    case 'spx_1min':
      return () => ({ name: 'S&P 500 index' })
    default:
      return () => undefined
  }
}

/**
 * Imports the bundled sample data (resources/data) — S&P 500 stocks with sectors, VX
 * futures, CL/NG curves, S&P 500 one-minute bars — one transaction per dataset. Datasets
 * already present are skipped, so an interrupted first run resumes. Known defects in the
 * files are stored as import warnings; they do not stop the import.
 */
export async function importSampleData(
  db: Db,
  resourcesDataDir: string,
  onProgress?: (p: { phase: string; done: number; total: number }) => void,
): Promise<SampleImportSummary> {
  const started = performance.now()
  const progress = throttleProgress(onProgress as ProgressFn | undefined)
  const present = new Set((db.prepare('SELECT key FROM datasets').pluck().all() as string[]).filter((k) => SAMPLE_KEYS.includes(k)))
  const todo = SAMPLE_DATASETS.filter((d) => !present.has(d.key))
  const total = todo.reduce((s, d) => s + d.rows, 0)
  const summary: SampleImportSummary = { datasets: [], skipped: [...present], rows: 0, durationMs: 0 }
  let before = 0

  for (const spec of todo) {
    const t0 = performance.now()
    const startedAt = nowIso()
    const phase = `importing ${spec.name}`
    progress({ phase, done: before, total }, true)
    const path = join(resourcesDataDir, spec.file)
    const file = await fileFromPath(path, spec.file, spec.key === 'spx_1min' ? 'SPX' : undefined).catch(() => {
      throw new AppError('IMPORT_FAILED', `sample data file missing: ${path}`)
    })
    const read = await readCsvFiles([file], {
      kind: spec.csvKind,
      dateFormat: spec.dateFormat,
      // Cboe's VX files: 0 means "no value" (no trade; no settlement on 2013 rows).
      zeroPriceIsMissing: spec.key === 'vx',
      warnFileSymbol: false,
      deriveSymbol: (root, expiry) => contractCode(root, +expiry.slice(0, 4), +expiry.slice(5, 7)),
      onProgress: (rows) => progress({ phase, done: before + Math.min(rows, spec.rows), total }),
    })
    if (read.errors.count) {
      const first = read.errors.items[0]
      throw new AppError('IMPORT_FAILED', `sample data: ${formatIssue(first)}`, { issues: read.errors.list() })
    }
    const meta = await metadataFor(spec, resourcesDataDir).catch((err: unknown) => {
      throw new AppError(
        'IMPORT_FAILED',
        `sample data: cannot read the metadata of ${spec.key}: ${err instanceof Error ? err.message : String(err)}`,
      )
    })
    const warnings = read.warnings.list()
    const written = writeDataset(db, {
      dataset: { key: spec.key, name: spec.name, kind: spec.kind, source: spec.source, timezone: spec.timezone },
      data: read.data,
      order: read.order,
      meta,
      files: [spec.file, ...(spec.key === 'sp500' ? [SAMPLE_SECTORS_FILE] : spec.key === 'cl_ng' ? [SAMPLE_EXPIRIES_FILE] : [])],
      warnings,
      startedAt,
    })
    before += spec.rows
    summary.rows += written.rows
    summary.datasets.push({
      key: spec.key,
      datasetId: written.datasetId,
      instruments: written.instruments,
      rows: written.rows,
      warnings: read.warnings.count,
      ms: Math.round(performance.now() - t0),
    })
  }
  summary.durationMs = Math.round(performance.now() - started)
  progress({ phase: 'done', done: total, total }, true)
  return summary
}
