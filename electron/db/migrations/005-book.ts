/**
 * Migration 5: the trade book — every simulated, imported and live trade in one table; live positions
 * (a view of the open live trades), trading-calendar windows pushed by live algorithms, the
 * live API's idempotency keys, and the edit log behind "undo the last edit".
 */
export default `
  CREATE TABLE trades (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL CHECK (source IN ('run', 'live', 'import')),
    run_id INTEGER REFERENCES runs(id) ON DELETE CASCADE,
    user TEXT,
    alpha TEXT,
    instrument TEXT NOT NULL DEFAULT '',
    direction INTEGER NOT NULL CHECK (direction IN (1, -1)),
    quantity REAL NOT NULL DEFAULT 1,
    entry_ts INTEGER,
    entry_price REAL,
    exit_ts INTEGER,
    exit_price REAL,
    stop_loss REAL,
    take_profit REAL,
    exit_reason TEXT,
    pnl_gross REAL,
    pnl_net REAL,
    fees REAL NOT NULL DEFAULT 0,
    mae REAL,
    mfe REAL,
    -- Tags as typed (JSON array) for display; trade_tags indexes them for the filter.
    tags TEXT NOT NULL DEFAULT '[]',
    note TEXT NOT NULL DEFAULT '',
    -- 1 while a live trade is open.
    active INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)),
    -- Where a copied trade comes from inside its run (SL/TP backtests: 'sl:tp:seq'), so a copy is made once.
    source_ref TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  );
  -- At most one open live trade per user and alpha: the database itself refuses a second.
  CREATE UNIQUE INDEX trades_one_open ON trades(user, alpha) WHERE active = 1;
  CREATE INDEX trades_entry ON trades(entry_ts);
  CREATE INDEX trades_exit ON trades(exit_ts);
  CREATE INDEX trades_instrument ON trades(instrument, entry_ts);
  CREATE INDEX trades_run ON trades(run_id, entry_ts) WHERE run_id IS NOT NULL;
  CREATE INDEX trades_pnl ON trades(pnl_net);
  CREATE INDEX trades_live ON trades(user, alpha) WHERE source = 'live';
  CREATE INDEX trades_noted ON trades(id) WHERE note <> '';
  CREATE UNIQUE INDEX trades_source_ref ON trades(run_id, source_ref) WHERE source_ref IS NOT NULL;

  CREATE TABLE trade_tags (
    tag TEXT NOT NULL,
    trade_id INTEGER NOT NULL REFERENCES trades(id) ON DELETE CASCADE,
    PRIMARY KEY (tag, trade_id)
  ) WITHOUT ROWID;
  CREATE INDEX trade_tags_trade ON trade_tags(trade_id);

  CREATE VIEW live_positions AS
    SELECT id, user, alpha, instrument, direction, quantity, stop_loss, take_profit, entry_ts, entry_price, created_at
    FROM trades WHERE active = 1;

  -- Holding windows pushed by live algorithms (the seed's tradingCalendar/push). start/end
  -- are kept as sent; start_ts/end_ts hold them as unix seconds when they parse as times.
  CREATE TABLE trading_calendar (
    id INTEGER PRIMARY KEY,
    user TEXT NOT NULL,
    alpha TEXT NOT NULL,
    start TEXT NOT NULL,
    end TEXT NOT NULL,
    start_ts INTEGER,
    end_ts INTEGER,
    pushed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  );
  CREATE INDEX trading_calendar_user ON trading_calendar(user, start_ts);

  -- A retried request with the same Idempotency-Key gets the stored reply instead of writing again.
  CREATE TABLE api_idempotency (
    key TEXT PRIMARY KEY,
    request_hash TEXT NOT NULL,
    status INTEGER NOT NULL,
    response TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  );

  -- Tag and note edits, newest last: "undo" restores the last one's before-value.
  CREATE TABLE trade_edits (
    id INTEGER PRIMARY KEY,
    trade_id INTEGER NOT NULL REFERENCES trades(id) ON DELETE CASCADE,
    field TEXT NOT NULL CHECK (field IN ('tags', 'note')),
    before TEXT NOT NULL,
    after TEXT NOT NULL,
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  );

  -- Key/value settings of the book (the live API's port, token, enabled).
  CREATE TABLE book_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`
