/** The trade book: trades in SQLite, filters, summaries, tags/notes, CSV import, exports and the live API. */
export { createBookService, type BookService } from './service'
export { insertTrades, pageTrades, getTrade, countTrades, type NewTrade } from './store'
export { summarise } from './summary'
export { LiveApiController } from './live-api'
export { startLiveApi } from './api/server'
export { exportTrades, exportRunReturns, exportCalendar } from './export-trades'
export { parseFilterText } from './filter-text'
export { apiConfig, saveApiConfig } from './settings'
