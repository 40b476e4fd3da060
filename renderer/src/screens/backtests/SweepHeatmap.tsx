import { useEffect, useRef, useState } from 'react'
import type { BacktestRun, SetMetric } from '../../../../electron/contract'
import { useElementSize } from '../../components/useElementSize'
import { colorScale, formatMetric, metricLabels, metricMatrix, metricRange } from '../../stores/backtests/selectors'
import { sharpCanvas } from '../../components/canvas'

interface Props {
  run: BacktestRun
  metric: SetMetric
  selected: { slIndex: number; tpIndex: number } | null
  onSelect?: (slIndex: number, tpIndex: number) => void
  testId?: string
  /** The colour scale's range when several heatmaps share one (default: this run's own values). */
  range?: { lo: number; hi: number }
}

const M = { left: 58, right: 10, top: 10, bottom: 34 }
const fmt = (v: number) => String(Number(v.toPrecision(6)))

/** The SL×TP grid as coloured cells on a canvas (any size, up to a million sets): SL down, TP across; hover for values, click to open a set. */
export function SweepHeatmap({ run, metric, selected, onSelect, testId, range }: Props) {
  const box = useRef<HTMLDivElement>(null)
  const canvas = useRef<HTMLCanvasElement>(null)
  const { width, height } = useElementSize(box)
  const [hover, setHover] = useState<{ i: number; j: number } | null>(null)
  const rows = run.sl.length
  const cols = run.tp.length
  const plotW = Math.max(10, width - M.left - M.right)
  const plotH = Math.max(10, height - M.top - M.bottom)
  const cw = plotW / cols
  const ch = plotH / rows

  useEffect(() => {
    const c = canvas.current
    if (!c || width === 0) return
    const ctx = sharpCanvas(c, width, height)
    if (!ctx) return
    const matrix = metricMatrix(run, metric)
    const color = colorScale(metric, range ?? metricRange(matrix))
    const gap = cw > 6 && ch > 6 ? 1 : 0
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        ctx.fillStyle = color(matrix[i][j])
        ctx.fillRect(M.left + j * cw, M.top + i * ch, Math.max(1, cw - gap), Math.max(1, ch - gap))
      }
    }
    ctx.fillStyle = 'rgba(255,255,255,0.85)'
    for (const k of run.kept) {
      if (cw < 6 || ch < 6) break
      ctx.beginPath()
      ctx.arc(M.left + (k.tpIndex + 0.5) * cw, M.top + (k.slIndex + 0.5) * ch, Math.min(cw, ch) * 0.15, 0, Math.PI * 2)
      ctx.fill()
    }
    if (selected) {
      ctx.strokeStyle = '#ffffff'
      ctx.lineWidth = 2
      ctx.strokeRect(M.left + selected.tpIndex * cw - 1, M.top + selected.slIndex * ch - 1, Math.max(3, cw) + 1, Math.max(3, ch) + 1)
    }
    // Axis labels: every k-th level so they never overlap.
    const style = getComputedStyle(c)
    ctx.fillStyle = style.getPropertyValue('--muted').trim() || '#8a93a0'
    ctx.font = '11px ui-monospace, Menlo, Consolas, monospace'
    ctx.textAlign = 'right'
    ctx.textBaseline = 'middle'
    const rowEvery = Math.max(1, Math.ceil(14 / ch))
    for (let i = 0; i < rows; i += rowEvery) ctx.fillText(fmt(run.sl[i]), M.left - 6, M.top + (i + 0.5) * ch)
    ctx.textAlign = 'center'
    ctx.textBaseline = 'top'
    const colEvery = Math.max(1, Math.ceil(42 / cw))
    for (let j = 0; j < cols; j += colEvery) ctx.fillText(fmt(run.tp[j]), M.left + (j + 0.5) * cw, M.top + plotH + 4)
    ctx.fillText(`TP (${run.spec.unit})`, M.left + plotW / 2, M.top + plotH + 19)
    ctx.save()
    ctx.translate(11, M.top + plotH / 2)
    ctx.rotate(-Math.PI / 2)
    ctx.fillText(`SL (${run.spec.unit})`, 0, -6)
    ctx.restore()
  }, [run, metric, selected, range, width, height, rows, cols, cw, ch, plotW, plotH])

  const cellAt = (e: React.MouseEvent) => {
    const r = (e.target as HTMLElement).getBoundingClientRect()
    const j = Math.floor((e.clientX - r.left - M.left) / cw)
    const i = Math.floor((e.clientY - r.top - M.top) / ch)
    return i >= 0 && i < rows && j >= 0 && j < cols ? { i, j } : null
  }
  const at = hover ? hover.i * cols + hover.j : -1
  const value = at >= 0 ? (run.stats[metric as keyof typeof run.stats][at] as number | null) : null

  return (
    <div
      className="sweep-heatmap"
      ref={box}
      data-testid={testId}
      data-rows={rows}
      data-cols={cols}
      data-left={M.left}
      data-top={M.top}
      data-cell-w={cw}
      data-cell-h={ch}
    >
      <canvas
        ref={canvas}
        style={{ width, height, cursor: onSelect ? 'pointer' : 'default' }}
        onMouseMove={(e) => setHover(cellAt(e))}
        onMouseLeave={() => setHover(null)}
        onClick={(e) => {
          const c = cellAt(e)
          if (c && onSelect) onSelect(c.i, c.j)
        }}
      />
      {hover && (
        <div
          className="chart-tip num"
          data-testid="sweep-tip"
          style={{
            left: Math.min(width - 190, M.left + (hover.j + 1) * cw + 8),
            top: Math.min(height - 90, M.top + hover.i * ch),
          }}
        >
          <div className="chart-tip-head">
            SL {fmt(run.sl[hover.i])} × TP {fmt(run.tp[hover.j])} {run.spec.unit}
          </div>
          <div>
            {metricLabels[metric]}: <b>{formatMetric(metric, value)}</b>
          </div>
          <div>
            trades {run.stats.trades[at].toLocaleString('en-US')} · net {formatMetric('netPnl', run.stats.netPnl[at])}
          </div>
          <div>
            win {formatMetric('winRate', run.stats.winRate[at])} · PF {formatMetric('profitFactor', run.stats.profitFactor[at])}
          </div>
        </div>
      )}
    </div>
  )
}
