/** Alpha screens: the 101 Formulaic Alphas and user formulas on the native engine. Plain Node, no Electron. */
export { createAlphaService, describeParseError, type AlphaService, type AlphaServiceOptions } from './service'
export { alphaJobs, type AlphaJobs } from './jobs'
export { computeRun, type ComputePayload, type ComputeFormula } from './compute'
export { formulaApi, type FormulaApi } from './formula-api'
export { paperFormulas, parseAlphaFile, citation } from './library'
export { readRunMeta, RunReader, withRun, type RunMeta } from './run-file'
export { readStoredRun, portfolioBacktestKind } from './store'
