/** Market data: queries, the bundled sample import and user CSV import. Plain Node, no Electron. */
export { createMarketService, type MarketService, type ListInstrumentsInput, type GetBarsInput } from './queries'
export { importSampleData, sampleImported, type SampleImportSummary, type SampleDatasetSummary } from './sample-import'
export { previewCsv } from './csv/preview'
export { importCsv, datasetKeyFor } from './csv/import'
export type { CsvOptionsInput, ImportCsvInput } from './csv/options'
export type { ImportProgress } from './progress'
export { refreshInstrumentStats } from './store/write-dataset'
export { SAMPLE_DATASETS, SAMPLE_KEYS } from './sample-manifest'
