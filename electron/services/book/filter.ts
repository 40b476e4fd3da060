/** A trade filter as a SQL WHERE clause with bound parameters (values never enter the SQL text). */
import type { TradeFilter } from '../../contract/book'

export interface Where {
  sql: string
  params: Record<string, unknown>
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

function inList(name: string, values: readonly unknown[], params: Record<string, unknown>): string {
  return values
    .map((v, i) => {
      params[`${name}${i}`] = v
      return `@${name}${i}`
    })
    .join(', ')
}

export function whereOf(filter: TradeFilter, ids?: readonly number[]): Where {
  const parts: string[] = []
  const params: Record<string, unknown> = {}
  if (ids) parts.push(ids.length ? `id IN (SELECT value FROM json_each(@ids))` : '0')
  if (ids?.length) params.ids = JSON.stringify(ids)
  if (filter.instruments?.length) parts.push(`instrument IN (${inList('ins', filter.instruments, params)})`)
  if (filter.runIds?.length) parts.push(`run_id IN (${inList('run', filter.runIds, params)})`)
  if (filter.sources?.length) parts.push(`source IN (${inList('src', filter.sources, params)})`)
  if (filter.direction) {
    parts.push('direction = @direction')
    params.direction = filter.direction === 'short' ? -1 : 1
  }
  if (filter.from !== undefined) {
    parts.push('entry_ts >= @from')
    params.from = filter.from
  }
  if (filter.to !== undefined) {
    parts.push('entry_ts <= @to')
    params.to = filter.to
  }
  if (filter.pnlMin !== undefined) {
    parts.push('pnl_net >= @pnlMin')
    params.pnlMin = filter.pnlMin
  }
  if (filter.pnlMax !== undefined) {
    parts.push('pnl_net <= @pnlMax')
    params.pnlMax = filter.pnlMax
  }
  if (filter.exitReasons?.length) parts.push(`exit_reason IN (${inList('why', filter.exitReasons, params)})`)
  if (filter.tag) {
    parts.push('id IN (SELECT trade_id FROM trade_tags WHERE tag = @tag)')
    params.tag = filter.tag
  }
  if (filter.text) {
    // note <> '' lets SQLite walk only the annotated trades (partial index trades_noted).
    parts.push("note <> '' AND note LIKE @text ESCAPE '\\'")
    params.text = `%${likeEscape(filter.text)}%`
  }
  if (filter.user) {
    parts.push('user = @user')
    params.user = filter.user
  }
  if (filter.alpha) {
    parts.push('alpha = @alpha')
    params.alpha = filter.alpha
  }
  if (filter.status === 'open') parts.push('active = 1')
  if (filter.status === 'closed') parts.push('active = 0')
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params }
}
