import { defineCommand, str } from '../command'
import { basename, join } from 'node:path'
import { AppError, csvKinds, dateFormats, type CsvIssue, type CsvKind, type DateFormat } from '../../contract'
import { openDatabase } from '../../db/open'
import { importCsv } from '../../services/market'
import { etaMs } from '../../shared/eta'
import { formatEta } from '../progress'

export interface ImportArgs {
  dataDir: string
  name?: string
  kind: string
  dateFormat: string
  paths: string[]
}

export function formatIssue(issue: CsvIssue): string {
  const where = [issue.file, issue.line, issue.column].filter((x) => x !== undefined).join(':')
  return `${where}: ${issue.field ? `${issue.field}: ` : ''}${issue.message}`
}

export async function importFiles(args: ImportArgs): Promise<number> {
  if (!args.paths.length) throw new Error('import needs at least one file or folder')
  if (!(csvKinds as readonly string[]).includes(args.kind)) throw new Error(`--kind must be one of ${csvKinds.join(', ')}`)
  if (!(dateFormats as readonly string[]).includes(args.dateFormat)) {
    throw new Error(`--date-format must be one of ${dateFormats.join(', ')}`)
  }
  const db = openDatabase(join(args.dataDir, 'alphadesk.sqlite'))
  const started = Date.now()
  try {
    const result = await importCsv(
      db,
      {
        sources: args.paths.map((path) => ({ path })),
        kind: args.kind as CsvKind,
        dateFormat: args.dateFormat as DateFormat,
        datasetName: args.name ?? basename(args.paths[0]).replace(/\.[^.]+$/, ''),
      },
      (p) => {
        if (p.total > 0)
          process.stderr.write(`\rimporting ${p.done}/${p.total} rows (ETA ${formatEta(etaMs(started, p.done, p.total))})   `)
      },
    )
    process.stderr.write('\n')
    for (const w of result.warnings) console.warn(`warning: ${formatIssue(w)}`)
    console.log(
      `imported ${result.rows} rows, ${result.instruments} instruments into dataset ${result.datasetId} in ${(result.durationMs / 1000).toFixed(2)} s`,
    )
    return 0
  } catch (err) {
    process.stderr.write('\n')
    if (err instanceof AppError) {
      console.error(`alphadesk: ${err.message}`)
      const issues = (err.details as { issues?: CsvIssue[] } | undefined)?.issues ?? []
      for (const issue of issues.slice(0, 50)) console.error(`  ${formatIssue(issue)}`)
      if (issues.length > 50) console.error(`  … and ${issues.length - 50} more`)
      console.error('nothing was imported')
      return 1
    }
    throw err
  } finally {
    db.close()
  }
}

export const command = defineCommand({
  name: 'import',
  summary: 'import CSV files (a long file with a symbol column, per-symbol files, or a folder)',
  usage: '--data-dir DIR  --name DATASET  --kind ohlcv|futures  [--date-format F]  FILE|DIR...',
  options: { name: { type: 'string' }, kind: { type: 'string', default: 'ohlcv' }, 'date-format': { type: 'string', default: 'auto' } },
  run: ({ values, positionals, dataDir }) =>
    importFiles({
      dataDir,
      name: str(values, 'name'),
      kind: str(values, 'kind') ?? 'ohlcv',
      dateFormat: str(values, 'date-format') ?? 'auto',
      paths: positionals,
    }),
})
