/**
 * Costs per futures root from the shared contract specs (resources/specs/contracts.json, kept by
 * the curves domain: `contracts[]` with tick size, tick value, commission and slippage per side).
 * Instruments without a root (stocks, the S&P 500 index) get one share / index unit with no costs.
 * Everything stays editable in the form.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppError, type ContractCosts, type RootSpec } from '../../contract'

export interface SpecTable {
  roots: RootSpec[]
  fallback: ContractCosts
}

interface SpecFile {
  contracts: (ContractCosts & { root: string; name: string })[]
}

/** One share or index unit: a one-cent tick worth one cent. */
export const fallbackCosts: ContractCosts = { tickSize: 0.01, tickValue: 0.01, commission: 0, slippageTicks: 0 }

const cache = new Map<string, SpecTable>()

function costsOf(c: ContractCosts, where: string): ContractCosts {
  for (const key of ['tickSize', 'tickValue', 'commission', 'slippageTicks'] as const) {
    const v = c[key]
    const ok = typeof v === 'number' && Number.isFinite(v) && (key === 'tickSize' || key === 'tickValue' ? v > 0 : v >= 0)
    if (!ok) throw new AppError('INTERNAL', `contract specs: ${where}.${key} is not a valid number (${String(v)})`)
  }
  return { tickSize: c.tickSize, tickValue: c.tickValue, commission: c.commission, slippageTicks: c.slippageTicks }
}

export function specTable(resourcesDir: string): SpecTable {
  const path = join(resourcesDir, 'specs', 'contracts.json')
  let table = cache.get(path)
  if (!table) {
    let file: SpecFile
    try {
      file = JSON.parse(readFileSync(path, 'utf8')) as SpecFile
    } catch (err) {
      throw new AppError('INTERNAL', `cannot read the contract specs ${path}: ${err instanceof Error ? err.message : String(err)}`)
    }
    if (!Array.isArray(file.contracts)) throw new AppError('INTERNAL', `contract specs ${path}: no contracts list`)
    table = {
      roots: file.contracts.map((c, i) => ({ root: c.root, name: c.name, ...costsOf(c, `contracts[${i}] (${c.root})`) })),
      fallback: fallbackCosts,
    }
    cache.set(path, table)
  }
  return table
}

export function costsForRoot(table: SpecTable, root: string | null): ContractCosts & { root: string | null } {
  const spec = root ? table.roots.find((r) => r.root.toUpperCase() === root.toUpperCase()) : undefined
  if (!spec) return { ...table.fallback, root: null }
  const { name: _name, ...costs } = spec
  return costs
}
