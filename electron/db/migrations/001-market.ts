/** Migration 1: market data */
export default `
  CREATE TABLE datasets (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('stocks', 'futures', 'intraday')),
    source TEXT NOT NULL DEFAULT '',
    timezone TEXT NOT NULL DEFAULT 'UTC',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  );
  CREATE TABLE instruments (
    id INTEGER PRIMARY KEY,
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    symbol TEXT NOT NULL,
    name TEXT,
    sector TEXT,
    industry TEXT,
    subindustry TEXT,
    root TEXT,
    expiry TEXT,
    contract_month TEXT,
    UNIQUE (dataset_id, symbol)
  );
  CREATE INDEX instruments_root ON instruments(dataset_id, root, expiry);
  -- Times are unix seconds of the exchange's wall clock stored as UTC (how charts show them).
  CREATE TABLE bars (
    instrument_id INTEGER NOT NULL REFERENCES instruments(id) ON DELETE CASCADE,
    ts INTEGER NOT NULL,
    open REAL, high REAL, low REAL, close REAL, volume REAL,
    settle REAL, open_interest REAL,
    PRIMARY KEY (instrument_id, ts)
  ) WITHOUT ROWID;
  CREATE TABLE imports (
    id INTEGER PRIMARY KEY,
    dataset_id INTEGER REFERENCES datasets(id) ON DELETE CASCADE,
    files TEXT NOT NULL,
    rows INTEGER NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT NOT NULL
  );
  CREATE TABLE import_warnings (
    id INTEGER PRIMARY KEY,
    import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
    file TEXT NOT NULL,
    line INTEGER NOT NULL,
    col INTEGER,
    field TEXT,
    message TEXT NOT NULL
  );
  -- Cached per-instrument summary so listing 500+ instruments never scans bars.
  CREATE TABLE instrument_stats (
    instrument_id INTEGER PRIMARY KEY REFERENCES instruments(id) ON DELETE CASCADE,
    bar_count INTEGER NOT NULL,
    first_ts INTEGER,
    last_ts INTEGER
  );
  `
