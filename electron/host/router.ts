import { z } from 'zod'
import {
  AppError,
  methodFor,
  splitChannel,
  toErrorData,
  type Contract,
  type Domain,
  type MethodName,
  type Output,
  type ParsedInput,
  type Reply,
} from '../contract'
import { quote } from '../shared/quote'

/** One handler per contract method, typed from the contract. */
export type Handlers = {
  [D in Domain]: {
    [M in MethodName<D>]: (input: ParsedInput<D, M>) => Promise<Output<D, M>> | Output<D, M>
  }
}

/** Describes zod issues as "field: message" lines so a user can see what and where. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(input)'}: ${issue.message}`)
    .join('; ')
}

/**
 * Validates the raw input of a call against the contract and runs its handler.
 * Never throws: every outcome is a Reply, errors as data with a code.
 */
export function createRouter(
  handlers: Handlers,
  onUnexpected: (channel: string, err: unknown) => void = (channel, err) => console.error(`[alphadesk] ${channel} failed:`, err),
) {
  return async function dispatch(channel: string, rawInput: unknown): Promise<Reply> {
    try {
      const method = methodFor(channel)
      if (!method) throw new AppError('UNKNOWN_METHOD', `no such method: ${quote(channel)}`)
      const parsed = method.input.safeParse(rawInput ?? {})
      if (!parsed.success) {
        throw new AppError('VALIDATION', `invalid input for ${channel}: ${describeIssues(parsed.error)}`, {
          issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
        })
      }
      const [domain, name] = splitChannel(channel)
      // methodFor checked both names as own properties of the contract; check the handlers the same way.
      const table = handlers as unknown as Record<string, Record<string, (input: unknown) => unknown>>
      const handler = Object.hasOwn(table, domain) && Object.hasOwn(table[domain], name) ? table[domain][name] : undefined
      if (typeof handler !== 'function') throw new AppError('UNKNOWN_METHOD', `no handler for ${channel}`)
      return { ok: true, value: await handler(parsed.data) }
    } catch (err) {
      if (!(err instanceof AppError)) onUnexpected(channel, err)
      return { ok: false, error: toErrorData(err) }
    }
  }
}
export type Dispatch = ReturnType<typeof createRouter>
export type { Contract }
