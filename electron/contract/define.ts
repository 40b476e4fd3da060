import type { z } from 'zod'

/** A method: its input schema (validated in main) and a phantom result type. */
export interface Method<I extends z.ZodType, O> {
  input: I
  /** Never read at runtime: carries the result type only. */
  output?: O
}

export function method<O>() {
  return <I extends z.ZodType>(input: I): Method<I, O> => ({ input })
}

/** An event: a phantom payload type, keyed by name in the contract's events map. */
export function event<P>(): P {
  return undefined as unknown as P
}
