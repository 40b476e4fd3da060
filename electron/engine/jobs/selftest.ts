import { AppError } from '../../contract'
import type { JobPayload } from '../job-kinds'
import type { JobContext } from './context'

/** Self-tests are refused unless the host allows them (tests, diagnostics). */
function allowed(): void {
  if (process.env.ALPHADESK_ALLOW_SELFTEST !== '1') {
    throw new AppError('VALIDATION', 'self-test jobs are disabled in this process')
  }
}

export async function sleep(payload: JobPayload<'selftest.sleep'>, ctx: JobContext) {
  allowed()
  for (let i = 1; i <= payload.steps; i++) {
    await new Promise((r) => setTimeout(r, payload.stepMs))
    ctx.progress(i, payload.steps, `step ${i}`)
  }
  return { steps: payload.steps }
}

export function abort(_payload: JobPayload<'selftest.abort'>, ctx: JobContext): never {
  allowed()
  ctx.engine.abortForTest()
  throw new Error('unreachable: the native abort returned')
}
