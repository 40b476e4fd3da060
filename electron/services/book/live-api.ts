/**
 * The live API's lifecycle in the app: started when enabled in Settings (or by `serve --api`,
 * `alphadesk api`), restarted on a port change, the token rotated at once. It writes through
 * the main process's connection: the API is a way into the book, not a second writer.
 */
import type { LiveApiSettings } from '../../contract/book'
import type { Db } from '../../db/open'
import { type LiveApi, startLiveApi } from './api/server'
import type { LiveChange } from './api/context'
import { apiConfig, newToken, saveApiConfig } from './settings'

export class LiveApiController {
  private api: LiveApi | null = null
  private error: string | null = null
  private token: string
  private pending: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly db: Db,
    private readonly onChange: (change: LiveChange) => void,
    private readonly log: (message: string) => void = (m) => console.warn(m),
  ) {
    this.token = apiConfig(db).token
  }

  settings(): LiveApiSettings {
    const c = apiConfig(this.db)
    return { enabled: c.enabled, port: c.port, basePath: c.basePath, token: c.token, url: this.api?.url ?? null, error: this.error }
  }

  /** Applies the stored settings (optionally changed first): starts, restarts or stops the server. */
  apply(patch: { enabled?: boolean; port?: number; basePath?: string } = {}, persist = true): Promise<LiveApiSettings> {
    const run = async () => {
      const config = persist ? saveApiConfig(this.db, patch) : { ...apiConfig(this.db), ...patch }
      this.token = config.token
      const wanted = config.enabled
      if (this.api && (!wanted || this.api.port !== config.port || config.port === 0)) {
        await this.api.close()
        this.api = null
      }
      this.error = null
      if (wanted && !this.api) {
        try {
          this.api = await startLiveApi({
            db: this.db,
            port: config.port,
            basePath: config.basePath,
            token: () => this.token,
            onChange: this.onChange,
            log: this.log,
          })
        } catch (err) {
          this.error = `cannot listen on 127.0.0.1:${config.port}: ${(err as Error).message}`
        }
      }
      return { ...this.settings(), enabled: wanted }
    }
    const next = this.pending.then(run, run)
    this.pending = next
    return next
  }

  rotateToken(): LiveApiSettings {
    this.token = saveApiConfig(this.db, { token: newToken() }).token
    return this.settings()
  }

  get url(): string | null {
    return this.api?.url ?? null
  }

  async close(): Promise<void> {
    await this.pending.catch(() => {})
    await this.api?.close()
    this.api = null
  }
}
