import type { ErrorData } from '../../../electron/contract'

/** A value fetched from the backend, with where the fetch stands. */
export interface Loadable<T> {
  status: 'idle' | 'loading' | 'ready' | 'error'
  data: T | null
  error: ErrorData | null
}

export const idle = <T>(): Loadable<T> => ({ status: 'idle', data: null, error: null })
