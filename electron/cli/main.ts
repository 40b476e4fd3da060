/**
 * alphadesk's headless command line: `alphadesk <command>` (via `npm run cli -- <command>`).
 * Commands: serve (browser mode), import (user CSV files), alphas (compute alphas to CSV), info.
 */
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { resolveDataDir } from './data-dir'

const usage = `usage: alphadesk <command> [options]

commands:
  serve    run the backend headless and serve the app to a browser
           --data-dir DIR  --host 127.0.0.1  --port 0 (any free port)  --workers N
           --import-dir DIR (the only folder clients may import CSV paths from; default DATA_DIR/imports)
  import   import CSV files (a long file with a symbol column, per-symbol files, or a folder)
           --data-dir DIR  --name DATASET  --kind ohlcv|futures  [--date-format F]  FILE|DIR...
  alphas   compute alphas over a dataset and write date,symbol,alpha,value rows (missing values left out)
           --data-dir DIR  --dataset KEY  [--alphas 1,2,101|all]  [--formula "rank(close)"]...
           [--sectors "Energy,Utilities"]  [--from YYYY-MM-DD]  [--to YYYY-MM-DD]  [--threads N]  --out FILE.csv|FILE.parquet
           (exit code 3 when some alpha could not run, e.g. alpha 56 without market caps)
  info     print the data directory, database and datasets
           --data-dir DIR
`

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '0' },
      workers: { type: 'string' },
      'import-dir': { type: 'string' },
      name: { type: 'string' },
      kind: { type: 'string', default: 'ohlcv' },
      'date-format': { type: 'string', default: 'auto' },
      dataset: { type: 'string' },
      alphas: { type: 'string' },
      formula: { type: 'string', multiple: true },
      sectors: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string' },
      threads: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (!command || values.help || command === 'help') {
    console.log(usage)
    return command ? 0 : 1
  }
  const dataDir = resolveDataDir(values['data-dir'])
  switch (command) {
    case 'serve': {
      const { serve } = await import('./serve')
      await serve({
        dataDir,
        host: values.host!,
        port: Number(values.port),
        workers: values.workers ? Number(values.workers) : undefined,
        importDir: values['import-dir'] ? resolve(values['import-dir']) : undefined,
      })
      return -1 // keep running
    }
    case 'import': {
      const { importFiles } = await import('./import')
      return importFiles({ dataDir, name: values.name, kind: values.kind!, dateFormat: values['date-format']!, paths: positionals })
    }
    case 'alphas': {
      const { computeAlphas } = await import('./alphas')
      return computeAlphas({
        dataDir,
        dataset: values.dataset,
        alphas: values.alphas,
        formulas: values.formula ?? [],
        sectors: values.sectors,
        from: values.from,
        to: values.to,
        out: values.out,
        threads: values.threads,
      })
    }
    case 'info': {
      const { info } = await import('./info')
      return info(dataDir)
    }
    default:
      console.error(`alphadesk: unknown command '${command}'\n\n${usage}`)
      return 2
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code)
  },
  (err) => {
    console.error(`alphadesk: ${err instanceof Error ? err.message : String(err)}`)
    process.exit(1)
  },
)
