/**
 * Curves jobs: every view runs in a worker on the root's panel, read once per worker and
 * dataset + root (panel-source.ts). Payloads are a root reference plus options; results are
 * the view's numbers (dates × tenors at most), never the panel itself.
 */
import { defineJobs, type JobContext } from '../../pool/jobs'
import { continuousBars } from './continuous-bars'
import { curveSource, type RootRef } from './panel-source'
import { curveTable, type TableQuery } from './tables'
import {
  continuous,
  deviation,
  fitCurves,
  panelView,
  pca,
  spreads,
  type ContinuousOptions,
  type FitOptions,
  type PcaOptions,
  type SpreadOptions,
} from './views'

const source = (ref: RootRef, ctx: JobContext) => curveSource(ctx.db(), ctx.native, ref)

export const curvesJobs = defineJobs({
  'curves.panel': (p: RootRef, ctx) => panelView(source(p, ctx)),
  'curves.deviation': (p: RootRef & { maxTenors: number }, ctx) => deviation(source(p, ctx), p.maxTenors),
  'curves.spreads': (p: RootRef & SpreadOptions, ctx) => spreads(source(p, ctx), p),
  'curves.fit': (p: RootRef & FitOptions, ctx) => {
    ctx.progress(0, 1, 'reading the curves')
    const s = source(p, ctx)
    ctx.progress(0, 1, `fitting ${s.dates.length} dates`)
    const result = fitCurves(s, p)
    ctx.progress(1, 1)
    return result
  },
  'curves.pca': (p: RootRef & PcaOptions, ctx) => pca(source(p, ctx), p),
  'curves.continuous': (p: RootRef & ContinuousOptions, ctx) => {
    const { contract: _c, mul: _m, add: _a, ...series } = continuous(source(p, ctx), p)
    return series
  },
  'curves.continuousBars': (p: RootRef & ContinuousOptions, ctx) => continuousBars(source(p, ctx), p),
  'curves.table': (p: RootRef & TableQuery, ctx) => curveTable(source(p, ctx), p),
})
export type CurvesJobs = typeof curvesJobs
