/**
 * Versioned schema migrations, one file each, named by the version they create. Entry i moves
 * the database from version i to i+1 (PRAGMA user_version). Append only: never edit a
 * migration that has shipped.
 */
import market from './001-market'
import alphas from './002-alphas'
import curves from './003-curves'
import backtests from './004-backtests'
import book from './005-book'

export const migrations: readonly string[] = [market, alphas, curves, backtests, book]

export const schemaVersion = migrations.length
