/**
 * The formula library: the paper's 101 alphas (resources/alphas/alpha101.txt) and the user's
 * saved formulas (table user_formulas).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppError, type AlphaFormula } from '../../contract'
import type { Db } from '../../db/open'

export const citation =
  'Zura Kakushadze, "101 Formulaic Alphas", Wilmott Magazine 2016(84):72–81, arXiv:1601.00991. ' +
  'The formulae are provided with the express permission of WorldQuant LLC, which retains all rights in them.'

export interface PaperFormula {
  key: string
  name: string
  text: string
}

/** `Alpha#N: formula` lines → alpha001..alpha101 (comments and blank lines skipped). */
export function parseAlphaFile(text: string): PaperFormula[] {
  const out: PaperFormula[] = []
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (!line || line.startsWith('#')) continue
    const m = /^Alpha#(\d+)\s*:\s*(.+)$/.exec(line)
    if (!m) continue
    const n = Number(m[1])
    out.push({ key: alphaKey(n), name: `Alpha#${n}`, text: m[2].trim() })
  }
  return out
}

export function alphaKey(n: number): string {
  return `alpha${String(n).padStart(3, '0')}`
}

const cache = new Map<string, PaperFormula[]>()

export function paperFormulas(resourcesDir: string): PaperFormula[] {
  let list = cache.get(resourcesDir)
  if (!list) {
    const path = join(resourcesDir, 'alphas', 'alpha101.txt')
    try {
      list = parseAlphaFile(readFileSync(path, 'utf8'))
    } catch (err) {
      throw new AppError('INTERNAL', `cannot read the 101 formulas from ${path}: ${(err as Error).message}`)
    }
    cache.set(resourcesDir, list)
  }
  return list
}

interface UserRow {
  id: number
  name: string
  text: string
}

export function userFormulas(db: Db): UserRow[] {
  return db.prepare('SELECT id, name, text FROM user_formulas ORDER BY id').all() as UserRow[]
}

export function userFormula(db: Db, id: number): UserRow {
  const row = db.prepare('SELECT id, name, text FROM user_formulas WHERE id = ?').get(id) as UserRow | undefined
  if (!row) throw new AppError('NOT_FOUND', `no saved formula user:${id}`)
  return row
}

export function insertUserFormula(db: Db, name: string, text: string): number {
  return Number(db.prepare('INSERT INTO user_formulas (name, text) VALUES (?, ?)').run(name, text).lastInsertRowid)
}

export function deleteUserFormula(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM user_formulas WHERE id = ?').run(id).changes > 0
}

export function userKey(id: number): string {
  return `user:${id}`
}

export function toFormula(key: string, name: string, text: string, source: AlphaFormula['source'], fields: string[]): AlphaFormula {
  return { key, name, text, source, fields }
}
