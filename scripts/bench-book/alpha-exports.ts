/**
 * The 101-alpha long-format exports, run in a fresh process as the CLI runs them (`alphas --out`,
 * `export --what alphas`): a process that has just exported trades has its shared code paths
 * tuned to other column types, which says nothing about the CLI. Prints one JSON line.
 *
 *   npx tsx scripts/bench-book/alpha-exports.ts RUNS_DIR RUN_ID OUT_DIR
 */
import { rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { alphaLongBatches, alphaLongColumns, exportTable } from '../../electron/services/exports'
import { writeLongCsv as baselineCsv, writeLongParquet as baselineParquet } from './baseline-alpha-export'
import { measure } from './measure'

const [runsDir, runId, outDir] = process.argv.slice(2)
const size = (path: string) => statSync(path).size
const out = (name: string) => join(outDir, name)

const before = await measure(() => baselineCsv(runsDir, runId, out('base.csv')))
rmSync(out('base.csv'), { force: true })
let parquetBefore: string | number = 'refused'
try {
  parquetBefore = (await measure(() => baselineParquet(runsDir, runId, out('base.parquet')))).wallMs
} catch (err) {
  parquetBefore = `refused (${(err as Error).message.slice(0, 60)}…)`
}
rmSync(out('base.parquet'), { force: true })
const csv = await measure(() =>
  exportTable({ format: 'csv', out: out('long.csv'), columns: alphaLongColumns, source: alphaLongBatches(runsDir, runId) }),
)
const csvBytes = size(out('long.csv'))
rmSync(out('long.csv'), { force: true })
const parquet = await measure(() =>
  exportTable({ format: 'parquet', out: out('long.parquet'), columns: alphaLongColumns, source: alphaLongBatches(runsDir, runId) }),
)
const parquetBytes = size(out('long.parquet'))
rmSync(out('long.parquet'), { force: true })
const pick = (m: { wallMs: number; cpuMs: number; maxLagMs: number }) => ({ wallMs: m.wallMs, cpuMs: m.cpuMs, maxLagMs: m.maxLagMs })
console.log(
  JSON.stringify({
    values: csv.value.rows,
    before: { ...pick(before), rows: before.value },
    parquetBefore,
    csv: { ...pick(csv), bytes: csvBytes },
    parquet: { ...pick(parquet), bytes: parquetBytes },
  }),
)
