import type { CsvKind, DatasetKind, DateFormat } from '../../contract'

/** The real sample data shipped in resources/data (see PROVENANCE.md there). */
export interface SampleDataset {
  key: string
  name: string
  kind: DatasetKind
  csvKind: CsvKind
  /** Relative to the resources data folder. */
  file: string
  dateFormat: DateFormat
  /** Attribution, shown with the dataset. */
  source: string
  /** The exchange's time zone: bar times are its wall clock stored as UTC. */
  timezone: string
  /** Rows in the file (for progress; the import counts what it reads). */
  rows: number
}

export const SAMPLE_SECTORS_FILE = 'stocks/sp500_sectors.csv'
export const SAMPLE_EXPIRIES_FILE = 'futures/cl_ng_contract_expiries.csv'

export const SAMPLE_DATASETS: readonly SampleDataset[] = [
  {
    key: 'sp500',
    name: 'S&P 500 stocks, daily 2013–2018',
    kind: 'stocks',
    csvKind: 'ohlcv',
    file: 'stocks/sp500_daily_2013-02-08_2018-02-07.csv.gz',
    dateFormat: 'YYYY-MM-DD',
    source:
      'Kaggle S&P 500 stock data (camnugent/sandp500); data provided for free by IEX. ' +
      'GICS sectors: datasets/s-and-p-500-companies (ODC-PDDL-1.0)',
    timezone: 'America/New_York',
    rows: 619_040,
  },
  {
    key: 'vx',
    name: 'VIX futures (VX), daily 2013–2025',
    kind: 'futures',
    csvKind: 'futures',
    file: 'futures/vx_futures_daily_2013-01-02_2025-06-20.csv',
    dateFormat: 'YYYY-MM-DD',
    source: 'Cboe Global Markets (CFE VX futures per-contract history, joined by raflemin12/scrape_vx_futures)',
    timezone: 'America/Chicago',
    rows: 28_051,
  },
  {
    key: 'cl_ng',
    name: 'WTI crude (CL) and natural gas (NG) futures curves, 2016–2021',
    kind: 'futures',
    csvKind: 'futures',
    file: 'futures/cl_ng_futures_curves_2016-03-24_2021-09-17.csv',
    dateFormat: 'YYYY-MM-DD',
    source: 'Morningstar Commodities settlements via the risktools package data (bbcho/risktools-dev, GPL-3.0)',
    timezone: 'America/New_York',
    rows: 97_992,
  },
  {
    key: 'spx_1min',
    name: 'S&P 500 index, 1-minute bars, Nov 5–8 2019',
    kind: 'intraday',
    csvKind: 'ohlcv',
    file: 'intraday/sp500_index_1min_2019-11-05_2019-11-08.csv',
    dateFormat: 'M/D/YYYY H:MM',
    source: 'S&P 500 index 1-minute bars from matplotlib/mplfinance example data (SP500_NOV2019_IDay.csv)',
    timezone: 'America/New_York',
    rows: 1_563,
  },
]

export const SAMPLE_KEYS = SAMPLE_DATASETS.map((d) => d.key)
