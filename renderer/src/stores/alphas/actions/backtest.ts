import { api } from '../../../api/client'
import { runTask } from '../../jobs'
import type { BacktestConfig } from '../state'
import { get, jobs, set } from './store'

export function setBacktestConfig(config: Partial<BacktestConfig>): void {
  set({ backtestConfig: { ...get().backtestConfig, ...config } })
}

/** Why the backtest cannot run with this configuration, or null. */
export function backtestProblem(config: BacktestConfig): string | null {
  if (!config.key) return 'Choose an alpha.'
  if (config.weighting === 'quantile' && !(config.quantile > 0 && config.quantile <= 0.5))
    return 'Each leg must hold more than 0% and at most 50% of the universe.'
  if (!(config.costBps >= 0 && config.costBps <= 1000)) return 'The cost must be 0–1000 bps.'
  return null
}

/** Long/short portfolio of one alpha, an engine job; a failed run keeps the previous result. */
export async function runBacktest(): Promise<void> {
  const s = get()
  const run = s.run.data
  const config = s.backtestConfig
  if (!run || s.backtest.status === 'loading' || backtestProblem(config)) return
  const { weighting, quantile, costBps } = config
  const key = config.key!
  await runTask(
    jobs,
    'backtest',
    (jobId) => api.alphas.backtest({ runId: run.runId, key, weighting, quantile, costBps, jobId }),
    (backtest) => set({ backtest }),
    { keep: s.backtest.data, keepOnError: true },
  )
}

export function cancelBacktest(): void {
  if (get().backtest.status === 'loading') void jobs.cancel('backtest')
}
