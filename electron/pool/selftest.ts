/** The pool's own diagnostics: prove progress, cancel and crash isolation with real workers. */
import { AppError } from '../contract'
import { defineJobs } from './jobs'

/** Self-tests are refused unless the host allows them (tests, diagnostics). */
function allowed(): void {
  if (process.env.ALPHADESK_ALLOW_SELFTEST !== '1') {
    throw new AppError('VALIDATION', 'self-test jobs are disabled in this process')
  }
}

export const selftestJobs = defineJobs({
  /** Sleeps in steps, reporting progress. */
  'selftest.sleep': async (payload: { steps: number; stepMs: number }, ctx) => {
    allowed()
    for (let i = 1; i <= payload.steps; i++) {
      await new Promise((r) => setTimeout(r, payload.stepMs))
      ctx.progress(i, payload.steps, `step ${i}`)
    }
    return { steps: payload.steps }
  },
  /** Aborts the worker process from native code. */
  'selftest.abort': (_payload: Record<string, never>, ctx): never => {
    allowed()
    ctx.native.abortForTest()
    throw new Error('unreachable: the native abort returned')
  },
})
