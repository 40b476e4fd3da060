/**
 * Engine worker process entry (Electron utilityProcess or Node child_process).
 * Loads the Rust addon, opens the database read-only itself, runs one job at a time.
 */
import { AppError } from '../contract'
import type { JobKind, JobKinds } from './job-kinds'
import { createJobContext, type JobContext } from './jobs/context'
import * as alphas from './jobs/alphas'
import { indicator, summary } from './jobs/indicator'
import { abort, sleep } from './jobs/selftest'
import { loadNativeEngine } from './native'
import { connectToParent } from './worker-channel'

type Handler<K extends JobKind> = (
  payload: JobKinds[K]['payload'],
  ctx: JobContext,
) => JobKinds[K]['result'] | Promise<JobKinds[K]['result']>

const handlers: { [K in JobKind]: Handler<K> } = {
  indicator,
  summary,
  'alphas.compute': alphas.compute,
  'alphas.tearSheet': alphas.tearSheet,
  'alphas.correlation': alphas.correlation,
  'alphas.backtest': alphas.backtest,
  'selftest.sleep': sleep,
  'selftest.abort': abort,
}

const channel = connectToParent()
// Progress is throttled here so a tight native loop cannot flood the pipe.
const progressIntervalMs = 100

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
    const handler = handlers[kind] as Handler<JobKind>
    if (!handler) throw new Error(`unknown job kind: ${kind}`)
    const value = await handler(message.payload as never, ctx)
    channel.send({ type: 'result', jobId, value })
  } catch (err) {
    // Native errors carry a stable code prefix (INVALID_ARGUMENT:, PARSE_ERROR: ...).
    const error = err instanceof AppError ? err.toData() : { code: 'ENGINE_ERROR' as const, message: err instanceof Error ? err.message : String(err) }
    channel.send({ type: 'error', jobId, error })
  }
})

channel.send({ type: 'ready', engineVersion: loadNativeEngine().engineVersion() })
