/**
 * Every job a worker can run: the domains' job tables, merged. One line per domain; the worker
 * entry and the pool are typed from this table.
 */
import { selftestJobs } from '../pool/selftest'
import { alphaJobs } from '../services/alphas/jobs'
import { backtestJobs } from '../services/backtests/jobs'
import { curvesJobs } from '../services/curves/jobs'
import { marketJobs } from '../services/market/jobs'

export const jobTable = {
  ...marketJobs,
  ...alphaJobs,
  ...backtestJobs,
  ...curvesJobs,
  ...selftestJobs,
}
export type AppJobs = typeof jobTable
