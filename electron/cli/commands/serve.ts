import { defineCommand, str } from '../command'
import { join, resolve } from 'node:path'
import { createBackend, importDirOf } from '../../host/backend'
import { appRoot } from '../../shared/app-root'
import { startServer } from '../../serve/server'
import { printSampleProgress } from '../progress'

export interface ServeArgs {
  dataDir: string
  host: string
  port: number
  workers?: number
  /** The only folder clients may import CSV paths from (default <dataDir>/imports). */
  importDir?: string
}

export async function serve(args: ServeArgs): Promise<void> {
  if (args.host !== '127.0.0.1' && args.host !== 'localhost' && args.host !== '::1') {
    console.warn(`alphadesk: listening on ${args.host}: anyone who can reach it and has the token can use this backend`)
  }
  const backend = createBackend({ dataDir: args.dataDir, mode: 'browser', workers: args.workers, importDir: args.importDir })
  const stopProgress = printSampleProgress(backend)
  const server = await startServer({
    backend,
    staticDir: join(appRoot(), 'out', 'renderer'),
    host: args.host,
    port: args.port,
  }).catch(async (err: Error) => {
    stopProgress()
    await backend.close()
    throw new Error(`cannot listen on ${args.host}:${args.port}: ${err.message}`)
  })
  console.log(`alphadesk browser mode (data: ${args.dataDir})`)
  console.log(`import folder (CSV paths are read from here only): ${importDirOf(args)}`)
  console.log(`open: ${server.url}`)
  backend.sample.ready.then(() => {
    stopProgress()
    const s = backend.sample.state
    if (s.state === 'done') console.log(`sample data: ${s.message ?? 'already in the database'}`)
    if (s.state === 'failed') console.error(`sample data import failed: ${s.message}`)
  })
  const shutdown = async () => {
    await server.close()
    await backend.close()
    process.exit(0)
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
}

export const command = defineCommand({
  name: 'serve',
  summary: 'run the backend headless and serve the app to a browser',
  usage:
    '--data-dir DIR  --host 127.0.0.1  --port 0 (any free port)  --workers N  --import-dir DIR (CSV paths only from here; default DIR/imports)',
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '0' },
    workers: { type: 'string' },
    'import-dir': { type: 'string' },
  },
  async run({ values, dataDir }) {
    const workers = str(values, 'workers')
    const importDir = str(values, 'import-dir')
    await serve({
      dataDir,
      host: str(values, 'host') ?? '127.0.0.1',
      port: Number(str(values, 'port') ?? 0),
      workers: workers ? Number(workers) : undefined,
      importDir: importDir ? resolve(importDir) : undefined,
    })
    return -1 // keep running
  },
})
