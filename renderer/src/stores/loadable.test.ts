import { describe, expect, it } from 'vitest'
import { latestRequests } from './latest'
import { load, type Loadable } from './loadable'

function deferred<T>() {
  let resolve!: (v: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

describe('load', () => {
  it('goes loading → ready and returns the data', async () => {
    const states: Loadable<number[]>[] = []
    const data = await load(
      (l) => states.push(l),
      async () => [1, 2],
    )
    expect(data).toEqual([1, 2])
    expect(states).toEqual([
      { status: 'loading', data: null, error: null },
      { status: 'ready', data: [1, 2], error: null },
    ])
  })

  it('keeps the previous data while loading, and on error only when asked', async () => {
    const states: Loadable<string>[] = []
    const fail = async (): Promise<string> => {
      throw { code: 'NOT_FOUND', message: 'gone' }
    }
    expect(await load((l) => states.push(l), fail, { keep: 'old' })).toBeUndefined()
    await load((l) => states.push(l), fail, { keep: 'old', keepOnError: true })
    expect(states.map((s) => [s.status, s.data, s.error?.code ?? null])).toEqual([
      ['loading', 'old', null],
      ['error', null, 'NOT_FOUND'],
      ['loading', 'old', null],
      ['error', 'old', 'NOT_FOUND'],
    ])
  })

  it('drops a reply that a newer request made stale', async () => {
    const requests = latestRequests(['list'])
    let shown: Loadable<string> | null = null
    const slow = deferred<string>()
    const first = load(
      (l) => (shown = l),
      () => slow.promise,
      { isLatest: requests.start('list') },
    )
    const second = load(
      (l) => (shown = l),
      async () => 'new',
      { isLatest: requests.start('list') },
    )
    expect(await second).toBe('new')
    slow.resolve('old')
    expect(await first).toBeUndefined()
    expect(shown).toEqual({ status: 'ready', data: 'new', error: null })
  })
})
