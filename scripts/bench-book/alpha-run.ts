/** All 101 alphas of the bundled sample computed into a run file (the input of the long-format export benchmark). */
import { join } from 'node:path'
import type { Db } from '../../electron/db/open'
import { loadNative } from '../../electron/native/addon'
import { computeRun, formulaApi, paperFormulas } from '../../electron/services/alphas'
import { importSampleData } from '../../electron/services/market'

export async function computeAllAlphas(db: Db, root: string, dataDir: string, runsDir: string): Promise<{ runId: string; ms: number }> {
  let id = db.prepare("SELECT id FROM datasets WHERE key = 'sp500'").pluck().get() as number | undefined
  if (id === undefined) {
    await importSampleData(db, join(root, 'resources', 'data'))
    id = db.prepare("SELECT id FROM datasets WHERE key = 'sp500'").pluck().get() as number
  }
  const started = performance.now()
  const runId = 'bench-all101'
  computeRun(db, formulaApi(loadNative()), {
    runId,
    cacheDir: join(dataDir, 'cache'),
    runsDir,
    datasetId: id,
    sectors: null,
    formulas: paperFormulas(join(root, 'resources')),
  })
  return { runId, ms: performance.now() - started }
}
