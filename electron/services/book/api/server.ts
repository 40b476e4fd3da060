/**
 * The live API: an HTTP server on 127.0.0.1 that running algorithms push trades into —
 * another way into the book (the main process's one writable connection), never a second
 * writer. fastify with zod schemas (validation, and the OpenAPI document at
 * /v1/openapi.json); a bearer token on every route but the document; a body size limit.
 */
import swagger from '@fastify/swagger'
import Fastify, { type FastifyInstance } from 'fastify'
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import type { Db } from '../../../db/open'
import { tokenMatches } from './auth'
import type { ApiContext, LiveChange } from './context'
import { GroupCommit } from './group-commit'
import { installErrorHandler } from './errors'
import { seedRoutes } from './routes-seed'
import { v1Routes } from './routes-v1'

export const defaultBodyLimit = 1 << 20

export interface LiveApiOptions {
  db: Db
  host?: string
  port: number
  /** Where the seed-compatible routes live, e.g. "/api" (or "" for the root). */
  basePath: string
  /** Read on every request, so a rotated token applies at once. */
  token: () => string
  onChange?: (change: LiveChange) => void
  log?: (message: string) => void
  bodyLimit?: number
}

export interface LiveApi {
  url: string
  port: number
  app: FastifyInstance
  close(): Promise<void>
}

export function normaliseBasePath(base: string): string {
  const trimmed = base.trim().replace(/\/+$/, '')
  if (!trimmed) return ''
  if (!/^(\/[A-Za-z0-9._~-]+)+$/.test(trimmed.startsWith('/') ? trimmed : `/${trimmed}`)) {
    throw new Error(`base path '${base.slice(0, 80)}': use letters, digits and / only (e.g. /api)`)
  }
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`
}

export async function startLiveApi(options: LiveApiOptions): Promise<LiveApi> {
  const log = options.log ?? ((m: string) => console.warn(m))
  const bodyLimit = options.bodyLimit ?? defaultBodyLimit
  const basePath = normaliseBasePath(options.basePath)
  const app = Fastify({ bodyLimit, logger: false, routerOptions: { maxParamLength: 200 }, return503OnClosing: true })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  installErrorHandler(app, log)
  await app.register(swagger, {
    openapi: {
      info: { title: 'alphadesk live trade API', version: '1.0.0', description: 'Push live trades into the alphadesk trade book.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  })

  app.addHook('onRequest', async (req, reply) => {
    if (req.url === '/v1/openapi.json') return
    if (!tokenMatches(req.headers.authorization, options.token())) {
      log(`live API: 401 ${req.method} ${req.url.slice(0, 200)} from ${req.ip}: ${req.headers.authorization ? 'wrong token' : 'no token'}`)
      return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'UNAUTHORIZED', message: 'missing or wrong bearer token' })
    }
  })

  const commits = new GroupCommit(options.db)
  const ctx: ApiContext = { db: options.db, write: (fn) => commits.run(fn), onChange: options.onChange ?? (() => {}) }
  await app.register(async (scope) => seedRoutes(scope, ctx, bodyLimit), { prefix: basePath })
  await app.register(async (scope) => v1Routes(scope, ctx))
  app.get('/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger())

  await app.listen({ host: options.host ?? '127.0.0.1', port: options.port })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    app,
    close: () => app.close(),
  }
}
