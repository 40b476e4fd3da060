/** Wall and CPU time of a piece of work, and the event loop's worst stall while it ran. */
import { loadavg } from 'node:os'

export interface Measured<T> {
  value: T
  wallMs: number
  cpuMs: number
  maxLagMs: number
}

export async function measure<T>(work: () => T | Promise<T>): Promise<Measured<T>> {
  let maxLag = 0
  let last = performance.now()
  const timer = setInterval(() => {
    const now = performance.now()
    maxLag = Math.max(maxLag, now - last - 10)
    last = now
  }, 10)
  const cpu = process.cpuUsage()
  const started = performance.now()
  try {
    const value = await work()
    const wallMs = performance.now() - started
    const used = process.cpuUsage(cpu)
    return { value, wallMs, cpuMs: (used.user + used.system) / 1000, maxLagMs: maxLag }
  } finally {
    clearInterval(timer)
  }
}

export const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`
export const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
