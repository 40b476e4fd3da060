import { utilityProcess } from 'electron'
import { join } from 'node:path'
import type { FromWorker } from '../pool/protocol'
import type { SpawnWorker } from '../pool/worker-handle'

/** Electron host: engine workers are utility processes running the built worker entry. */
export function utilityWorkerSpawner(dbPath: string, mainDir: string): SpawnWorker {
  return (workerId) => {
    const child = utilityProcess.fork(join(mainDir, 'worker.js'), [], {
      serviceName: `alphadesk engine ${workerId}`,
      stdio: 'inherit',
      env: { ...process.env, ALPHADESK_DB: dbPath, ALPHADESK_WORKER_ID: String(workerId) },
    })
    return {
      get pid() {
        return child.pid ?? null
      },
      send: (message) => child.postMessage(message),
      kill: () => {
        child.kill()
      },
      onMessage: (listener) => child.on('message', (m) => listener(m as FromWorker)),
      onExit: (listener) => child.on('exit', (code) => listener(code, null)),
    }
  }
}
