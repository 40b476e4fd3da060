/** The book's stored settings: the live API (enabled, port, base path) and its bearer token. */
import { randomBytes } from 'node:crypto'
import type { Db } from '../../db/open'
import { prepared } from './statements'

export interface ApiConfig {
  enabled: boolean
  port: number
  basePath: string
  token: string
}

export const defaultApiPort = 8765
export const defaultBasePath = '/api'

const get = (db: Db, key: string): string | undefined =>
  (prepared(db, 'SELECT value FROM book_settings WHERE key = ?').get(key) as { value: string } | undefined)?.value
const set = (db: Db, key: string, value: string) =>
  prepared(db, 'INSERT INTO book_settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value)

export const newToken = () => randomBytes(24).toString('base64url')

/** The stored API settings; a token is generated (and kept) the first time. */
export function apiConfig(db: Db): ApiConfig {
  let token = get(db, 'api.token')
  if (!token) {
    token = newToken()
    set(db, 'api.token', token)
  }
  return {
    enabled: get(db, 'api.enabled') === 'true',
    port: Number(get(db, 'api.port') ?? defaultApiPort),
    basePath: get(db, 'api.basePath') ?? defaultBasePath,
    token,
  }
}

export function saveApiConfig(db: Db, patch: Partial<ApiConfig>): ApiConfig {
  db.transaction(() => {
    if (patch.enabled !== undefined) set(db, 'api.enabled', String(patch.enabled))
    if (patch.port !== undefined) set(db, 'api.port', String(patch.port))
    if (patch.basePath !== undefined) set(db, 'api.basePath', patch.basePath)
    if (patch.token !== undefined) set(db, 'api.token', patch.token)
  })()
  return apiConfig(db)
}
