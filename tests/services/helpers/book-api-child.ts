// The live API in its own process (durability test): opens the database, listens, prints its URL.
import { startLiveApi } from '../../../electron/services/book/api/server'
import { openBookDb } from './book'

const [dir, token] = process.argv.slice(2)
const db = openBookDb(dir)
const api = await startLiveApi({ db, port: 0, basePath: '/api', token: () => token, log: () => {} })
process.stdout.write(`${api.url}\n`)
