import type { Trade } from '../../../../electron/contract'
import { formatDateTime, formatNumber } from '../../components/format'
import type { TradeColumnKey } from '../../stores/book/state'

const numeric = new Set<TradeColumnKey>([
  'quantity',
  'entryPrice',
  'exitPrice',
  'stopLoss',
  'takeProfit',
  'pnlGross',
  'pnlNet',
  'fees',
  'mae',
  'mfe',
])

export const isNumericColumn = (key: TradeColumnKey) => numeric.has(key) || key === 'id' || key === 'runId'

/** One cell of the trade table as text (and a class for signed P&L). */
export function cellText(trade: Trade, key: TradeColumnKey): { text: string; className?: string } {
  const v = trade[key]
  switch (key) {
    case 'entryTs':
    case 'exitTs':
      return { text: v === null ? (key === 'exitTs' && trade.active ? 'open' : '—') : formatDateTime(v as number) }
    case 'pnlGross':
    case 'pnlNet': {
      const n = v as number | null
      return { text: formatNumber(n, 2), className: n === null ? undefined : n > 0 ? 'pos' : n < 0 ? 'neg' : undefined }
    }
    case 'tags':
      return { text: (v as string[]).join(', ') }
    case 'quantity':
      return { text: formatNumber(v as number, Number.isInteger(v) ? 0 : 2) }
    default:
      if (numeric.has(key)) return { text: formatNumber(v as number | null, 2) }
      return { text: v === null || v === '' ? '—' : String(v) }
  }
}
