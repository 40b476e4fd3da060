import { mkdirSync } from 'node:fs'
import { cpus } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { type HostMode } from '../contract'
import { openDatabase, type Db } from '../db/open'
import { schemaVersion } from '../db/migrations'
import { EnginePool } from '../engine/pool'
import { appRoot, loadNativeEngine } from '../engine/native'
import { nodeWorkerSpawner, type SpawnWorker } from '../engine/worker-handle'
import { alphaEngine, createAlphaService } from '../services/alphas'
import { createMarketService, importCsv, previewCsv } from '../services/market'
import { importFolder, PickedPaths, pickedPaths, type PathPolicy } from '../services/market/csv/path-policy'
import { EventBus } from './event-bus'
import { createRouter, type Dispatch, type Handlers } from './router'
import { SampleData } from './sample-data'
import { MainTasks } from './tasks'

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
  pool: EnginePool
  db: Db
  dbPath: string
  sample: SampleData
  close(): Promise<void>
}

const version = '0.1.0'

/** Everything the main process does, with no Electron in sight: both hosts wrap this. */
export function createBackend(options: BackendOptions): Backend {
  const dbPath = join(options.dataDir, 'alphadesk.sqlite')
  const resourcesDir = options.resourcesDir ?? join(appRoot(), 'resources')
  const db = openDatabase(dbPath)
  const bus = new EventBus()
  const spawn = (options.spawnWorker ?? ((path) => nodeWorkerSpawner({
    dbPath: path,
    env: options.allowSelftest ? { ALPHADESK_ALLOW_SELFTEST: '1' } : {},
  })))(dbPath)
  const workerCount = options.workers ?? Math.max(1, cpus().length)
  const pool = new EnginePool(
    spawn,
    workerCount,
    (status) => bus.emit('engine.status', status),
    (job) => bus.emit('job.progress', job),
  )
  const tasks = new MainTasks(bus)
  const market = createMarketService(db)
  const alphas = createAlphaService({
    db,
    pool,
    dataDir: options.dataDir,
    resourcesDir,
    engine: () => alphaEngine(loadNativeEngine()),
  })
  const importPaths = options.importPaths ?? defaultImportPaths(options)
  const sample = new SampleData(db, join(resourcesDir, 'data'), bus, options.importSample ?? true)
  let engineVersion: string | null = null

  const handlers: Handlers = {
    app: {
      info: () => ({
        version,
        engineVersion: (engineVersion ??= loadNativeEngine().engineVersion()),
        mode: options.mode,
        dataDir: options.dataDir,
        dbPath,
        schemaVersion,
        sampleImport: sample.state,
      }),
    },
    market: {
      listDatasets: () => market.listDatasets(),
      listInstruments: (input) => market.listInstruments(input),
      getInstrument: ({ id }) => market.getInstrument(id),
      getBars: (input) => market.getBars(input),
      listSectors: ({ datasetId }) => market.listSectors(datasetId),
    },
    imports: {
      previewCsv: (input) => previewCsv(input, undefined, importPaths),
      importCsv: (input) =>
        tasks.run(input.jobId ?? randomUUID(), `Import ${input.datasetName}`, (signal, progress) =>
          importCsv(db, input, (p) => progress(p.done, p.total), signal, importPaths),
        ),
    },
    jobs: {
      status: () => pool.status(),
      cancel: ({ jobId }) => ({ cancelled: pool.cancel(jobId) || tasks.cancel(jobId) }),
    },
    indicators: {
      compute: ({ jobId, ...payload }) =>
        pool.run('indicator', payload, { jobId, label: `${payload.kind.toUpperCase()}(${payload.window})` }),
      summary: ({ jobId, ...payload }) => pool.run('summary', payload, { jobId, label: 'summary statistics' }),
    },
    alphas: {
      library: () => alphas.library(),
      parse: (input) => alphas.parse(input),
      saveFormula: (input) => alphas.saveFormula(input),
      deleteFormula: (input) => alphas.deleteFormula(input),
      compute: (input) => alphas.compute(input),
      crossSection: (input) => alphas.crossSection(input),
      series: (input) => alphas.series(input),
      tearSheet: (input) => alphas.tearSheet(input),
      correlation: (input) => alphas.correlation(input),
      backtest: (input) => alphas.backtest(input),
    },
  }

  return {
    dispatch: createRouter(handlers),
    bus,
    pool,
    db,
    dbPath,
    sample,
    async close() {
      await pool.close()
      alphas.close()
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
