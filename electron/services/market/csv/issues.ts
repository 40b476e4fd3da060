import { AppError, type CsvIssue } from '../../../contract'

/** Formats an issue the way error messages name it: `<file>: line L, column C (field): message`. */
export function formatIssue(issue: CsvIssue): string {
  const where: string[] = []
  if (issue.line > 0) where.push(`line ${issue.line}`)
  if (issue.column !== undefined) where.push(`column ${issue.column}${issue.field ? ` (${issue.field})` : ''}`)
  else if (issue.field) where.push(`(${issue.field})`)
  return `${issue.file}: ${where.length ? `${where.join(', ')}: ` : ''}${issue.message}`
}

/**
 * Collects issues up to a cap (a broken million-row file must not make a million objects)
 * while counting all of them.
 */
export class IssueList {
  readonly items: CsvIssue[] = []
  total = 0
  constructor(readonly cap: number) {}

  add(issue: CsvIssue): void {
    this.total++
    if (this.items.length < this.cap) this.items.push(issue)
  }

  /** Back to an earlier state (a file being read again). */
  truncate(items: number, total: number): void {
    this.items.length = Math.min(this.items.length, items)
    this.total = total
  }

  get count(): number {
    return this.total
  }

  /** The kept issues, plus a closing note when some were left out. */
  list(): CsvIssue[] {
    if (this.total <= this.items.length) return this.items.slice()
    const last = this.items[this.items.length - 1]
    return [
      ...this.items,
      { file: last?.file ?? '', line: 0, message: `${this.total - this.items.length} more not listed (${this.total} in all)` },
    ]
  }
}

/** The CSV_INVALID error for a set of problems: its message names the first one. */
export function csvInvalid(errors: IssueList): AppError {
  const first = errors.items[0]
  const more = errors.total > 1 ? ` (and ${errors.total - 1} more ${errors.total === 2 ? 'problem' : 'problems'})` : ''
  return new AppError('CSV_INVALID', `${first ? formatIssue(first) : 'invalid CSV'}${more}`, { issues: errors.list() })
}
