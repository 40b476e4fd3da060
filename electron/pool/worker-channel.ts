import type { FromWorker, ToWorker } from './protocol'

/** Electron's utilityProcess exposes `process.parentPort`; Node's fork uses process.send. */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void
  postMessage(message: unknown): void
}

export interface WorkerChannel {
  send(message: FromWorker): void
  onMessage(listener: (message: ToWorker) => void): void
}

export function connectToParent(): WorkerChannel {
  const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort
  if (parentPort) {
    return {
      send: (message) => parentPort.postMessage(message),
      onMessage: (listener) => parentPort.on('message', (e) => listener(e.data as ToWorker)),
    }
  }
  if (!process.send) throw new Error('engine worker started without an IPC channel')
  // An orphaned worker has nothing left to do: leave with the parent.
  process.on('disconnect', () => process.exit(0))
  return {
    send: (message) => {
      if (process.connected) process.send!(message)
    },
    onMessage: (listener) => process.on('message', (m) => listener(m as ToWorker)),
  }
}
