/** The engine's input errors (`INVALID_ARGUMENT: ...`) become validation errors naming the field; anything else passes through. */
import { AppError } from '../../contract'

export function engineCall<T>(what: string, call: () => T): T {
  try {
    return call()
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    const m = /^(INVALID_ARGUMENT|PARSE_ERROR|MISSING_FIELD): (.*)$/s.exec(message)
    if (m) throw new AppError('VALIDATION', `${what}: ${m[2]}`)
    throw err
  }
}
