import { AppError, type Reply } from '../../../electron/contract'
import type { Backend } from '../../../electron/host/backend'

/** A contract call through the backend's router, as a client makes it: the value, or the error as an AppError. */
export async function callBackend<T>(backend: Backend, channel: string, input: unknown): Promise<T> {
  const reply = (await backend.dispatch(channel, input)) as Reply<T>
  if (!reply.ok) throw AppError.fromData(reply.error)
  return reply.value
}

/** The AppError a promise rejects with (fails the test when it resolves). */
export async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p
  } catch (err) {
    return err as AppError
  }
  throw new Error('expected a failure')
}
