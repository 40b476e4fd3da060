/**
 * Migration 4: SL/TP backtests. A backtest is a row of `runs` (kind 'sltp-backtest'; spec and
 * summary as JSON); its per-set statistics live in backtest_sets (one row per SL×TP cell) and the
 * trades of the sets the user keeps in backtest_trades (the trade book may later list them).
 */
export default `
  CREATE TABLE backtest_sets (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    sl_index INTEGER NOT NULL,
    tp_index INTEGER NOT NULL,
    trades INTEGER NOT NULL,
    wins INTEGER NOT NULL,
    win_rate REAL,
    profit_factor REAL,
    expectancy REAL,
    net_pnl REAL NOT NULL,
    max_drawdown REAL NOT NULL,
    sharpe REAL,
    exposure REAL NOT NULL,
    ambiguous INTEGER NOT NULL,
    sl_exits INTEGER NOT NULL,
    tp_exits INTEGER NOT NULL,
    time_exits INTEGER NOT NULL,
    end_exits INTEGER NOT NULL,
    skipped INTEGER NOT NULL,
    kept INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (run_id, sl_index, tp_index)
  ) WITHOUT ROWID;
  CREATE TABLE backtest_trades (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    sl_index INTEGER NOT NULL,
    tp_index INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    signal_time INTEGER NOT NULL,
    direction INTEGER NOT NULL,
    entry_time INTEGER NOT NULL,
    entry_price REAL NOT NULL,
    exit_time INTEGER NOT NULL,
    exit_price REAL NOT NULL,
    reason TEXT NOT NULL,
    bars_held INTEGER NOT NULL,
    pnl_ticks REAL NOT NULL,
    pnl_money REAL NOT NULL,
    mae_ticks REAL NOT NULL,
    mfe_ticks REAL NOT NULL,
    sl_price REAL NOT NULL,
    tp_price REAL NOT NULL,
    PRIMARY KEY (run_id, sl_index, tp_index, seq)
  ) WITHOUT ROWID;
  `
