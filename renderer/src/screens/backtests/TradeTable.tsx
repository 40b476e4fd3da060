import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef } from 'react'
import type { BacktestTrade } from '../../../../electron/contract'
import { formatDateTime, formatNumber } from '../../components/format'
import { selectTrade } from '../../stores/backtests/actions'

const ROW = 24
const cols = ['#', 'dir', 'entry', 'price', 'exit', 'price', 'reason', 'bars', 'ticks', 'P&L', 'MAE', 'MFE']

/** The set's trades (virtualised: thousands stay smooth); a click shows the trade on the chart. */
export function TradeTable({ trades, selected }: { trades: readonly BacktestTrade[]; selected: number | null }) {
  const scroller = useRef<HTMLDivElement>(null)
  const v = useVirtualizer({ count: trades.length, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 12 })
  useEffect(() => {
    if (selected !== null) v.scrollToIndex(selected, { align: 'auto' })
  }, [selected, v])
  return (
    <div className="bt-trades" data-testid="bt-trades" data-count={trades.length}>
      <div className="bt-trade-row head">
        {cols.map((c, i) => (
          <span key={i}>{c}</span>
        ))}
      </div>
      <div className="bt-trades-scroll" ref={scroller}>
        <div style={{ height: v.getTotalSize(), position: 'relative' }}>
          {v.getVirtualItems().map((item) => {
            const t = trades[item.index]
            return (
              <button
                type="button"
                key={item.index}
                className={`bt-trade-row${item.index === selected ? ' active' : ''}`}
                style={{ position: 'absolute', top: item.start, height: ROW, left: 0, right: 0 }}
                onClick={() => selectTrade(item.index)}
                data-testid="bt-trade-row"
              >
                <span className="muted">{item.index + 1}</span>
                <span className={t.direction > 0 ? 'up' : 'down'}>{t.direction > 0 ? 'long' : 'short'}</span>
                <span>{formatDateTime(t.entryTime)}</span>
                <span>{formatNumber(t.entryPrice, 2)}</span>
                <span>{formatDateTime(t.exitTime)}</span>
                <span>{formatNumber(t.exitPrice, 2)}</span>
                <span className={t.reason.startsWith('ambiguous') ? 'warn' : ''}>{t.reason}</span>
                <span>{t.barsHeld}</span>
                <span>{formatNumber(t.pnlTicks, 1)}</span>
                <span className={t.pnlMoney >= 0 ? 'up' : 'down'}>{formatNumber(t.pnlMoney, 2)}</span>
                <span>{formatNumber(t.maeTicks, 1)}</span>
                <span>{formatNumber(t.mfeTicks, 1)}</span>
              </button>
            )
          })}
        </div>
      </div>
    </div>
  )
}
