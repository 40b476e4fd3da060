import { join } from 'node:path'
import type { Db } from '../../../electron/db/open'
import { importSampleData } from '../../../electron/services/market'
import { resourcesData } from '../fixtures/market-helpers'

/**
 * Imports only the futures samples (VX, CL/NG): the importer skips datasets already present,
 * so placeholders for the stock and intraday samples are inserted first and removed after.
 */
export async function importFuturesSamples(db: Db): Promise<void> {
  const skip = ['sp500', 'spx_1min']
  for (const key of skip) db.prepare(`INSERT OR IGNORE INTO datasets (key, name, kind) VALUES (?, ?, 'stocks')`).run(key, key)
  await importSampleData(db, resourcesData)
  db.prepare(`DELETE FROM datasets WHERE key IN (${skip.map(() => '?').join(', ')})`).run(...skip)
}

export const resourcesDir = join(resourcesData, '..')
