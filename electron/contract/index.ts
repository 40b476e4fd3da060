/**
 * The one contract between renderer and main. No Node, Electron or DOM imports here:
 * both sides import it. Transports (IPC, WebSocket) and the typed client derive from it.
 */
import type { z } from 'zod'
import type { Method } from './define'
import { app } from './app'
import { market } from './market'
import { imports } from './imports'
import { jobs } from './jobs'
import { indicators } from './indicators'
import { alphas } from './alphas'
import { backtests } from './backtests'
import { book } from './book'
import { curves } from './curves'

export const contract = { app, market, imports, jobs, indicators, alphas, curves, backtests, book }
export type Contract = typeof contract
export type Domain = keyof Contract
export type MethodName<D extends Domain> = keyof Contract[D] & string

type MethodOf<D extends Domain, M extends MethodName<D>> = Contract[D][M]
export type Input<D extends Domain, M extends MethodName<D>> = MethodOf<D, M> extends Method<infer I, unknown> ? z.input<I> : never
export type ParsedInput<D extends Domain, M extends MethodName<D>> = MethodOf<D, M> extends Method<infer I, unknown> ? z.output<I> : never
export type Output<D extends Domain, M extends MethodName<D>> = MethodOf<D, M> extends Method<z.ZodType, infer O> ? O : never

/** Channel names are "domain.method". */
export type Channel = { [D in Domain]: `${D}.${MethodName<D>}` }[Domain]

export function splitChannel(channel: string): [string, string] {
  const dot = channel.indexOf('.')
  return dot < 0 ? [channel, ''] : [channel.slice(0, dot), channel.slice(dot + 1)]
}

/**
 * The schema for a channel, or undefined when no such method exists. Own properties only, for
 * the domain as for the method: `__proto__.toString` or `constructor.name` name nothing.
 */
export function methodFor(channel: string): Method<z.ZodType, unknown> | undefined {
  const [domain, name] = splitChannel(channel)
  if (!Object.hasOwn(contract, domain)) return undefined
  const methods = (contract as Record<string, Record<string, Method<z.ZodType, unknown>>>)[domain]
  return Object.hasOwn(methods, name) ? methods[name] : undefined
}

/** What crosses the wire for a call. */
export type Reply<T = unknown> = { ok: true; value: T } | { ok: false; error: import('./errors').ErrorData }

export type * from './handlers'
export * from './errors'
export * from './events'
export type * from './app'
export type * from './market'
export type * from './imports'
export type * from './jobs'
export type * from './indicators'
export type * from './alphas'
export type * from './backtests'
export { datasetKinds } from './market'
export { csvFields, csvKinds, dateFormats } from './imports'
export { indicatorKinds } from './indicators'
export { exitReasons, setMetrics, signalGenerators, sltpUnits, tiePolicies } from './backtests'
export type * from './curves'
export { adjustments, curveTableInput, curveWhats, fitModels, rollRules, spreadKinds } from './curves'
export type * from './book'
export { exportFormatNames, tradeSortColumns, tradeSources, csvTradeFields } from './book'
export * from './dates'
export { emptyQuantilesOf, lowCoverage } from './alphas'
