import { describe, expect, it } from 'vitest'
import { latestRequests } from './latest'

describe('latestRequests', () => {
  it('keeps only the newest request of a kind current', () => {
    const requests = latestRequests(['bars', 'series'])
    const first = requests.start('bars')
    const second = requests.start('bars')
    const series = requests.start('series')
    expect(first()).toBe(false)
    expect(second()).toBe(true)
    expect(series()).toBe(true)
  })
  it('lets a follow-up join the newest request, and drop makes all sent ones stale', () => {
    const requests = latestRequests(['list'])
    const query = requests.start('list')
    const nextPage = requests.join('list')
    expect(nextPage()).toBe(true)
    requests.drop('list')
    expect(query()).toBe(false)
    expect(nextPage()).toBe(false)
  })
})
