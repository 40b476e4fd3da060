import { defineCommand } from '../command'
import { join } from 'node:path'
import { existsSync } from 'node:fs'
import { openDatabase } from '../../db/open'
import { marketQueries } from '../../services/market'

export function info(dataDir: string): number {
  const dbPath = join(dataDir, 'alphadesk.sqlite')
  console.log(`data directory: ${dataDir}`)
  console.log(`database:       ${dbPath}${existsSync(dbPath) ? '' : ' (not created yet)'}`)
  if (!existsSync(dbPath)) return 0
  const db = openDatabase(dbPath)
  try {
    console.log(`schema version: ${db.pragma('user_version', { simple: true })}`)
    const datasets = marketQueries(db).listDatasets()
    if (!datasets.length) console.log('datasets:       none (the sample data is imported on the first `serve`/app start)')
    for (const d of datasets) {
      const span =
        d.from && d.to ? `${new Date(d.from * 1000).toISOString().slice(0, 10)} .. ${new Date(d.to * 1000).toISOString().slice(0, 10)}` : ''
      console.log(
        `  ${d.key.padEnd(12)} ${d.kind.padEnd(9)} ${String(d.instrumentCount).padStart(5)} instruments ${String(d.barCount).padStart(8)} bars  ${span}`,
      )
    }
  } finally {
    db.close()
  }
  return 0
}

export const command = defineCommand({
  name: 'info',
  summary: 'print the data directory, database and datasets',
  usage: '--data-dir DIR',
  options: {},
  run: async ({ dataDir }) => info(dataDir),
})
