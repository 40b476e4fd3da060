import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { JobInfo } from '../../../electron/contract'

// The real client opens a transport on import; the tracker only needs cancel and the events.
const cancel = vi.fn(async (_input: { jobId: string }) => ({ cancelled: true }))
const handlers = new Map<string, (payload: unknown) => void>()
vi.mock('../api/client', () => ({
  api: { jobs: { cancel } },
  onEvent: (name: string, handler: (payload: unknown) => void) => {
    handlers.set(name, handler)
    return () => handlers.delete(name)
  },
}))

const { jobTracker, runTask, jobFraction } = await import('./jobs')
type Task<T> = import('./jobs').Task<T>

function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

const info = (id: string, done: number, etaMs: number | null = null): JobInfo => ({
  id,
  kind: 'k',
  label: '',
  state: 'running',
  done,
  total: 10,
  etaMs,
  startedAt: 0,
  finishedAt: null,
  workerId: 1,
})

beforeEach(() => {
  vi.clearAllMocks()
})

describe('jobTracker', () => {
  it('submits with a fresh job id, follows its progress from both event streams, returns the result', async () => {
    const jobs = jobTracker<'compute'>('test')
    const reply = deferred<number>()
    const seen: (number | null)[] = []
    let jobId = ''
    const outcome = jobs.run(
      'compute',
      (id) => {
        jobId = id
        return reply.promise
      },
      (job) => seen.push(job.info?.done ?? null),
    )
    expect(jobId).toMatch(/^test-compute-/)
    expect(jobs.running('compute')).toBe(true)
    handlers.get('job.progress')!(info(jobId, 3, 900))
    handlers.get('pool.status')!({ workers: [], jobs: [info('someone-else', 1), info(jobId, 6)] })
    reply.resolve(42)
    expect(await outcome).toEqual({ status: 'done', value: 42 })
    expect(seen).toEqual([null, 3, 6])
    expect(jobs.running('compute')).toBe(false)
    // Nothing is watched any more: the event subscriptions are gone.
    expect(handlers.size).toBe(0)
  })

  it('gives each submission its own id', async () => {
    const jobs = jobTracker('test')
    const ids: string[] = []
    await jobs.run('a', async (id) => ids.push(id))
    await jobs.run('a', async (id) => ids.push(id))
    expect(new Set(ids).size).toBe(2)
  })

  it('tells a cancelled job from a failed one', async () => {
    const jobs = jobTracker('test')
    const running = deferred<never>()
    const outcome = jobs.run('x', () => running.promise)
    await jobs.cancel('x')
    expect(cancel).toHaveBeenCalledWith({ jobId: expect.stringMatching(/^test-x-/) })
    running.reject({ code: 'JOB_CANCELLED', message: 'cancelled' })
    expect(await outcome).toEqual({ status: 'cancelled', error: { code: 'JOB_CANCELLED', message: 'cancelled', details: undefined } })
    const failed = await jobs.run('x', async () => {
      throw new Error('worker died')
    })
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'INTERNAL', message: 'worker died' } })
  })

  it('a newer submission of the same kind cancels the older job and drops its reply and progress', async () => {
    const jobs = jobTracker('test')
    const old = deferred<string>()
    const fresh = deferred<string>()
    const ids: string[] = []
    const progress: string[] = []
    const first = jobs.run(
      'overlay',
      (id) => {
        ids.push(id)
        return old.promise
      },
      (job) => job.info && progress.push(job.id),
    )
    const second = jobs.run('overlay', (id) => {
      ids.push(id)
      return fresh.promise
    })
    expect(cancel).toHaveBeenCalledTimes(1)
    expect(cancel).toHaveBeenCalledWith({ jobId: ids[0] })
    handlers.get('job.progress')?.(info(ids[0], 5))
    expect(progress).toEqual([])
    fresh.resolve('new')
    old.resolve('old')
    expect(await first).toEqual({ status: 'stale' })
    expect(await second).toEqual({ status: 'done', value: 'new' })
  })

  it('other kinds are independent; drop makes a kind stale and cancels it', async () => {
    const jobs = jobTracker('test')
    const a = deferred<number>()
    const b = deferred<number>()
    const ra = jobs.run('tearsheet:a', () => a.promise)
    const rb = jobs.run('tearsheet:b', () => b.promise)
    expect(cancel).not.toHaveBeenCalled()
    jobs.drop('tearsheet:a')
    expect(cancel).toHaveBeenCalledTimes(1)
    a.reject({ code: 'JOB_CANCELLED', message: 'cancelled' })
    b.resolve(2)
    expect(await ra).toEqual({ status: 'stale' })
    expect(await rb).toEqual({ status: 'done', value: 2 })
    // Dropping a kind with nothing in flight cancels nothing.
    jobs.drop('tearsheet:a')
    expect(cancel).toHaveBeenCalledTimes(1)
  })
})

describe('runTask', () => {
  it('moves a task through loading (keeping the old data, with the job) to ready', async () => {
    const jobs = jobTracker('test')
    const states: Task<string>[] = []
    const outcome = await runTask(
      jobs,
      'k',
      async () => 'fresh',
      (t) => states.push(t),
      { keep: 'old' },
    )
    expect(outcome.status).toBe('done')
    expect(states.map((s) => [s.status, s.data])).toEqual([
      ['loading', 'old'],
      ['ready', 'fresh'],
    ])
    expect(states[1].job?.id).toBe(states[0].job?.id)
  })

  it('an error keeps the old data only when asked to; a stale reply changes nothing', async () => {
    const jobs = jobTracker('test')
    const states: Task<string>[] = []
    const fail = async (): Promise<string> => {
      throw { code: 'ENGINE_ERROR', message: 'no' }
    }
    await runTask(jobs, 'k', fail, (t) => states.push(t), { keep: 'old', keepOnError: true })
    await runTask(jobs, 'k', fail, (t) => states.push(t), { keep: 'old' })
    expect(states.filter((s) => s.status === 'error').map((s) => s.data)).toEqual(['old', null])

    states.length = 0
    const slow = deferred<string>()
    const first = runTask(
      jobs,
      'k',
      () => slow.promise,
      (t) => states.push(t),
    )
    jobs.drop('k')
    slow.resolve('late')
    expect((await first).status).toBe('stale')
    expect(states.map((s) => s.status)).toEqual(['loading'])
  })
})

describe('jobFraction', () => {
  it('is null until the total is known, then clamped to 0..1', () => {
    expect(jobFraction(null)).toBeNull()
    expect(jobFraction({ id: 'j', startedAt: 0, info: { ...info('j', 0), total: 0 } })).toBeNull()
    expect(jobFraction({ id: 'j', startedAt: 0, info: info('j', 5) })).toBe(0.5)
    expect(jobFraction({ id: 'j', startedAt: 0, info: info('j', 50) })).toBe(1)
  })
})
