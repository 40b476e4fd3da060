import { fork } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FromWorker, ToWorker } from './job-kinds'
import { appRoot } from './native'

/** What the pool needs of a worker process, whichever host started it. */
export interface WorkerHandle {
  readonly pid: number | null
  send(message: ToWorker): void
  kill(): void
  onMessage(listener: (message: FromWorker) => void): void
  onExit(listener: (code: number | null, signal: string | null) => void): void
}

export interface WorkerEnv {
  dbPath: string
  /** Extra environment for the worker (e.g. ALPHADESK_ALLOW_SELFTEST). */
  env?: Record<string, string>
}

export type SpawnWorker = (workerId: number) => WorkerHandle

/**
 * The worker entry: when this code runs from the build (out/main), the built worker.js;
 * when it runs from source under tsx/vitest, worker.ts with the tsx loader.
 */
export function workerEntry(): { file: string; execArgv: string[] } {
  const fromSource = fileURLToPath(import.meta.url).endsWith('.ts')
  if (!fromSource) return { file: join(appRoot(), 'out', 'main', 'worker.js'), execArgv: [] }
  return { file: join(appRoot(), 'electron', 'engine', 'worker.ts'), execArgv: ['--import', 'tsx'] }
}

/** Node hosts (CLI, browser-mode serve, tests): a child_process with an IPC channel. */
export function nodeWorkerSpawner(workerEnv: WorkerEnv): SpawnWorker {
  const entry = workerEntry()
  return (workerId) => {
    const child = fork(entry.file, [], {
      execArgv: entry.execArgv,
      env: {
        ...process.env,
        ...workerEnv.env,
        ALPHADESK_DB: workerEnv.dbPath,
        ALPHADESK_WORKER_ID: String(workerId),
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced', // typed arrays cross without JSON
    })
    return {
      get pid() {
        return child.pid ?? null
      },
      send: (message) => {
        if (child.connected) child.send(message)
      },
      kill: () => {
        child.kill('SIGKILL')
      },
      onMessage: (listener) => child.on('message', (m) => listener(m as FromWorker)),
      onExit: (listener) => child.on('exit', (code, signal) => listener(code, signal)),
    }
  }
}
