/**
 * The curves service (main process): resolves a root's expiry rule from the contract specs,
 * sends every view to the engine pool (the worker keeps the root's panel), stores continuous
 * contracts as instruments and the user's spec edits as overrides.
 */
import { AppError, type ContractSpec, type Service } from '../../contract'
import type { ServiceDeps } from '../deps'
import { parseContractCode } from '../market/futures-codes'
import type { CurvesJobs } from './jobs'
import type { RootRef } from './panel-source'
import { deleteSpecOverride, readSpecs, saveSpecOverride, contractSpecSchema } from './specs/contract-specs'
import { expiryOf, type ExpiryRule } from './specs/expiry-rules'
import { listRoots, storeContinuous } from './store'
import { tableCsv } from './write-table'

export type CurvesService = Service<'curves'>

const adjustCode = { none: 'RAW', difference: 'DIFF', ratio: 'RATIO' } as const
const adjustName = { none: 'unadjusted', difference: 'difference-adjusted', ratio: 'ratio-adjusted' } as const

export function createCurvesService(deps: Pick<ServiceDeps<CurvesJobs>, 'db' | 'pool' | 'resourcesDir'>): CurvesService {
  const { db, pool, resourcesDir } = deps
  const specs = () => readSpecs(db, resourcesDir)
  const ruleOf = (root: string): ExpiryRule | null => (specs().find((s) => s.root === root)?.expiryRule as ExpiryRule | undefined) ?? null
  const ref = (input: { datasetId: number; root: string }): RootRef => ({
    datasetId: input.datasetId,
    root: input.root,
    expiryRule: ruleOf(input.root),
  })

  return {
    roots: () => listRoots(db),
    panel: (input) => pool.run('curves.panel', ref(input)),
    deviation: (input) => pool.run('curves.deviation', { ...ref(input), maxTenors: input.maxTenors }),
    spreads: (input) => pool.run('curves.spreads', { ...ref(input), pairs: input.pairs, cm: input.cm, slopeTenors: input.slopeTenors }),
    fit: (input) => {
      const { jobId, datasetId, root, ...options } = input
      const label = `${options.model === 'ns' ? 'Nelson–Siegel' : 'Svensson'} fits of ${root}${options.fitLambda ? ' (λ fitted)' : ''}`
      return pool.run('curves.fit', { ...ref({ datasetId, root }), ...options }, { jobId, label })
    },
    pca: (input) => pool.run('curves.pca', { ...ref(input), maturities: input.maturities, flat: input.flat }),
    continuous: (input) => pool.run('curves.continuous', { ...ref(input), rule: input.rule, days: input.days, adjust: input.adjust }),
    saveContinuous: async (input) => {
      const options = { rule: input.rule, days: input.days, adjust: input.adjust }
      const bars = await pool.run('curves.continuousBars', { ...ref(input), ...options }, { label: `continuous ${input.root}` })
      const ruleCode = input.rule === 'days' ? `${input.days}D` : input.rule === 'volume' ? 'VOL' : 'OI'
      const symbol = input.symbol ?? `${input.root}-CONT-${ruleCode}-${adjustCode[input.adjust]}`
      if (!symbol.includes('-CONT-')) throw new AppError('VALIDATION', `symbol: a continuous series is named ROOT-CONT-…, got '${symbol}'`)
      const how =
        input.rule === 'days'
          ? `roll ${input.days} days before expiry`
          : `roll on ${input.rule === 'volume' ? 'volume' : 'open interest'} crossover`
      const name = `${input.root} continuous, ${how}, ${adjustName[input.adjust]} (${bars.rolls} rolls)`
      const instrumentId = storeContinuous(db, input.datasetId, input.root, symbol, name, bars)
      return { instrumentId, datasetId: input.datasetId, symbol, bars: bars.ts.length }
    },
    table: (input) => {
      const { datasetId, root, ...query } = input
      return pool.run('curves.table', { ...ref({ datasetId, root }), ...query }, { label: `curves ${query.what} of ${root}` })
    },
    csv: async (input) => {
      const { datasetId, root, ...query } = input
      const table = await pool.run('curves.table', { ...ref({ datasetId, root }), ...query }, { label: `curves ${query.what} of ${root}` })
      return { filename: `${table.filename}.csv`, text: tableCsv(table) }
    },
    specs: () => specs(),
    saveSpec: (input): ContractSpec => {
      const parsed = contractSpecSchema.safeParse(input)
      if (!parsed.success) {
        const issue = parsed.error.issues[0]
        throw new AppError('VALIDATION', `${issue.path.join('.') || 'spec'}: ${issue.message}`)
      }
      saveSpecOverride(db, parsed.data)
      const saved = specs().find((s) => s.root === parsed.data.root)
      if (!saved) throw new AppError('INTERNAL', `spec ${parsed.data.root} not readable after saving`)
      return saved
    },
    resetSpec: (input) => ({ reset: deleteSpecOverride(db, input.root) }),
    expiryOf: (input) => {
      const code = parseContractCode(input.symbol)
      if (!code) throw new AppError('VALIDATION', `not a contract code (ROOT + month letter + year, e.g. CLK20): '${input.symbol}'`)
      const rule = ruleOf(code.root)
      return { symbol: input.symbol, expiry: rule ? expiryOf(rule, code.year, code.month) : null }
    },
  }
}
