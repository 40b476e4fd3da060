import { randomUUID } from 'node:crypto'
import { AppError, type PoolStatus, type ErrorData, type JobInfo, type WorkerInfo } from '../contract'
import { etaMs } from '../shared/eta'
import type { JobKind, JobPayload, JobResult, JobRunner, JobTable, RunOptions } from './jobs'
import type { FromWorker } from './protocol'
import type { SpawnWorker, WorkerHandle } from './worker-handle'

interface Job {
  info: JobInfo
  kind: string
  payload: unknown
  resolve: (value: unknown) => void
  reject: (error: AppError) => void
  onProgress?: (job: JobInfo) => void
}

interface Slot {
  info: WorkerInfo
  handle: WorkerHandle | null
  job: Job | null
}

const keepFinished = 20

/**
 * N engine worker processes running jobs with ids, progress, cancel and crash isolation.
 * A job's worker that dies is replaced; the job fails with ENGINE_CRASHED. Cancelling a
 * running job kills its worker (native code cannot be interrupted mid-kernel) and starts
 * a fresh one, so cancel is immediate whatever the job is doing.
 */
export class EnginePool<J extends JobTable> implements JobRunner<J> {
  private readonly slots: Slot[] = []
  private readonly queue: Job[] = []
  private readonly finished: JobInfo[] = []
  private closed = false
  private statusTimer: NodeJS.Timeout | null = null

  constructor(
    private readonly spawn: SpawnWorker,
    size: number,
    private readonly onStatus: (status: PoolStatus) => void = () => {},
    /** Every job's progress and end, for whoever shows it (the backend emits 'job.progress'). */
    private readonly onJobProgress: (job: JobInfo) => void = () => {},
  ) {
    for (let id = 1; id <= size; id++) {
      const slot: Slot = {
        info: { id, pid: null, state: 'starting', jobId: null, restarts: 0 },
        handle: null,
        job: null,
      }
      this.slots.push(slot)
      this.start(slot)
    }
  }

  get size(): number {
    return this.slots.length
  }

  run<K extends JobKind<J>>(kind: K, payload: JobPayload<J, K>, options: RunOptions = {}): Promise<JobResult<J, K>> {
    if (this.closed) return Promise.reject(new AppError('INTERNAL', 'the engine pool has shut down'))
    const id = options.jobId ?? randomUUID()
    if (this.findJob(id)) return Promise.reject(new AppError('VALIDATION', `job id already in use: ${id}`))
    return new Promise<JobResult<J, K>>((resolve, reject) => {
      const job: Job = {
        info: {
          id,
          kind,
          label: options.label ?? kind,
          state: 'queued',
          done: 0,
          total: 0,
          etaMs: null,
          startedAt: null,
          finishedAt: null,
          workerId: null,
        },
        kind,
        payload,
        resolve: resolve as (value: unknown) => void,
        reject,
        onProgress: options.onProgress,
      }
      this.queue.push(job)
      this.pump()
      this.changed()
    })
  }

  /** Cancels a queued or running job. Returns false when no such job is pending. */
  cancel(jobId: string): boolean {
    const queued = this.queue.findIndex((j) => j.info.id === jobId)
    if (queued >= 0) {
      const [job] = this.queue.splice(queued, 1)
      this.settle(job, 'cancelled', { code: 'JOB_CANCELLED', message: `${job.info.label} was cancelled` })
      return true
    }
    const slot = this.slots.find((s) => s.job?.info.id === jobId)
    if (!slot?.job) return false
    const job = slot.job
    slot.job = null
    this.settle(job, 'cancelled', { code: 'JOB_CANCELLED', message: `${job.info.label} was cancelled` })
    this.replaceWorker(slot)
    return true
  }

  status(): PoolStatus {
    const running = this.slots.flatMap((s) => (s.job ? [s.job.info] : []))
    return {
      workers: this.slots.map((s) => ({ ...s.info })),
      jobs: [...running, ...this.queue.map((j) => j.info), ...this.finished].map((j) => ({ ...j })),
    }
  }

  async close(): Promise<void> {
    this.closed = true
    for (const job of this.queue.splice(0)) {
      this.settle(job, 'cancelled', { code: 'JOB_CANCELLED', message: 'the engine pool is shutting down' })
    }
    for (const slot of this.slots) {
      if (slot.job) {
        const job = slot.job
        slot.job = null
        this.settle(job, 'cancelled', { code: 'JOB_CANCELLED', message: 'the engine pool is shutting down' })
      }
      slot.handle?.kill()
    }
    if (this.statusTimer) clearTimeout(this.statusTimer)
  }

