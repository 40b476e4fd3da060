import { useMemo, useRef, useState } from 'react'
import { useElementSize } from './useElementSize'
import './charts.css'

export interface Bar {
  label: string
  value: number | null
  /** A second line under the label (e.g. "t 2.1", "n 123k"). */
  sub?: string
  /** Overrides the sign colour. */
  color?: string
  /** Extra text in the tooltip. */
  detail?: string
}

interface Props {
  bars: readonly Bar[]
  format: (v: number | null) => string
  /** Shorter text for the labels on the bars (default: `format`); the axis and tooltip keep `format`. */
  valueFormat?: (v: number | null) => string
  height?: number
  /** Accessible description, and the tooltip's heading. */
  title: string
  testId?: string
  positiveColor?: string
  negativeColor?: string
}

/** Nice round tick step for a span (1, 2, 2.5, 5 × 10^k). */
export function niceStep(span: number, targetTicks = 4): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1
  const raw = span / targetTicks
  const mag = 10 ** Math.floor(Math.log10(raw))
  const n = raw / mag
  const step = n <= 1 ? 1 : n <= 2 ? 2 : n <= 2.5 ? 2.5 : n <= 5 ? 5 : 10
  return step * mag
}

/** Ticks covering [min, max] (0 always inside), and the extended domain. */
export function ticksFor(values: readonly (number | null)[]): { lo: number; hi: number; ticks: number[] } {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v))
  let lo = Math.min(0, ...finite)
  let hi = Math.max(0, ...finite)
  if (lo === hi) hi = lo + 1
  // Room for the value labels outside the bars.
  const pad = (hi - lo) * 0.12
  if (lo < 0) lo -= pad
  if (hi > 0) hi += pad
  const step = niceStep(hi - lo)
  lo = Math.floor(lo / step - 1e-9) * step
  hi = Math.ceil(hi / step - 1e-9) * step
  const ticks: number[] = []
  for (let t = lo; t <= hi + step / 2; t += step) ticks.push(Math.abs(t) < step / 1e6 ? 0 : t)
  return { lo, hi, ticks }
}

const LEFT = 56
const BOTTOM = 34
const TOP = 16
const SUB_CHAR_PX = 6.4
/** How much wider than its slot a secondary label may be squeezed from. */
const SUB_SQUEEZE = 1.25
const LABEL_CHAR_PX = 6.6

/** Vertical bars around a zero line (SVG), with value labels, a y-axis and a hover tooltip. */
export function BarChart({
  bars,
  format,
  valueFormat = format,
  height = 200,
  title,
  testId,
  positiveColor = 'var(--up)',
  negativeColor = 'var(--down)',
}: Props) {
  const ref = useRef<HTMLDivElement>(null)
  const { width } = useElementSize(ref)
  const [hover, setHover] = useState<number | null>(null)
  const scale = useMemo(() => ticksFor(bars.map((b) => b.value)), [bars])
  const plotW = Math.max(10, width - LEFT - 8)
  const plotH = Math.max(10, height - TOP - BOTTOM)
  const y = (v: number) => TOP + ((scale.hi - v) / (scale.hi - scale.lo)) * plotH
  const slot = plotW / Math.max(1, bars.length)
  const barW = Math.max(4, Math.min(56, slot * 0.62))
  const hovered = hover !== null ? bars[hover] : null
  // Secondary labels (10.5px mono ≈ 6.4px a character) when they fit their slots, squeezed a little when slightly too
  // wide, left out when that would make them illegible (the tooltip has them anyway).
  const subRoom = slot - 4
  const subsFit = bars.every((b) => !b.sub || b.sub.length * SUB_CHAR_PX <= SUB_SQUEEZE * subRoom)
  // Many narrow bars: label every k-th one so labels never run into each other (11px mono ≈ 6.6px a character).
  const labelEvery = Math.max(1, Math.ceil((Math.max(1, ...bars.map((b) => b.label.length)) * LABEL_CHAR_PX + 6) / slot))

  return (
    <div className="bar-chart" ref={ref} style={{ height }} data-testid={testId} data-bars={bars.length}>
      {width > 0 && (
        <svg width={width} height={height} role="img" aria-label={title}>
          {scale.ticks.map((t) => (
            <g key={t}>
              <line x1={LEFT} x2={LEFT + plotW} y1={y(t)} y2={y(t)} className={t === 0 ? 'bc-zero' : 'bc-grid'} />
              <text x={LEFT - 6} y={y(t) + 3.5} className="bc-tick" textAnchor="end">
                {format(t)}
              </text>
            </g>
          ))}
          {bars.map((b, i) => {
            const cx = LEFT + slot * (i + 0.5)
            const v = b.value
            const has = v !== null && Number.isFinite(v)
            const y0 = y(0)
            const y1 = has ? y(v) : y0
            const color = b.color ?? (has && v < 0 ? negativeColor : positiveColor)
            const top = Math.min(y0, y1)
            const h = Math.max(has && v !== 0 ? 1 : 0, Math.abs(y1 - y0))
            return (
              <g key={i} onMouseEnter={() => setHover(i)} onMouseLeave={() => setHover(null)} className="bc-bar" data-value={has ? v : ''}>
                <rect x={cx - slot / 2} y={TOP} width={slot} height={plotH} fill="transparent" />
                <rect x={cx - barW / 2} y={top} width={barW} height={h} fill={color} opacity={hover === i ? 1 : 0.85} rx={1.5} />
                <text x={cx} y={has && v < 0 ? y1 + 12 : y1 - 4} className="bc-value" textAnchor="middle">
                  {has ? valueFormat(v) : 'n/a'}
                </text>
                {i % labelEvery === 0 && (
                  <text x={cx} y={TOP + plotH + 14} className="bc-label" textAnchor="middle">
                    {b.label}
                  </text>
                )}
                {b.sub && subsFit && (
                  <text
                    x={cx}
                    y={TOP + plotH + 27}
                    className="bc-sub"
                    textAnchor="middle"
                    {...(b.sub.length * SUB_CHAR_PX > subRoom ? { textLength: subRoom, lengthAdjust: 'spacingAndGlyphs' } : {})}
                  >
                    {b.sub}
                  </text>
                )}
              </g>
            )
          })}
        </svg>
      )}
      {hovered && hover !== null && (
        <div
          className="chart-tip num"
          style={{ left: Math.min(Math.max(0, LEFT + slot * (hover + 0.5) - 80), Math.max(0, width - 170)), top: 0 }}
        >
          <div className="chart-tip-head">{hovered.label}</div>
          <div>{format(hovered.value)}</div>
          {hovered.detail && <div className="muted">{hovered.detail}</div>}
        </div>
      )}
    </div>
  )
}
