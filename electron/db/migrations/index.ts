/**
 * Versioned schema migrations, one file each. Entry i moves the database from version i to
 * i+1 (PRAGMA user_version). Append only: never edit a migration that has shipped.
 */
import market from './001-market'
import alphas from './002-alphas'
import curves from './005-curves'

// 003 (book) and 004 (backtests) are reserved for their branches; the lead orders the merge.
export const migrations: readonly string[] = [market, alphas, curves]

export const schemaVersion = migrations.length
