/**
 * The market data domains of the contract: datasets, instruments and bars (market), CSV imports
 * (imports, written in the main process as one transaction), and the engine's overlays and
 * summary statistics of an instrument (indicators, run in the worker pool).
 */
import { randomUUID } from 'node:crypto'
import type { Service } from '../../contract'
import type { ServiceDeps } from '../deps'
import { importCsv } from './csv/import'
import { previewCsv } from './csv/preview'
import type { MarketJobs } from './jobs'
import { marketQueries } from './queries'

export function createMarketService({ db }: Pick<ServiceDeps, 'db'>): Service<'market'> {
  const q = marketQueries(db)
  return {
    listDatasets: () => q.listDatasets(),
    listInstruments: (input) => q.listInstruments(input),
    getInstrument: ({ id }) => q.getInstrument(id),
    getBars: (input) => q.getBars(input),
    listSectors: ({ datasetId }) => q.listSectors(datasetId),
  }
}

export function createImportService({ db, tasks, importPaths }: Pick<ServiceDeps, 'db' | 'tasks' | 'importPaths'>): Service<'imports'> {
  return {
    // Client-given paths go through the host's policy (browser: the import folder; Electron: dialog picks).
    previewCsv: (input) => previewCsv(input, undefined, importPaths),
    importCsv: (input) =>
      tasks.run(input.jobId ?? randomUUID(), `Import ${input.datasetName}`, (signal, progress) =>
        importCsv(db, input, (p) => progress(p.done, p.total), signal, importPaths),
      ),
  }
}

export function createIndicatorService({ pool }: Pick<ServiceDeps<MarketJobs>, 'pool'>): Service<'indicators'> {
  return {
    compute: ({ jobId, ...payload }) =>
      pool.run('market.indicator', payload, { jobId, label: `${payload.kind.toUpperCase()}(${payload.window})` }),
    summary: ({ jobId, ...payload }) => pool.run('market.summary', payload, { jobId, label: 'summary statistics' }),
  }
}
