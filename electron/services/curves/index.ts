/** Curves: futures term structures on the native engine. Plain Node, no Electron. */
export { createCurvesService, type CurvesService } from './service'
export { curvesJobs, type CurvesJobs } from './jobs'
export { readShippedSpecs, readSpecs } from './specs/contract-specs'
export { expiryOf, type ExpiryRule } from './specs/expiry-rules'
