import { AppError, type Bars, type Dataset, type DatasetKind, type Instrument } from '../../contract'
import type { Db } from '../../db/open'

export interface ListInstrumentsInput {
  datasetId?: number
  search?: string
  sector?: string
  root?: string
  limit?: number
  offset?: number
}

export interface GetBarsInput {
  instrumentId: number
  from?: number
  to?: number
}

export interface MarketQueries {
  listDatasets(): Dataset[]
  listInstruments(input: ListInstrumentsInput): { total: number; items: Instrument[] }
  getInstrument(id: number): Instrument
  getBars(input: GetBarsInput): Bars
  listSectors(datasetId: number): { sector: string; count: number }[]
  /** A dataset's id from its key (or its id written as a number), undefined when there is none. */
  datasetIdOf(keyOrId: string): number | undefined
}

const INSTRUMENT_COLUMNS = `
  i.id, i.dataset_id AS datasetId, i.symbol, i.name, i.sector, i.industry, i.subindustry, i.root, i.expiry,
  COALESCE(s.bar_count, 0) AS barCount, s.first_ts AS "from", s.last_ts AS "to"`

// One statement for every filter combination: a NULL parameter switches its filter off.
const FILTER = `
  (@datasetId IS NULL OR i.dataset_id = @datasetId)
  AND (@sector IS NULL OR i.sector = @sector)
  AND (@root IS NULL OR i.root = @root)
  AND (@search IS NULL OR i.symbol LIKE @prefix ESCAPE '\\' OR i.name LIKE @contains ESCAPE '\\')`

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

function statementsFor(db: Db) {
  return {
    datasets: db.prepare(`
      SELECT d.id, d.key, d.name, d.kind, d.source,
        COUNT(i.id) AS instrumentCount, COALESCE(SUM(s.bar_count), 0) AS barCount,
        MIN(s.first_ts) AS "from", MAX(s.last_ts) AS "to"
      FROM datasets d
      LEFT JOIN instruments i ON i.dataset_id = d.id
      LEFT JOIN instrument_stats s ON s.instrument_id = i.id
      GROUP BY d.id
      ORDER BY d.id`),
    instruments: db.prepare(`
      SELECT ${INSTRUMENT_COLUMNS}
      FROM instruments i LEFT JOIN instrument_stats s ON s.instrument_id = i.id
      WHERE ${FILTER}
      ORDER BY
        CASE WHEN @search IS NULL OR i.symbol LIKE @prefix ESCAPE '\\' THEN 0 ELSE 1 END,
        i.dataset_id, i.root, i.expiry, i.symbol
      LIMIT @limit OFFSET @offset`),
    count: db.prepare(`SELECT COUNT(*) FROM instruments i WHERE ${FILTER}`).pluck(),
    instrument: db.prepare(`
      SELECT ${INSTRUMENT_COLUMNS}, d.kind AS kind
      FROM instruments i JOIN datasets d ON d.id = i.dataset_id
      LEFT JOIN instrument_stats s ON s.instrument_id = i.id
      WHERE i.id = ?`),
    // Futures: the settlement is the price of record; where there is none (VX 2013 rows,
    // stored as NULL), the last trade. Stocks have no settle, so this is their close.
    bars: db
      .prepare(`
        SELECT ts, open, high, low, COALESCE(settle, close) AS close, volume
        FROM bars
        WHERE instrument_id = ? AND ts >= ? AND ts <= ?
        ORDER BY ts`)
      .raw(),
    sectors: db.prepare(`
      SELECT sector, COUNT(*) AS count FROM instruments
      WHERE dataset_id = ? AND sector IS NOT NULL
      GROUP BY sector ORDER BY sector`),
  }
}

type Statements = ReturnType<typeof statementsFor>
const cache = new WeakMap<Db, Statements>()

/**
 * Read-only market queries. Statements are prepared once per database connection
 * (services created again on the same connection reuse them).
 */
export function marketQueries(db: Db): MarketQueries {
  let st = cache.get(db)
  if (!st) {
    st = statementsFor(db)
    cache.set(db, st)
  }
  const q = st

  const instrument = (id: number): Instrument & { kind: DatasetKind } => {
    const row = q.instrument.get(id) as (Instrument & { kind: DatasetKind }) | undefined
    if (!row) throw new AppError('NOT_FOUND', `no instrument with id ${id}`)
    return row
  }

  return {
    listDatasets: () => q.datasets.all() as Dataset[],

    listInstruments(input) {
      const search = input.search?.trim() || null
      const params = {
        datasetId: input.datasetId ?? null,
        sector: input.sector ?? null,
        root: input.root ?? null,
        search,
        prefix: search ? `${escapeLike(search)}%` : null,
        contains: search ? `%${escapeLike(search)}%` : null,
        limit: input.limit ?? 500,
        offset: input.offset ?? 0,
      }
      const { limit: _l, offset: _o, ...filter } = params
      return {
        total: q.count.get(filter) as number,
        items: q.instruments.all(params) as Instrument[],
      }
    },

    getInstrument(id) {
      const { kind: _kind, ...rest } = instrument(id)
      return rest
    },

    getBars({ instrumentId, from, to }) {
      instrument(instrumentId)
      const rows = q.bars.all(instrumentId, from ?? Number.MIN_SAFE_INTEGER, to ?? Number.MAX_SAFE_INTEGER) as (number | null)[][]
      const n = rows.length
      const bars: Bars = {
        instrumentId,
        time: new Array(n),
        open: new Array(n),
        high: new Array(n),
        low: new Array(n),
        close: new Array(n),
        volume: new Array(n),
      }
      for (let i = 0; i < n; i++) {
        const r = rows[i]
        bars.time[i] = r[0] as number
        bars.open[i] = r[1]
        bars.high[i] = r[2]
        bars.low[i] = r[3]
        bars.close[i] = r[4]
        bars.volume[i] = r[5]
      }
      return bars
    },

    listSectors: (datasetId) => q.sectors.all(datasetId) as { sector: string; count: number }[],

    datasetIdOf(keyOrId) {
      const byKey = db.prepare('SELECT id FROM datasets WHERE key = ?').pluck().get(keyOrId) as number | undefined
      if (byKey !== undefined || !/^\d+$/.test(keyOrId)) return byKey
      return db.prepare('SELECT id FROM datasets WHERE id = ?').pluck().get(Number(keyOrId)) as number | undefined
    },
  }
}
