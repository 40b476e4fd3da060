/**
 * A trade filter typed on the command line: JSON (`{"instruments":["ES"]}`) or
 * `key=value` pairs joined by `;` (instrument=ES,NQ;direction=long;from=2024-01-01;pnlMin=0).
 */
import { AppError } from '../../contract'
import { type TradeFilter, tradeFilterSchema } from '../../contract/book'
import { timeOfText } from './live'

const list = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)

function time(key: string, v: string, endOfDay: boolean): number {
  const ts = /^-?\d+$/.test(v) ? Number(v) : timeOfText(v)
  if (ts === null) throw new AppError('VALIDATION', `--filter ${key}: '${v.slice(0, 40)}' is not a date (YYYY-MM-DD) or unix seconds`)
  return endOfDay && /^\d{4}-\d{2}-\d{2}$/.test(v) ? ts + 86_399 : ts
}

function number(key: string, v: string): number {
  const n = Number(v)
  if (!Number.isFinite(n)) throw new AppError('VALIDATION', `--filter ${key}: '${v.slice(0, 40)}' is not a number`)
  return n
}

export function parseFilterText(text: string | undefined): TradeFilter {
  if (!text?.trim()) return {}
  let raw: unknown
  if (text.trim().startsWith('{')) {
    try {
      raw = JSON.parse(text)
    } catch {
      throw new AppError('VALIDATION', '--filter: not valid JSON')
    }
  } else {
    const f: Record<string, unknown> = {}
    for (const part of text
      .split(';')
      .map((p) => p.trim())
      .filter(Boolean)) {
      const eq = part.indexOf('=')
      if (eq < 1) throw new AppError('VALIDATION', `--filter: '${part.slice(0, 40)}' is not key=value`)
      const key = part.slice(0, eq).trim()
      const v = part.slice(eq + 1).trim()
      switch (key) {
        case 'instrument':
        case 'instruments':
          f.instruments = list(v)
          break
        case 'run':
        case 'runs':
          f.runIds = list(v).map((x) => number(key, x))
          break
        case 'source':
        case 'sources':
          f.sources = list(v)
          break
        case 'reason':
        case 'exitReason':
          f.exitReasons = list(v)
          break
        case 'from':
          f.from = time(key, v, false)
          break
        case 'to':
          f.to = time(key, v, true)
          break
        case 'pnlMin':
        case 'pnlMax':
          f[key] = number(key, v)
          break
        case 'direction':
        case 'tag':
        case 'text':
        case 'user':
        case 'alpha':
        case 'status':
          f[key] = v
          break
        default:
          throw new AppError(
            'VALIDATION',
            `--filter: unknown key '${key.slice(0, 40)}' (instrument, run, source, direction, from, to, pnlMin, pnlMax, reason, tag, text, user, alpha, status)`,
          )
      }
    }
    raw = f
  }
  const parsed = tradeFilterSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new AppError('VALIDATION', `--filter ${issue.path.join('.') || ''}: ${issue.message}`)
  }
  return parsed.data
}
