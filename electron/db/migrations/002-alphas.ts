/** Migration 2: alpha screens — the user's own formulas; runs (alpha backtests now, other kinds later) with their spec, statistics and daily returns, listed by the trade book. */
export default `
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
  `
