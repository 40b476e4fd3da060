import { api } from '../../../api/client'
import { runTask } from '../../jobs'
import type { PortfolioConfig } from '../state'
import { get, jobs, set } from './store'

export function setPortfolioConfig(config: Partial<PortfolioConfig>): void {
  set({ portfolioConfig: { ...get().portfolioConfig, ...config } })
}

/** Why the portfolio backtest cannot run with this configuration, or null. */
export function portfolioBacktestProblem(config: PortfolioConfig): string | null {
  if (!config.key) return 'Choose an alpha.'
  if (config.weighting === 'quantile' && !(config.quantile > 0 && config.quantile <= 0.5))
    return 'Each leg must hold more than 0% and at most 50% of the universe.'
  if (!(config.costBps >= 0 && config.costBps <= 1000)) return 'The cost must be 0–1000 bps.'
  return null
}

/** The portfolio backtest: a long/short portfolio of one alpha, an engine job; a failed run keeps the previous result. */
export async function runPortfolioBacktest(): Promise<void> {
  const s = get()
  const run = s.run.data
  const config = s.portfolioConfig
  if (!run || s.portfolioBacktest.status === 'loading' || portfolioBacktestProblem(config)) return
  const { weighting, quantile, costBps } = config
  const key = config.key!
  await runTask(
    jobs,
    'portfolio-backtest',
    (jobId) => api.alphas.portfolioBacktest({ runId: run.runId, key, weighting, quantile, costBps, jobId }),
    (portfolioBacktest) => set({ portfolioBacktest }),
    { keep: s.portfolioBacktest.data, keepOnError: true },
  )
}

export function cancelPortfolioBacktest(): void {
  if (get().portfolioBacktest.status === 'loading') void jobs.cancel('portfolio-backtest')
}
