/**
 * Versioned schema migrations. Each entry moves the database from version i to i+1
 * (PRAGMA user_version). Append only: never edit a migration that has shipped.
 */
export const migrations: readonly string[] = [
  // 1: market data
  `
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
  `,
  // 2: alpha screens — the user's own formulas; runs (alpha backtests now, other kinds
  // later) with their spec, statistics and daily returns, listed by the trade book.
  `
  CREATE TABLE user_formulas (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  );
  -- One row per stored run of any kind ('alpha-backtest'; later simulations, sweeps).
  -- spec and stats are JSON documents whose shape depends on the kind.
  CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    dataset_id INTEGER REFERENCES datasets(id) ON DELETE SET NULL,
    spec TEXT NOT NULL,
    stats TEXT NOT NULL,
    notes TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  );
  CREATE INDEX runs_kind_created ON runs(kind, created_at);
  -- Daily series of a run: net return, and where the kind has them gross return,
  -- turnover and equity. ts = unix seconds of the day the return is realised.
  CREATE TABLE run_returns (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    ts INTEGER NOT NULL,
    ret REAL NOT NULL,
    gross REAL,
    turnover REAL,
    equity REAL,
    PRIMARY KEY (run_id, ts)
  ) WITHOUT ROWID;
  `,
]

export const schemaVersion = migrations.length
