import type { CsvField, CsvSource } from '../../../../electron/contract'
import { jobFraction } from '../task'
import type { ImportsSlice } from './state'

/** What is sent as `sources`: the read files, or the backend path. */
export function sourcesOf(s: ImportsSlice): CsvSource[] {
  if (s.sourceMode === 'path') return s.path.trim() ? [{ path: s.path.trim() }] : []
  return s.files.map((f) => ({ name: f.name, text: f.text }))
}

export const hasSources = (s: ImportsSlice): boolean =>
  s.reading === null && (s.sourceMode === 'path' ? s.path.trim().length > 0 : s.files.length > 0)

export const previewErrors = (s: ImportsSlice): number => s.preview.data?.errors.length ?? 0

/** Import is allowed once a clean preview of the current options is on screen and a name is given. */
export const canImport = (s: ImportsSlice): boolean =>
  s.preview.status === 'ready' && previewErrors(s) === 0 && s.datasetName.trim().length > 0 && !s.running

/** Column index → field, the inverse of the mapping (for one select per column). */
export function fieldsByColumn(mapping: Partial<Record<CsvField, number>> | undefined): Map<number, CsvField> {
  const out = new Map<number, CsvField>()
  for (const [field, col] of Object.entries(mapping ?? {})) {
    if (typeof col === 'number') out.set(col, field as CsvField)
  }
  return out
}

/** Progress fraction 0..1 of the running import, or null when not known yet. */
export const importFraction = (s: ImportsSlice): number | null => jobFraction(s.job)

/** A dataset name from the first file or path: "sp500_daily.csv" → "sp500_daily". */
export function suggestName(nameOrPath: string): string {
  const base = nameOrPath.split(/[\\/]/).filter(Boolean).pop() ?? ''
  return base
    .replace(/\.gz$/i, '')
    .replace(/\.(csv|txt|tsv)$/i, '')
    .slice(0, 100)
}
