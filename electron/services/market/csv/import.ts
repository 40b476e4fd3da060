import { AppError, type DatasetKind, type ImportResult } from '../../../contract'
import type { Db } from '../../../db/open'
import { throttleProgress, type ProgressFn } from '../progress'
import { SAMPLE_KEYS } from '../sample-manifest'
import { writeDataset } from '../store/write-dataset'
import { nowIso } from '../../../contract'
import { csvInvalid } from './issues'
import { parseImportOptions, type ImportCsvInput } from './options'
import { readCsvFiles } from './read'
import { anyPath, type PathPolicy } from '../../../shared/path-policy'
import { resolveSources } from './sources'

function cancelled(): AppError {
  return new AppError('JOB_CANCELLED', 'import cancelled; nothing was written')
}

function assertNameFree(db: Db, name: string): void {
  const clash = db.prepare('SELECT name FROM datasets WHERE name = ? COLLATE NOCASE').get(name) as { name: string } | undefined
  if (clash) throw new AppError('VALIDATION', `a dataset named '${clash.name}' already exists; choose another name`)
}

/** A unique dataset key from its name: lower-case slug, suffixed -2, -3… on clashes; sample keys are reserved. */
export function datasetKeyFor(db: Db, name: string): string {
  const slug =
    name
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'dataset'
  const exists = db.prepare('SELECT 1 FROM datasets WHERE key = ?').pluck()
  let key = slug
  for (let n = 2; (SAMPLE_KEYS as readonly string[]).includes(key) || exists.get(key); n++) key = `${slug}-${n}`
  return key
}

function describeFiles(names: string[]): string {
  const shown = names.slice(0, 3).join(', ')
  return names.length > 3 ? `${shown} and ${names.length - 3} more` : shown
}

/**
 * Imports user CSV files as a new dataset. Everything is read and validated first; any
 * error throws CSV_INVALID (naming file, line, column, field) and nothing is written.
 * Then one transaction writes the dataset, its instruments, bars, stats, the import record
 * and its warnings. Progress goes to `onProgress` (≤ ~10×/s); `signal` cancels up to the
 * write (JOB_CANCELLED, nothing written). Paths are checked by `paths` (default: trusted caller).
 */
export async function importCsv(
  db: Db,
  options: ImportCsvInput,
  onProgress?: ProgressFn,
  signal?: AbortSignal,
  paths: PathPolicy = anyPath,
): Promise<ImportResult> {
  const started = performance.now()
  const startedAt = nowIso()
  const opts = parseImportOptions(options)
  const name = opts.datasetName
  assertNameFree(db, name)
  if (signal?.aborted) throw cancelled()
  const files = await resolveSources(opts.sources, paths)
  const progress = throttleProgress(onProgress)

  const r = await readCsvFiles(files, {
    kind: opts.kind,
    mapping: opts.mapping,
    dateFormat: opts.dateFormat,
    delimiter: opts.delimiter,
    signal,
    onProgress: (rows, bytes, totalBytes) => {
      // Total rows are not known until the end: estimate them from the bytes read so far.
      const estimate = bytes > 0 ? Math.round((rows * totalBytes) / bytes) : 0
      progress({ phase: 'reading', done: rows, total: Math.max(rows, estimate) })
    },
  })
  if (r.errors.count) throw csvInvalid(r.errors)
  if (signal?.aborted) throw cancelled()
  if (r.data.length === 0) throw new AppError('CSV_INVALID', 'no rows to import', { issues: [] })

  // Synchronous from here on: the name check and the write cannot be overtaken by another import.
  assertNameFree(db, name)
  const kind: DatasetKind = opts.kind === 'futures' ? 'futures' : r.intraday ? 'intraday' : 'stocks'
  const fileNames = r.files.map((f) => f.name)
  const result = writeDataset(db, {
    dataset: { key: datasetKeyFor(db, name), name, kind, source: `CSV import: ${describeFiles(fileNames)}`, timezone: 'UTC' },
    data: r.data,
    order: r.order,
    files: fileNames,
    warnings: r.warnings.list(),
    startedAt,
    onProgress: (done, total) => progress({ phase: 'writing', done, total }, done === total),
  })
  return {
    datasetId: result.datasetId,
    instruments: result.instruments,
    rows: result.rows,
    warnings: r.warnings.list(),
    durationMs: Math.round(performance.now() - started),
  }
}
