/**
 * The signals CSV: `time,direction` per line (a header line is optional). time is ISO 8601
 * (`2019-11-05T09:31:00`, `2019-11-05 09:31`, `2019-11-05`; read as the exchange's wall clock,
 * like the bars) or unix seconds; direction is 1 / -1 / long / short / buy / sell.
 */
import { AppError } from '../../contract'

export interface SignalList {
  time: number[]
  direction: number[]
  /** 1-based line of each signal in the file (for errors about a time that is not a bar). */
  line: number[]
}

export const MAX_SIGNALS = 1_000_000

const isoTime = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?(?:Z|[+-]00:?00)?$/

function parseTime(text: string): number | null {
  if (/^-?\d+$/.test(text)) return Number(text)
  const m = isoTime.exec(text)
  if (!m) return null
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0))
  const d = new Date(ms)
  if (d.getUTCDate() !== +m[3] || +(m[4] ?? 0) > 23 || +(m[5] ?? 0) > 59) return null
  return ms / 1000
}

function parseDirection(text: string): 1 | -1 | null {
  const t = text.toLowerCase()
  if (t === '1' || t === '+1' || t === 'long' || t === 'buy') return 1
  if (t === '-1' || t === 'short' || t === 'sell') return -1
  return null
}

export function parseSignalsCsv(text: string, source = 'signals CSV'): SignalList {
  const out: SignalList = { time: [], direction: [], line: [] }
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].trim()
    if (!raw || raw.startsWith('#')) continue
    const cells = raw.split(/[,;\t]/).map((c) => c.trim().replace(/^"|"$/g, ''))
    if (out.time.length === 0 && i === lines.findIndex((l) => l.trim()) && /^[a-z_ ]+$/i.test(cells[0])) {
      if (cells[0].toLowerCase() !== 'time' || (cells[1] ?? '').toLowerCase() !== 'direction') {
        throw new AppError('CSV_INVALID', `${source} line ${i + 1}: the header must be time,direction (got ${raw.slice(0, 60)})`, {
          line: i + 1,
        })
      }
      continue
    }
    if (cells.length < 2) throw new AppError('CSV_INVALID', `${source} line ${i + 1}: expected time,direction`, { line: i + 1 })
    const time = parseTime(cells[0])
    if (time === null) {
      throw new AppError(
        'CSV_INVALID',
        `${source} line ${i + 1}, column time: cannot read '${cells[0].slice(0, 40)}' as a time (ISO 8601 or unix seconds)`,
        {
          line: i + 1,
          field: 'time',
        },
      )
    }
    const dir = parseDirection(cells[1])
    if (dir === null) {
      throw new AppError(
        'CSV_INVALID',
        `${source} line ${i + 1}, column direction: '${cells[1].slice(0, 20)}' is not 1, -1, long or short`,
        {
          line: i + 1,
          field: 'direction',
        },
      )
    }
    if (out.time.length >= MAX_SIGNALS) throw new AppError('CSV_INVALID', `${source}: more than ${MAX_SIGNALS} signals`)
    out.time.push(time)
    out.direction.push(dir)
    out.line.push(i + 1)
  }
  if (out.time.length === 0) throw new AppError('CSV_INVALID', `${source}: no signals (expected lines of time,direction)`)
  return out
}
