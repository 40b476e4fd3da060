/** API errors as {error, message, field}: 4xx replies that name what was wrong and where. */
import type { FastifyError, FastifyInstance } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import type { z } from 'zod'
import { AppError } from '../../../contract'
import { BodyError } from './body'
import { IdempotencyConflict } from './idempotency'

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message)
  }
}

const pathOf = (where: string, path: readonly PropertyKey[]) =>
  [where, ...path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))].join('').replace(/\.\[/g, '[')

export function validationError(where: string, error: z.ZodError): ApiError {
  const issue = error.issues[0]
  const field = pathOf(where, issue?.path ?? [])
  return new ApiError(400, 'VALIDATION', `${field}: ${issue?.message ?? 'invalid'}`, field)
}

const statusOf: Partial<Record<AppError['code'], number>> = { VALIDATION: 400, NOT_FOUND: 404, UNAUTHORIZED: 401 }

export function installErrorHandler(app: FastifyInstance, log: (message: string) => void): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const v = err.validation[0]
      const segments = v.instancePath.split('/').filter(Boolean)
      const field = [err.validationContext ?? 'body', ...segments.map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s}`))]
        .join('')
        .replace(/\.\[/g, '[')
      return reply.code(400).send({ error: 'VALIDATION', field, message: `${field}: ${v.message}` })
    }
    if (err instanceof ApiError) return reply.code(err.status).send({ error: err.code, field: err.field, message: err.message })
    if (err instanceof BodyError)
      return reply.code(err.status).send({ error: err.status === 413 ? 'TOO_LARGE' : 'MALFORMED', message: err.message })
    if (err instanceof IdempotencyConflict) return reply.code(422).send({ error: 'IDEMPOTENCY_CONFLICT', message: err.message })
    if (err instanceof AppError) return reply.code(statusOf[err.code] ?? 500).send({ error: err.code, message: err.message })
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // fastify's own: malformed JSON, body too large, wrong content type
      return reply.code(err.statusCode).send({ error: err.code ?? 'BAD_REQUEST', message: err.message.slice(0, 200) })
    }
    log(`live API: ${req.method} ${req.url.slice(0, 200)} failed: ${err.message}`)
    return reply.code(500).send({ error: 'INTERNAL', message: 'internal error' })
  })
}
