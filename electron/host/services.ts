/**
 * The services, one per contract domain: what the router dispatches to. A new domain is one
 * line here (and one in jobs.ts when it has worker jobs).
 */
import type { AllHandlers } from '../contract'
import { createAlphaService } from '../services/alphas'
import { createBacktestService } from '../services/backtests'
import { createCurvesService } from '../services/curves'
import type { ServiceDeps } from '../services/deps'
import { createImportService, createIndicatorService, createMarketService } from '../services/market'
import { createAppService, createJobsService, type HostInfo } from './app-service'
import type { AppJobs } from './jobs'

export function createServices(deps: ServiceDeps<AppJobs>, host: HostInfo) {
  return {
    app: createAppService(deps, host),
    jobs: createJobsService(deps, host),
    market: createMarketService(deps),
    imports: createImportService(deps),
    indicators: createIndicatorService(deps),
    alphas: createAlphaService(deps),
    backtests: createBacktestService(deps),
    curves: createCurvesService(deps),
  } satisfies AllHandlers
}
