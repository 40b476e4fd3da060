import { mkdirSync } from 'node:fs'
import { cpus } from 'node:os'
import { join } from 'node:path'
import type { HostMode } from '../contract'
import { openDatabase, type Db } from '../db/open'
import { EnginePool } from '../pool/pool'
import { nodeWorkerSpawner, type SpawnWorker } from '../pool/worker-handle'
import { appRoot } from '../shared/app-root'
import { EventBus } from '../shared/event-bus'
import { importFolder, PickedPaths, pickedPaths, type PathPolicy } from '../shared/path-policy'
import { MainTasks } from '../shared/tasks'
import type { AppJobs } from './jobs'
import { createRouter, type Dispatch } from './router'
import { SampleData } from './sample-data'
import { createServices } from './services'
import { workerEntry } from './worker-entry'

export interface BackendOptions {
  dataDir: string
  mode: HostMode
  /** Bundled resources (sample data, formulas); defaults to <app root>/resources. */
  resourcesDir?: string
  /** Engine worker processes; defaults to the number of cores, at least 1. */
  workers?: number
  /** How workers are started: Node child processes unless the host says otherwise (Electron). */
  spawnWorker?: (dbPath: string) => SpawnWorker
  /** Import the bundled sample data on first run (default true). */
  importSample?: boolean
  /** Allow the engine's self-test jobs (tests and diagnostics only). */
  allowSelftest?: boolean
  /**
   * Which backend-side paths clients may import CSV from. Default: in browser mode the import
   * folder (`importDir`, else <dataDir>/imports, created if missing); in Electron nothing until
   * the main process's file dialog adds paths (it passes its own pickedPaths policy).
   */
  importPaths?: PathPolicy
  importDir?: string
}

export interface Backend {
  dispatch: Dispatch
  bus: EventBus
  pool: EnginePool<AppJobs>
  services: ReturnType<typeof createServices>
  db: Db
  dbPath: string
  sample: SampleData
  close(): Promise<void>
}

/** Everything the main process does, with no Electron in sight: both hosts wrap this. */
export function createBackend(options: BackendOptions): Backend {
  const dbPath = join(options.dataDir, 'alphadesk.sqlite')
  const resourcesDir = options.resourcesDir ?? join(appRoot(), 'resources')
  const db = openDatabase(dbPath)
  const bus = new EventBus()
  const spawn = (
    options.spawnWorker ??
    ((path) =>
      nodeWorkerSpawner({
        entry: workerEntry(),
        dbPath: path,
        env: options.allowSelftest ? { ALPHADESK_ALLOW_SELFTEST: '1' } : {},
      }))
  )(dbPath)
  const pool = new EnginePool<AppJobs>(
    spawn,
    options.workers ?? Math.max(1, cpus().length),
    (status) => bus.emit('pool.status', status),
    (job) => bus.emit('job.progress', job),
  )
  const tasks = new MainTasks(bus)
  const sample = new SampleData(db, join(resourcesDir, 'data'), bus, options.importSample ?? true)
  const services = createServices(
    {
      db,
      dbPath,
      pool,
      bus,
      tasks,
      dataDir: options.dataDir,
      resourcesDir,
      mode: options.mode,
      importPaths: options.importPaths ?? defaultImportPaths(options),
    },
    { pool, sample },
  )

  return {
    dispatch: createRouter(services),
    bus,
    pool,
    services,
    db,
    dbPath,
    sample,
    async close() {
      await pool.close()
      for (const service of Object.values(services) as { close?(): void | Promise<void> }[]) await service.close?.()
      await sample.ready.catch(() => {})
      db.close()
    },
  }
}

/** The import folder of the browser-mode default: the given one, else <dataDir>/imports. */
export function importDirOf(options: Pick<BackendOptions, 'dataDir' | 'importDir'>): string {
  return options.importDir ?? join(options.dataDir, 'imports')
}

function defaultImportPaths(options: BackendOptions): PathPolicy {
  if (options.mode !== 'browser') return pickedPaths(new PickedPaths())
  const dir = importDirOf(options)
  mkdirSync(dir, { recursive: true })
  return importFolder(dir)
}
