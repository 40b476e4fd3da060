/**
 * The engine worker's loop (Electron utilityProcess or Node child_process): runs one job at a
 * time from the table the host gives it. The host's worker entry is one line:
 * `runWorker(jobTable)`.
 */
import { AppError } from '../contract'
import { loadNative } from '../native/addon'
import { createJobContext } from './context'
import type { JobHandler, JobTable } from './jobs'
import { connectToParent } from './worker-channel'

// Progress is throttled here so a tight native loop cannot flood the pipe.
const progressIntervalMs = 100

export function runWorker(table: JobTable): void {
  const channel = connectToParent()
  channel.onMessage(async (message) => {
    if (message.type !== 'run') return
    const { jobId, kind } = message
    let lastProgress = 0
    const ctx = createJobContext((done, total, text) => {
      const now = Date.now()
      if (done < total && now - lastProgress < progressIntervalMs) return
      lastProgress = now
      channel.send({ type: 'progress', jobId, done, total, message: text })
    })
    try {
      const handler: JobHandler | undefined = Object.hasOwn(table, kind) ? table[kind] : undefined
      if (!handler) throw new AppError('VALIDATION', `unknown job kind: ${kind}`)
      const value = await handler(message.payload, ctx)
      channel.send({ type: 'result', jobId, value })
    } catch (err) {
      // Native errors carry a stable code prefix (INVALID_ARGUMENT:, PARSE_ERROR: ...).
      const error =
        err instanceof AppError
          ? err.toData()
          : { code: 'ENGINE_ERROR' as const, message: err instanceof Error ? err.message : String(err) }
      channel.send({ type: 'error', jobId, error })
    }
  })
  channel.send({ type: 'ready', engineVersion: loadNative().engineVersion() })
}
