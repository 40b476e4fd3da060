/**
 * Versioned schema migrations, one file each. Entry i moves the database from version i to
 * i+1 (PRAGMA user_version). Append only: never edit a migration that has shipped.
 */
import market from './001-market'
import alphas from './002-alphas'
import backtests from './004-backtests'
import curves from './005-curves'

// 003 (book) is reserved for its branch; the lead orders the merge. Backtests go after curves,
// which main already ships as entry 3, so databases made on main stay valid.
export const migrations: readonly string[] = [market, alphas, curves, backtests]

export const schemaVersion = migrations.length
