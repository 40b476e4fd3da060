/** Contract specs per futures root, from resources/specs/contracts.json (editable in the form; the default covers stocks and indices). */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppError, type ContractCosts, type RootSpec } from '../../contract'

export interface SpecTable {
  roots: RootSpec[]
  fallback: ContractCosts
}

interface SpecFile {
  default: ContractCosts
  roots: Record<string, ContractCosts & { name: string }>
}

const cache = new Map<string, SpecTable>()

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
    const costs = (c: ContractCosts): ContractCosts => ({
      tickSize: c.tickSize,
      tickValue: c.tickValue,
      commission: c.commission,
      slippageTicks: c.slippageTicks,
    })
    table = {
      roots: Object.entries(file.roots).map(([root, s]) => ({
        root,
        name: s.name,
        ...costs(s),
      })),
      fallback: costs(file.default),
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
