import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startServe } from './server'

const root = resolve(import.meta.dirname, '..', '..')

/** One real backend for the suite: a fresh data dir, so the first-run sample import is exercised too. */
export default async function globalSetup() {
  const dataDir = mkdtempSync(join(tmpdir(), 'alphadesk-e2e-'))
  const started = Date.now()
  const serve = await startServe(dataDir, root)
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  console.log(`e2e: backend ready with sample data in ${seconds} s at ${serve.origin}`)
  mkdirSync(join(root, 'tests', 'e2e', 'output', 'screenshots'), { recursive: true })
  writeFileSync(join(root, 'tests', 'e2e', 'output', 'serve.log'), serve.output())
  process.env.ALPHADESK_E2E_URL = serve.url
  process.env.ALPHADESK_E2E_PID = String(serve.child.pid)
  process.env.ALPHADESK_E2E_DATA = dataDir
}
