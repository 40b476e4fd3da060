/** Trade-book jobs: the summary of a filter over a million trades runs in a worker (read-only connection), not in the main process. */
import type { TradeFilter } from '../../contract/book'
import { defineJobs } from '../../pool/jobs'
import { summarise } from './summary'

export const bookJobs = defineJobs({
  'book.summary': (payload: { filter: TradeFilter }, ctx) => summarise(ctx.db(), payload.filter),
})
export type BookJobs = typeof bookJobs
