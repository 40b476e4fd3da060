import type { ErrorData } from '../../../electron/contract'
import { asErrorData } from '../components/issues'

/** A value fetched from the backend, with where the fetch stands. */
export interface Loadable<T> {
  status: 'idle' | 'loading' | 'ready' | 'error'
  data: T | null
  error: ErrorData | null
}

export const idle = <T>(): Loadable<T> => ({ status: 'idle', data: null, error: null })

export interface LoadOptions<T> {
  /** The reply is applied only while this holds (a ticket from latestRequests); a stale reply changes nothing. */
  isLatest?: () => boolean
  /** What stays on screen while loading (the previous value); nothing by default. */
  keep?: T | null
  /** A failed load keeps `keep` too (a list that could not refresh still shows its old rows). */
  keepOnError?: boolean
}

/**
 * The one way a slice fetches into a Loadable: loading (with `keep`), then ready or error, unless a
 * newer request made this one stale. Returns the data when it landed; undefined when the fetch
 * failed or its reply was dropped.
 */
export async function load<T>(
  apply: (next: Loadable<T>) => void,
  fetch: () => Promise<T>,
  options: LoadOptions<T> = {},
): Promise<T | undefined> {
  const { isLatest = () => true, keep = null, keepOnError = false } = options
  apply({ status: 'loading', data: keep, error: null })
  try {
    const data = await fetch()
    if (!isLatest()) return undefined
    apply({ status: 'ready', data, error: null })
    return data
  } catch (err) {
    if (isLatest()) apply({ status: 'error', data: keepOnError ? keep : null, error: asErrorData(err) })
    return undefined
  }
}
