import type { z } from 'zod'
import { AppError, methodFor, splitChannel, toErrorData, type AllHandlers, type Contract, type Reply } from '../contract'
import { quote } from '../shared/quote'

/** Describes zod issues as "field: message" lines so a user can see what and where. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(input)'}: ${issue.message}`).join('; ')
}

/**
 * Validates the raw input of a call against the contract and runs its handler.
 * Never throws: every outcome is a Reply, errors as data with a code.
 */
export function createRouter(
  handlers: AllHandlers,
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
      // The contract lookup above already refused anything that is not an own method name.
      const service = (handlers as unknown as Record<string, Record<string, (input: unknown) => unknown>>)[domain]
      return { ok: true, value: await service[name](parsed.data) }
    } catch (err) {
      if (!(err instanceof AppError)) onUnexpected(channel, err)
      return { ok: false, error: toErrorData(err) }
    }
  }
}
export type Dispatch = ReturnType<typeof createRouter>
export type { Contract }
