/** Progress reported by long imports: a phase name and units done out of a total. */
export interface ImportProgress {
  phase: string
  done: number
  total: number
}

export type ProgressFn = (p: ImportProgress) => void

/**
 * Wraps a progress callback so it fires at most once per `intervalMs` (about 10×/s),
 * except for forced reports (phase changes and the end).
 */
export function throttleProgress(fn: ProgressFn | undefined, intervalMs = 100): (p: ImportProgress, force?: boolean) => void {
  if (!fn) return () => {}
  let last = 0
  return (p, force = false) => {
    const now = performance.now()
    if (!force && now - last < intervalMs) return
    last = now
    fn(p)
  }
}

/** Lets timers, I/O and abort signals run between chunks of work. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
