/**
 * Versioned schema migrations, one file each. Entry i moves the database from version i to
 * i+1 (PRAGMA user_version). Append only: never edit a migration that has shipped.
 */
import market from './001-market'
import alphas from './002-alphas'
import backtests from './004-backtests'
import curves from './005-curves'
import book from './003-book'

// 003 (book) and 004 (backtests) were reserved while their branches ran; they landed after curves, so
// the versions follow the order of landing (append only) and databases made on main stay valid.
export const migrations: readonly string[] = [market, alphas, curves, backtests, book]

export const schemaVersion = migrations.length