  private start(slot: Slot): void {
    if (this.closed) return
    slot.info.state = 'starting'
    const handle = this.spawn(slot.info.id)
    slot.handle = handle
    slot.info.pid = handle.pid
    handle.onMessage((message) => {
      if (slot.handle === handle) this.onMessage(slot, message)
    })
    handle.onExit((code, signal) => {
      if (slot.handle === handle) this.onExit(slot, code, signal)
    })
  }

  private onMessage(slot: Slot, message: FromWorker): void {
    if (message.type === 'ready') {
      slot.info.state = 'idle'
      this.pump()
      this.changed()
      return
    }
    const job = slot.job
    if (!job || job.info.id !== message.jobId) return // a late message from a cancelled job
    if (message.type === 'progress') {
      const info = job.info
      info.done = message.done
      info.total = message.total
      info.etaMs = etaMs(info.startedAt ?? Date.now(), message.done, message.total)
      this.report(job)
      this.changed()
    } else if (message.type === 'result') {
      slot.job = null
      slot.info.state = 'idle'
      slot.info.jobId = null
      this.settle(job, 'done', undefined, message.value)
      this.pump()
    } else if (message.type === 'error') {
      slot.job = null
      slot.info.state = 'idle'
      slot.info.jobId = null
      this.settle(job, 'failed', message.error)
      this.pump()
    }
  }

  private onExit(slot: Slot, code: number | null, signal: string | null): void {
    slot.handle = null
    slot.info.pid = null
    if (this.closed) return
    const job = slot.job
    slot.job = null
    if (job) {
      const how = signal ? `signal ${signal}` : `exit code ${code}`
      this.settle(job, 'failed', {
        code: 'ENGINE_CRASHED',
        message: `engine worker ${slot.info.id} crashed (${how}) while running ${job.info.label}; the worker was restarted`,
        details: { workerId: slot.info.id, code, signal },
      })
    }
    // Exits we cause (cancel, shutdown) never get here: the slot has let go of that handle.
    slot.info.restarts++
    // Back off when a worker keeps dying at start-up, so a broken addon cannot spin the CPU.
    const delay = Math.min(5000, 50 * 2 ** Math.min(slot.info.restarts - 1, 7))
    slot.info.state = 'restarting'
    this.changed()
    setTimeout(() => this.start(slot), job ? 0 : delay)
  }

  /** Kills a worker on purpose (cancel) and starts a fresh one in its slot. */
  private replaceWorker(slot: Slot): void {
    slot.info.state = 'restarting'
    slot.info.jobId = null
    const handle = slot.handle
    slot.handle = null
    slot.info.pid = null
    handle?.kill()
    this.start(slot)
    this.changed()
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (!this.queue.length) break
      if (slot.info.state !== 'idle' || slot.job || !slot.handle) continue
      const job = this.queue.shift()!
      slot.job = job
      slot.info.state = 'busy'
      slot.info.jobId = job.info.id
      job.info.state = 'running'
      job.info.startedAt = Date.now()
      job.info.workerId = slot.info.id
      slot.handle.send({ type: 'run', jobId: job.info.id, kind: job.kind, payload: job.payload })
    }
    this.changed()
  }

  private settle(job: Job, state: 'done' | 'failed' | 'cancelled', error?: ErrorData, value?: unknown): void {
    job.info.state = state
    job.info.finishedAt = Date.now()
    job.info.etaMs = state === 'done' ? 0 : null
    if (state === 'done' && job.info.total > 0) job.info.done = job.info.total
    if (error) job.info.error = error
    this.finished.unshift({ ...job.info })
    this.finished.length = Math.min(this.finished.length, keepFinished)
    this.report(job)
    if (state === 'done') job.resolve(value)
    else job.reject(new AppError(error!.code, error!.message, error!.details))
    this.changed()
  }

  private report(job: Job): void {
    job.onProgress?.({ ...job.info })
    this.onJobProgress({ ...job.info })
  }

  private findJob(id: string): boolean {
    return this.queue.some((j) => j.info.id === id) || this.slots.some((s) => s.job?.info.id === id)
  }

  /** Status events are coalesced: progress can arrive thousands of times a second. */
  private changed(): void {
    if (this.statusTimer || this.closed) return
    this.statusTimer = setTimeout(() => {
      this.statusTimer = null
      this.onStatus(this.status())
    }, 50)
  }
}
