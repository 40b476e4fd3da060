/**
 * Trades from a CSV file (a broker's statement, another tool's export): columns mapped to the
 * book's fields (given, or recognised from the header), every row checked, and either every
 * row is written in one transaction or none is: the first problems are reported with file,
 * line, column and field.
 */
import { parse } from 'csv-parse/sync'
import { AppError } from '../../contract'
import type { CsvTradeField } from '../../contract/book'
import type { Db } from '../../db/open'
import { IssueList, csvInvalid } from '../market/csv/issues'
import { timeOfText } from './live'
import { insertTrades, type NewTrade } from './store'

export type TradeMapping = Partial<Record<CsvTradeField, number>>

/** Header names (lower case, without spaces/underscores) each field is recognised by. */
const aliases: Record<CsvTradeField, string[]> = {
  instrument: ['instrument', 'symbol', 'ticker', 'contract', 'market'],
  direction: ['direction', 'side', 'action', 'buysell', 'longshort'],
  quantity: ['quantity', 'qty', 'size', 'contracts', 'shares', 'volume'],
  entryTime: ['entrytime', 'entryts', 'opentime', 'entrydate', 'opendate', 'entry'],
  entryPrice: ['entryprice', 'openprice', 'priceopen', 'buyprice'],
  exitTime: ['exittime', 'exitts', 'closetime', 'exitdate', 'closedate', 'exit'],
  exitPrice: ['exitprice', 'closeprice', 'priceclose', 'sellprice'],
  stopLoss: ['stoploss', 'sl', 'stop'],
  takeProfit: ['takeprofit', 'tp', 'target'],
  exitReason: ['exitreason', 'reason'],
  pnlGross: ['pnlgross', 'grosspnl', 'gross', 'grossprofit'],
  pnlNet: ['pnlnet', 'netpnl', 'pnl', 'profit', 'net', 'netprofit', 'realizedpnl'],
  fees: ['fees', 'fee', 'commission', 'commissions'],
  tags: ['tags', 'tag'],
  note: ['note', 'notes', 'comment', 'comments'],
}

export function guessMapping(header: readonly string[]): TradeMapping {
  const norm = header.map((h) => h.toLowerCase().replace(/[\s_\-()/]/g, ''))
  const mapping: TradeMapping = {}
  for (const field of Object.keys(aliases) as CsvTradeField[]) {
    const i = norm.findIndex((h) => aliases[field].includes(h))
    if (i >= 0 && !Object.values(mapping).includes(i)) mapping[field] = i
  }
  return mapping
}

const maxBytes = 64 * 2 ** 20
const show = (s: string) => (s.length > 40 ? `'${s.slice(0, 40)}…'` : `'${s}'`)

export interface ImportInput {
  name: string
  text: string
  mapping?: TradeMapping
  delimiter?: string
}

/** Parses and checks every row; on any problem throws CSV_INVALID and writes nothing. */
export function readTradeCsv(input: ImportInput): NewTrade[] {
  if (input.text.length > maxBytes) throw new AppError('VALIDATION', `${input.name}: larger than ${maxBytes / 2 ** 20} MiB; split it`)
  let records: string[][]
  try {
    records = parse(input.text, {
      bom: true,
      delimiter: input.delimiter ?? ',',
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    })
  } catch (err) {
    const e = err as { lines?: number; message: string }
    throw new AppError('CSV_INVALID', `${input.name}: line ${e.lines ?? '?'}: ${e.message.slice(0, 200)}`, {
      issues: [{ file: input.name, line: e.lines ?? 0, message: e.message.slice(0, 200) }],
    })
  }
  if (records.length < 2) throw new AppError('CSV_INVALID', `${input.name}: no rows to import`, { issues: [] })
  const header = records[0]
  const mapping = input.mapping ?? guessMapping(header)
  for (const need of ['instrument', 'direction'] as const) {
    if (mapping[need] === undefined) {
      throw new AppError('CSV_INVALID', `${input.name}: no column for ${need} (header: ${header.slice(0, 20).join(', ').slice(0, 200)})`, {
        issues: [{ file: input.name, line: 1, field: need, message: `no column mapped to ${need}` }],
      })
    }
  }
  const errors = new IssueList(50)
  const trades: NewTrade[] = []
  for (let r = 1; r < records.length; r++) {
    const rec = records[r]
    const line = r + 1
    const cell = (f: CsvTradeField) => (mapping[f] === undefined ? '' : (rec[mapping[f]!] ?? ''))
    const issue = (f: CsvTradeField, message: string) =>
      errors.add({
        file: input.name,
        line,
        column: mapping[f] === undefined ? undefined : mapping[f]! + 1,
        field: header[mapping[f]!] ?? f,
        message,
      })
    const num = (f: CsvTradeField): number | null => {
      const s = cell(f)
      if (s === '') return null
      const v = Number(s)
      if (!Number.isFinite(v)) {
        issue(f, `${show(s)} is not a number`)
        return null
      }
      return v
    }
    const time = (f: CsvTradeField): number | null => {
      const s = cell(f)
      if (s === '') return null
      const v = /^-?\d+(\.\d+)?$/.test(s) ? Math.floor(Number(s)) : timeOfText(s)
      if (v === null) issue(f, `${show(s)} is not a date or time (use YYYY-MM-DD, YYYY-MM-DD HH:MM:SS or unix seconds)`)
      return v
    }
    const instrument = cell('instrument')
    if (!instrument) issue('instrument', 'empty instrument')
    const d = cell('direction').toLowerCase()
    const direction = ['long', 'buy', 'b', 'l', '1', '+1'].includes(d) ? 'long' : ['short', 'sell', 's', '-1'].includes(d) ? 'short' : null
    if (!direction) issue('direction', `${show(cell('direction'))} is not a direction (long/short, buy/sell)`)
    const quantity = num('quantity')
    const trade: NewTrade = {
      source: 'import',
      instrument,
      direction: direction ?? 'long',
      quantity: quantity === null ? 1 : Math.abs(quantity),
      entryTs: time('entryTime'),
      entryPrice: num('entryPrice'),
      exitTs: time('exitTime'),
      exitPrice: num('exitPrice'),
      stopLoss: num('stopLoss'),
      takeProfit: num('takeProfit'),
      exitReason: cell('exitReason') || null,
      pnlGross: num('pnlGross'),
      pnlNet: num('pnlNet'),
      fees: num('fees') ?? 0,
      tags: cell('tags')
        .split(/[;|]/)
        .map((t) => t.trim())
        .filter(Boolean),
      note: cell('note'),
    }
    // Without a stated net P&L: from the prices when both are there.
    if (trade.pnlNet === null && trade.entryPrice != null && trade.exitPrice != null) {
      trade.pnlGross ??= (direction === 'short' ? -1 : 1) * trade.quantity! * (trade.exitPrice - trade.entryPrice)
      trade.pnlNet = trade.pnlGross - (trade.fees ?? 0)
    }
    trades.push(trade)
  }
  if (errors.count) throw csvInvalid(errors)
  return trades
}

export function importTradeCsv(db: Db, input: ImportInput): number {
  const trades = readTradeCsv(input)
  insertTrades(db, trades)
  return trades.length
}
