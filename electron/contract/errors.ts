/** Error codes that cross the renderer/main boundary. Errors travel as data, never as thrown objects. */
export const errorCodes = [
  'VALIDATION', // input failed its schema
  'NOT_FOUND',
  'CSV_INVALID', // a user file is malformed: details name file, line, field
  'IMPORT_FAILED',
  'ENGINE_CRASHED', // a worker process died while running the job
  'ENGINE_ERROR', // the native engine reported an error
  'JOB_CANCELLED',
  'UNAUTHORIZED',
  'FORBIDDEN', // allowed in general, not this (e.g. a path outside the import folder)
  'TOO_LARGE', // input over a size limit (contract/limits.ts)
  'BUSY', // too many calls in flight on one connection
  'UNKNOWN_METHOD',
  'INTERNAL',
] as const
export type ErrorCode = (typeof errorCodes)[number]

export interface ErrorData {
  code: ErrorCode
  message: string
  details?: unknown
}

export class AppError extends Error {
  readonly code: ErrorCode
  readonly details?: unknown
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.details = details
  }
  toData(): ErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details }
  }
  static fromData(data: ErrorData): AppError {
    return new AppError(data.code, data.message, data.details)
  }
}

/** Normalises anything thrown into error data; unknown errors become INTERNAL. */
export function toErrorData(err: unknown): ErrorData {
  if (err instanceof AppError) return err.toData()
  const message = err instanceof Error ? err.message : String(err)
  return { code: 'INTERNAL', message }
}
