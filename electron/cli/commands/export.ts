/** `alphadesk export`: a table of the app to CSV, JSON, NDJSON, XLSX or Parquet, through the export service. */
import { join } from 'node:path'
import { openDatabase } from '../../db/open'
import { exportCalendar, exportRunReturns, exportTrades, parseFilterText } from '../../services/book'
import { formatFromPath } from '../../services/exports'
import { defineCommand, str } from '../command'
import { command as alphasCommand, computeAlphas } from './alphas'

const whats = ['trades', 'runs', 'alphas', 'calendar'] as const

export const command = defineCommand({
  name: 'export',
  summary: 'write a table (trades, runs, alphas, calendar) to a file; the format follows --format or the file name',
  usage: `--what trades|runs|alphas|calendar  --out FILE  [--format csv|json|ndjson|xlsx|parquet]
           trades: [--filter "instrument=ES,NQ;direction=long;from=2024-01-01;to=2024-12-31;pnlMin=0;tag=x;text=word;source=live"]
                   [--columns id,instrument,pnlNet]
           runs: [--runs 1,2]   calendar: [--user U]   alphas: the flags of \`alphas\` (--dataset KEY --alphas 1,2|all ...)`,
  options: {
    what: { type: 'string' },
    filter: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    columns: { type: 'string' },
    runs: { type: 'string' },
    user: { type: 'string' },
    // --what alphas takes the flags of `alphas` (its --out is ours).
    ...alphasCommand.options,
  },
  async run({ values, dataDir }) {
    const what = str(values, 'what')
    if (!what || !(whats as readonly string[]).includes(what)) throw new Error(`--what: choose one of ${whats.join(', ')}`)
    let out = str(values, 'out')
    if (!out) throw new Error('--out FILE is needed')
    const wanted = str(values, 'format')
    if (wanted && !/\.[a-z]+$/i.test(out)) out = `${out}.${wanted}`
    const format = wanted ? formatFromPath(`x.${wanted}`) : formatFromPath(out)
    if (what === 'alphas') {
      return computeAlphas({
        dataDir,
        dataset: str(values, 'dataset'),
        alphas: str(values, 'alphas'),
        formulas: (values.formula as string[] | undefined) ?? [],
        sectors: str(values, 'sectors'),
        from: str(values, 'from'),
        to: str(values, 'to'),
        out,
        threads: str(values, 'threads'),
        anyFormat: true,
      })
    }
    const db = openDatabase(join(dataDir, 'alphadesk.sqlite'))
    try {
      const started = performance.now()
      const common = { format, out }
      const r =
        what === 'trades'
          ? await exportTrades(db, {
              ...common,
              filter: parseFilterText(str(values, 'filter')),
              columns: str(values, 'columns')
                ?.split(',')
                .map((c) => c.trim())
                .filter(Boolean),
            })
          : what === 'runs'
            ? await exportRunReturns(db, {
                ...common,
                runIds: str(values, 'runs')
                  ?.split(',')
                  .map((x) => Number(x.trim()))
                  .filter(Number.isInteger),
              })
            : await exportCalendar(db, { ...common, user: str(values, 'user') })
      console.log(
        `wrote ${r.rows.toLocaleString('en-US')} rows to ${out} (${format}, ${(r.bytes / 2 ** 20).toFixed(1)} MiB, ${((performance.now() - started) / 1000).toFixed(2)} s)`,
      )
      return 0
    } finally {
      db.close()
    }
  },
})
