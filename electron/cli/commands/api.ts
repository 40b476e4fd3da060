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
    // A line per trade would cost more than the trade at thousands a second: a count every few seconds.
    const counts = { opened: 0, closed: 0, calendar: 0 }
    let reported = { ...counts }
    const live = new LiveApiController(db, (c) => {
      counts[c.kind] += c.kind === 'calendar' ? (c.count ?? 0) : 1
    })
    const ticker = setInterval(() => {
      if (counts.opened === reported.opened && counts.closed === reported.closed && counts.calendar === reported.calendar) return
      console.log(
        `${new Date().toISOString().slice(11, 19)} trades opened ${counts.opened}, closed ${counts.closed}; calendar windows ${counts.calendar}`,
      )
      reported = { ...counts }
    }, 5000)
    ticker.unref()
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
