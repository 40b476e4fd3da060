/** Milliseconds left at the rate so far; null until there is a rate to go by. */
export function etaMs(startedAt: number, done: number, total: number, now = Date.now()): number | null {
  if (done <= 0 || total <= 0 || done > total) return null
  return Math.round(((now - startedAt) / done) * (total - done))
}
