import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { WorkerEntry } from '../pool/worker-handle'
import { appRoot } from '../shared/app-root'

/**
 * The worker entry to fork: when this code runs from the build (out/main), the built worker.js;
 * when it runs from source under tsx/vitest, host/worker.ts with the tsx loader.
 */
export function workerEntry(): WorkerEntry {
  const fromSource = fileURLToPath(import.meta.url).endsWith('.ts')
  if (!fromSource) return { file: join(appRoot(), 'out', 'main', 'worker.js'), execArgv: [] }
  return { file: join(appRoot(), 'electron', 'host', 'worker.ts'), execArgv: ['--import', 'tsx'] }
}
