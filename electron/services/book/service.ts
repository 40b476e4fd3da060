/**
 * The trade book service (main process): pages and summaries of a filter, tags and notes with
 * undo, CSV import, exports (Electron: to the file chosen in the main process's save dialog;
 * browser mode: a download), runs, live trades and calendar windows, and the live API.
 */
import { AppError, type Service } from '../../contract'
import type { ExportDone } from '../../contract/book'
import { type Db, openDatabase } from '../../db/open'
import type { ServiceDeps } from '../deps'
import { newDownload } from './downloads'
import { setNote, setTags, undoLastEdit } from './edits'
import { pickTradeColumns } from './export-source'
import { exportTrades } from './export-trades'
import { importTradeCsv } from './import-csv'
import { syncBacktestTrades } from './backtest-sync'
import type { BookJobs } from './jobs'
import { listCalendar, openTrades } from './live'
import { LiveApiController } from './live-api'
import { listRuns } from './runs'
import { prepared } from './statements'
import { getTrade, pageTrades } from './store'
import { tradeChart } from './trade-chart'

export interface BookServiceDeps extends Pick<ServiceDeps<BookJobs>, 'db' | 'dbPath' | 'pool' | 'bus' | 'tasks' | 'dataDir' | 'mode'> {
  /** Electron: the main process's native save dialog (a path, or null when the user cancels). */
  chooseSavePath?: (suggestedName: string) => Promise<string | null>
}

export type BookService = Service<'book'> & { readonly live: LiveApiController }

const stamp = () => new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')

export function createBookService(deps: BookServiceDeps): BookService {
  const { db } = deps
  const live = new LiveApiController(db, (change) => deps.bus.emit('book.live', change))
  // Exports read through their own read-only connection: a long read must not hold the
  // writable one (the live API keeps writing meanwhile), and WAL gives it a stable snapshot.
  let reader: Db | null = null
  const readDb = () => (reader ??= openDatabase(deps.dbPath, { readonly: true }))
  if (live.settings().enabled) void live.apply({}, false)
  // Trades of kept SL/TP backtest sets: brought into the book when it is opened or refreshed.
  const sync = () => {
    try {
      syncBacktestTrades(db)
    } catch (err) {
      console.warn(`trade book: could not bring in backtest trades: ${(err as Error).message}`)
    }
  }
  sync()

  return {
    live,
    page: (input) => pageTrades(db, input),
    summary: ({ filter }) => deps.pool.run('book.summary', { filter }, { label: 'Trade summary' }),
    get: ({ id }) => getTrade(db, id),
    tradeChart: ({ id }) => tradeChart(db, id),
    setTags: ({ id, tags }) => setTags(db, id, tags),
    setNote: ({ id, note }) => setNote(db, id, note),
    undo: () => undoLastEdit(db),
    facets: () => {
      sync()
      return {
        instruments: prepared(db, 'SELECT DISTINCT instrument FROM trades ORDER BY 1').pluck().all() as string[],
        exitReasons: prepared(db, 'SELECT DISTINCT exit_reason FROM trades WHERE exit_reason IS NOT NULL ORDER BY 1')
          .pluck()
          .all() as string[],
        tags: prepared(db, 'SELECT DISTINCT tag FROM trade_tags ORDER BY 1').pluck().all() as string[],
        runs: prepared(
          db,
          'SELECT id, name FROM runs WHERE id IN (SELECT DISTINCT run_id FROM trades WHERE run_id IS NOT NULL) ORDER BY id DESC',
        ).all() as {
          id: number
          name: string
        }[],
      }
    },
    runs: ({ limit }) => {
      sync()
      return listRuns(db, limit)
    },
    openTrades: ({ user }) => openTrades(db, user),
    calendar: ({ user, limit }) => listCalendar(db, { user, limit }),
    importCsv: ({ name, text, mapping }) => ({ inserted: importTradeCsv(db, { name, text, mapping }), file: name }),

    async export(input): Promise<ExportDone> {
      pickTradeColumns(input.columns) // unknown columns fail before the dialog opens
      const fileName = `trades-${stamp()}.${input.format}`
      let out: string
      let downloadUrl: string | null = null
      if (deps.mode === 'electron' && deps.chooseSavePath) {
        const chosen = await deps.chooseSavePath(fileName)
        if (!chosen) throw new AppError('JOB_CANCELLED', 'export cancelled (no file chosen)')
        out = chosen
      } else {
        const download = newDownload(deps.dataDir, fileName)
        out = download.path
        downloadUrl = download.url
      }
      const rdb = readDb()
      return deps.tasks.run(
        input.jobId,
        `Export ${input.ids ? 'selected trades' : 'trades'} to ${input.format.toUpperCase()}`,
        async (signal, progress) => {
          const r = await exportTrades(rdb, { ...input, out, signal, onProgress: (p) => progress(p.rows, p.total ?? 0) })
          return { rows: r.rows, bytes: r.bytes, ms: r.ms, path: downloadUrl ? null : out, downloadUrl }
        },
      )
    },

    apiSettings: () => live.settings(),
    setApiSettings: (patch) => live.apply(patch),
    rotateToken: () => live.rotateToken(),

    async close() {
      await live.close()
      reader?.close()
      reader = null
    },
  }
}
