/** Bearer-token check (constant time); a refused request is logged without the token it sent. */
import { timingSafeEqual } from 'node:crypto'

export function tokenMatches(header: string | undefined, token: string): boolean {
  if (!header) return false
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header)
  if (!m) return false
  const a = Buffer.from(m[1])
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}
