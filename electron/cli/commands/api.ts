/** `alphadesk api`: the live trade API headless, on a data directory's trade book. */
import { join } from 'node:path'
import { openDatabase } from '../../db/open'
import { LiveApiController } from '../../services/book'
import { defineCommand, str } from '../command'

export const command = defineCommand({
  name: 'api',
  summary: 'run the live trade API headless (prints its base URL and bearer token)',
  usage: '--data-dir DIR  [--port P (default: the stored one, 8765)]  [--base-path /api]',
  options: { port: { type: 'string' }, 'base-path': { type: 'string' } },
  async run({ values, dataDir }) {
    const port = str(values, 'port')
    if (port !== undefined && !/^\d{1,5}$/.test(port)) throw new Error(`--port: '${port.slice(0, 20)}' is not a port number`)
    const db = openDatabase(join(dataDir, 'alphadesk.sqlite'))
    const live = new LiveApiController(db, (c) => {
      if (c.trade) console.log(`${c.kind} trade ${c.trade.id} (${c.trade.user}/${c.trade.alpha})`)
      else console.log(`${c.kind}: ${c.count ?? 0} windows`)
    })
    const patch = {
      enabled: true,
      ...(port !== undefined && { port: Number(port) }),
      ...(str(values, 'base-path') !== undefined && { basePath: str(values, 'base-path') }),
    }
    // Headless runs do not change the app's stored enabled/port settings.
    const s = await live.apply(patch, false)
    if (!s.url) {
      db.close()
      throw new Error(s.error ?? 'the live API did not start')
    }
    console.log(`alphadesk live API (data: ${dataDir})`)
    console.log(`base URL: ${s.url}${s.basePath}`)
    console.log(`v1: ${s.url}/v1  (OpenAPI: ${s.url}/v1/openapi.json)`)
    console.log(`token: ${s.token}`)
    const shutdown = async () => {
      await live.close()
      db.close()
      process.exit(0)
    }
    process.once('SIGINT', shutdown)
    process.once('SIGTERM', shutdown)
    return -1
  },
})
