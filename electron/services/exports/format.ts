import { AppError } from '../../contract'
import { type ExportFormat, exportFormats } from './types'

/** The format a file name asks for (.csv, .json, .ndjson/.jsonl, .xlsx, .parquet). */
export function formatFromPath(path: string, allowed: readonly ExportFormat[] = exportFormats): ExportFormat {
  const ext = /\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase()
  const format = ext === 'jsonl' ? 'ndjson' : (ext as ExportFormat | undefined)
  if (!format || !allowed.includes(format)) {
    throw new AppError('VALIDATION', `--out: write a ${orList(allowed.map((f) => `.${f}`))} file (got ${path})`)
  }
  return format
}

const orList = (xs: string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`)
