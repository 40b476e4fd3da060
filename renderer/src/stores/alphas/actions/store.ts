import { jobTracker } from '../../jobs'
import { latestRequests } from '../../latest'
import { type AlphasSlice, useAlphas } from '../state'

/** What every section of the alpha actions shares: the store, the request kinds, the engine jobs. */
export const set = (partial: Partial<AlphasSlice>) => useAlphas.setState(partial)
export const get = () => useAlphas.getState()

/** Each kind of request: replies to an older one are dropped (see latest.ts). */
export const requests = latestRequests(['library', 'datasets', 'sectors', 'parse', 'cross', 'bars', 'series'])

/** Engine jobs of this screen; one tear sheet per alpha key may run at a time. */
export type AlphaJobKind = 'compute' | 'correlation' | 'portfolio-backtest' | 'leaderboard' | `tearsheet:${string}`
export const jobs = jobTracker<AlphaJobKind>('alphas')

/** Debounce timers (cleared by the tests between cases). */
export const timers: { parse?: ReturnType<typeof setTimeout>; cross?: ReturnType<typeof setTimeout> } = {}
