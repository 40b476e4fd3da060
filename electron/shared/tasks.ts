import { AppError, type JobInfo } from '../contract'
import { etaMs } from '../shared/eta'
import type { EventBus } from './event-bus'

/**
 * Long work that runs in the main process (database writes such as CSV imports): same
 * job ids, progress events and cancel as engine jobs, driven by an AbortController.
 */
export class MainTasks {
  private readonly running = new Map<string, AbortController>()

  constructor(private readonly bus: EventBus) {}

  async run<T>(
    jobId: string,
    label: string,
    work: (signal: AbortSignal, progress: (done: number, total: number) => void) => Promise<T>,
  ): Promise<T> {
    if (this.running.has(jobId)) throw new AppError('VALIDATION', `job id already in use: ${jobId}`)
    const controller = new AbortController()
    this.running.set(jobId, controller)
    const info: JobInfo = {
      id: jobId,
      kind: 'main',
      label,
      state: 'running',
      done: 0,
      total: 0,
      etaMs: null,
      startedAt: Date.now(),
      finishedAt: null,
      workerId: null,
    }
    const emit = () => this.bus.emit('job.progress', { ...info })
    emit()
    try {
      const value = await work(controller.signal, (done, total) => {
        info.done = done
        info.total = total
        info.etaMs = etaMs(info.startedAt!, done, total)
        emit()
      })
      info.state = 'done'
      return value
    } catch (err) {
      info.state = controller.signal.aborted ? 'cancelled' : 'failed'
      throw err
    } finally {
      info.finishedAt = Date.now()
      this.running.delete(jobId)
      emit()
    }
  }

  cancel(jobId: string): boolean {
    const controller = this.running.get(jobId)
    controller?.abort()
    return controller !== undefined
  }
}
