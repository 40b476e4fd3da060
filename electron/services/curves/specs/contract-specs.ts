/**
 * Contract specifications: the shipped file resources/specs/contracts.json, with the user's
 * edits stored as overrides in the database (table contract_spec_overrides, migration 005).
 * A spec read here is the file's entry with the override's fields on top.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { AppError, type ContractSpec } from '../../../contract'
import type { Db } from '../../../db/open'
import { expiryRuleSchema } from './expiry-rules'

export const specsFile = join('specs', 'contracts.json')

export const contractSpecSchema = z.object({
  root: z.string().regex(/^[A-Z0-9]{1,5}$/, 'root: 1–5 capital letters or digits'),
  name: z.string().min(1).max(200),
  exchange: z.string().min(1).max(40),
  currency: z.string().regex(/^[A-Z]{3}$/, 'currency: a 3-letter code'),
  tickSize: z.number().positive().finite(),
  tickValue: z.number().positive().finite(),
  pointValue: z.number().positive().finite(),
  months: z.string().regex(/^[FGHJKMNQUVXZ]{1,12}$/, 'months: month codes FGHJKMNQUVXZ'),
  slippageTicks: z.number().min(0).finite(),
  commission: z.number().min(0).finite(),
  expiryRule: expiryRuleSchema,
  expiryText: z.string().max(1000),
})

const fileSchema = z.object({ version: z.literal(1), contracts: z.array(contractSpecSchema).min(1) })

/** The shipped specs, validated (a broken file names the entry and field). */
export function readShippedSpecs(resourcesDir: string): ContractSpec[] {
  const path = join(resourcesDir, specsFile)
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path, 'utf8'))
  } catch (err) {
    throw new AppError('INTERNAL', `cannot read ${path}: ${err instanceof Error ? err.message : String(err)}`)
  }
  const parsed = fileSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new AppError('INTERNAL', `${path}: ${issue.path.join('.')}: ${issue.message}`)
  }
  return parsed.data.contracts.map((c) => ({ ...c, edited: false }))
}

interface OverrideRow {
  root: string
  spec: string
}

/** Shipped specs merged with the stored overrides (a root only in the database is listed too). */
export function readSpecs(db: Db, resourcesDir: string): ContractSpec[] {
  const shipped = new Map(readShippedSpecs(resourcesDir).map((s) => [s.root, s]))
  const rows = db.prepare('SELECT root, spec FROM contract_spec_overrides ORDER BY root').all() as OverrideRow[]
  for (const row of rows) {
    const parsed = contractSpecSchema.partial().safeParse(JSON.parse(row.spec))
    if (!parsed.success) continue // an override from a newer schema: keep the shipped entry
    const base = shipped.get(row.root)
    const merged = contractSpecSchema.safeParse({ ...base, ...parsed.data, root: row.root })
    if (merged.success) shipped.set(row.root, { ...merged.data, edited: true })
  }
  return [...shipped.values()]
}

export function saveSpecOverride(db: Db, spec: z.infer<typeof contractSpecSchema>): void {
  db.prepare(
    `INSERT INTO contract_spec_overrides (root, spec) VALUES (?, ?)
     ON CONFLICT(root) DO UPDATE SET spec = excluded.spec, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
  ).run(spec.root, JSON.stringify(spec))
}

export function deleteSpecOverride(db: Db, root: string): boolean {
  return db.prepare('DELETE FROM contract_spec_overrides WHERE root = ?').run(root).changes > 0
}
