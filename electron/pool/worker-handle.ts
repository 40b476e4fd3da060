import { fork } from 'node:child_process'
import type { FromWorker, ToWorker } from './protocol'

/** What the pool needs of a worker process, whichever host started it. */
export interface WorkerHandle {
  readonly pid: number | null
  send(message: ToWorker): void
  kill(): void
  onMessage(listener: (message: FromWorker) => void): void
  onExit(listener: (code: number | null, signal: string | null) => void): void
}

export interface WorkerEnv {
  /** The host's worker entry (a module that calls runWorker with the host's job table). */
  entry: WorkerEntry
  dbPath: string
  /** Extra environment for the worker (e.g. ALPHADESK_ALLOW_SELFTEST). */
  env?: Record<string, string>
}

/** A module to fork and the Node flags it needs (a .ts entry runs under the tsx loader). */
export interface WorkerEntry {
  file: string
  execArgv: string[]
}

export type SpawnWorker = (workerId: number) => WorkerHandle

/** Node hosts (CLI, browser-mode serve, tests): a child_process with an IPC channel. */
export function nodeWorkerSpawner(workerEnv: WorkerEnv): SpawnWorker {
  const { entry } = workerEnv
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
