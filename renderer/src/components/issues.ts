import type { CsvIssue, ErrorData } from '../../../electron/contract'

/** `file:line:column (field)` — where a CSV problem is, the way editors and compilers say it. */
export function issueLocation(issue: CsvIssue): string {
  let where = issue.file || '(input)'
  if (issue.line > 0) {
    where += `:${issue.line}`
    if (issue.column !== undefined) where += `:${issue.column}`
  }
  if (issue.field) where += ` (${issue.field})`
  return where
}

function isIssue(value: unknown): value is CsvIssue {
  return typeof value === 'object' && value !== null && 'message' in value && 'file' in value
}

/** CSV issues carried in an error's details (`{issues: [...]}`, a single issue, or an array). */
export function issuesOf(error: ErrorData | null | undefined): CsvIssue[] {
  const details = error?.details
  if (!details) return []
  if (Array.isArray(details)) return details.filter(isIssue)
  if (isIssue(details)) return [details]
  if (typeof details === 'object') {
    const d = details as { issues?: unknown; errors?: unknown }
    const list = Array.isArray(d.issues) ? d.issues : Array.isArray(d.errors) ? d.errors : []
    return list.filter(isIssue)
  }
  return []
}

/** Anything thrown → error data (AppError keeps its code; the rest are INTERNAL). */
export function asErrorData(err: unknown): ErrorData {
  if (typeof err === 'object' && err !== null && 'code' in err && 'message' in err) {
    const e = err as { code: unknown; message: unknown; details?: unknown }
    if (typeof e.code === 'string' && typeof e.message === 'string') {
      return { code: e.code as ErrorData['code'], message: e.message, details: e.details }
    }
  }
  return { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) }
}
