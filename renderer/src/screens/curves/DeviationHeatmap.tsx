import { useEffect, useRef, useState } from 'react'
import { isoDate } from '../../../../electron/contract'
import { useElementSize } from '../../components/useElementSize'
import { formatNumber } from '../../components/format'

interface Props {
  dates: readonly number[]
  tenors: number
  /** Date-major values (dates × tenors). */
  values: readonly (number | null)[]
  current: number
  unit: string
  onPick(dateIndex: number): void
}

const LEFT = 34
const BOTTOM = 18

/** Symmetric scale: the 98th percentile of |v| (a few spikes such as April 2020 don't wash the rest out). */
function scaleOf(values: readonly (number | null)[]): number {
  const abs = values
    .filter((v): v is number => v !== null && v !== 0)
    .map(Math.abs)
    .sort((a, b) => a - b)
  return abs.length ? abs[Math.floor(abs.length * 0.98)] || abs[abs.length - 1] : 1
}

function colorOf(v: number | null, scale: number): string {
  if (v === null) return '#1b1f26'
  const t = Math.max(-1, Math.min(1, v / scale))
  const a = Math.abs(t)
  // blue below the front contract (backwardation), red above it (contango)
  const [r, g, b] = t < 0 ? [79, 157, 255] : [239, 83, 80]
  const mix = (c: number) => Math.round(27 + (c - 27) * a)
  return `rgb(${mix(r)}, ${mix(g)}, ${mix(b)})`
}

/** Date × tenor on a canvas of its own (thousands of dates): colour = deviation; a click jumps the curve to that date. */
export function DeviationHeatmap({ dates, tenors, values, current, unit, onPick }: Props) {
  const wrap = useRef<HTMLDivElement>(null)
  const canvas = useRef<HTMLCanvasElement>(null)
  const { width, height } = useElementSize(wrap)
  const [hover, setHover] = useState<{ d: number; j: number; x: number; y: number } | null>(null)
  const [scale, setScale] = useState(1)
  const plotW = Math.max(1, width - LEFT)
  const plotH = Math.max(1, height - BOTTOM)
  const n = dates.length

  useEffect(() => {
    const c = canvas.current
    if (!c || width === 0 || height === 0 || n === 0) return
    const dpr = window.devicePixelRatio || 1
    c.width = Math.round(width * dpr)
    c.height = Math.round(height * dpr)
    const ctx = c.getContext('2d')
    if (!ctx) return
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
    ctx.clearRect(0, 0, width, height)
    const s = scaleOf(values)
    setScale(s)
    const rowH = plotH / tenors
    // One column per pixel (or per date when there are fewer dates than pixels).
    const cols = Math.min(n, Math.floor(plotW))
    const colW = plotW / cols
    for (let x = 0; x < cols; x++) {
      const d = Math.min(n - 1, Math.floor((x * n) / cols))
      for (let j = 0; j < tenors; j++) {
        ctx.fillStyle = colorOf(values[d * tenors + j], s)
        ctx.fillRect(LEFT + x * colW, j * rowH, Math.ceil(colW), Math.ceil(rowH))
      }
    }
    ctx.fillStyle = '#8a93a0'
    ctx.font = '10px ui-monospace, Menlo, monospace'
    for (let j = 0; j < tenors; j += Math.max(1, Math.ceil(12 / rowH))) ctx.fillText(`M${j + 1}`, 2, 9 + j * rowH)
    let lastYear = ''
    for (let x = 0; x < cols; x++) {
      const year = isoDate(dates[Math.floor((x * n) / cols)]).slice(0, 4)
      if (year !== lastYear && x > 0) ctx.fillText(year, LEFT + x * colW, height - 5)
      lastYear = year
    }
  }, [dates, tenors, values, width, height, n, plotW, plotH])

  const pos = (e: React.MouseEvent) => {
    const r = (e.currentTarget as HTMLElement).getBoundingClientRect()
    const x = e.clientX - r.left - LEFT
    const y = e.clientY - r.top
    if (x < 0 || y < 0 || y >= plotH) return null
    return {
      d: Math.min(n - 1, Math.floor((x / plotW) * n)),
      j: Math.min(tenors - 1, Math.floor((y / plotH) * tenors)),
      x: e.clientX - r.left,
      y,
    }
  }
  const v = hover ? values[hover.d * tenors + hover.j] : null
  return (
    <div className="dev-heatmap" ref={wrap} data-testid="deviation-heatmap" data-dates={n} data-tenors={tenors}>
      <canvas
        ref={canvas}
        style={{ width, height }}
        onMouseMove={(e) => setHover(pos(e))}
        onMouseLeave={() => setHover(null)}
        onClick={(e) => {
          const p = pos(e)
          if (p) onPick(p.d)
        }}
      />
      {n > 0 && <div className="dev-heatmap-now" style={{ left: LEFT + ((current + 0.5) / n) * plotW, height: plotH }} />}
      {hover && (
        <div className="chart-tip num" style={{ left: Math.min(hover.x + 12, width - 190), top: Math.max(0, hover.y - 40) }}>
          <div className="chart-tip-head">
            {isoDate(dates[hover.d])} M{hover.j + 1}
          </div>
          <div>
            {formatNumber(v)} {unit}
          </div>
        </div>
      )}
      <div className="dev-heatmap-scale muted num">
        <span style={{ color: colorOf(-scale, scale) }}>■</span> −{formatNumber(scale)}{' '}
        <span style={{ color: colorOf(scale, scale) }}>■</span> +{formatNumber(scale)} {unit}
      </div>
    </div>
  )
}
