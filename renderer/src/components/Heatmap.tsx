import { useRef, useState } from 'react'
import { useElementSize } from './useElementSize'
import './charts.css'

interface Props {
  /** Short labels on the axes. */
  labels: readonly string[]
  /** Full names for the tooltip (defaults to the labels). */
  names?: readonly string[]
  matrix: readonly (readonly (number | null)[])[]
  colorOf: (v: number | null) => string
  format: (v: number | null) => string
  /** Gradient stops for the legend, low to high, and their captions. */
  legend?: { colors: string[]; captions: string[] }
  testId?: string
}

const MIN_CELL = 4
/** Axis labels longer than this are cut (the tooltip has the full name). */
const LABEL_CHARS = 10
const MAX_CELL = 84
/** Cells larger than this get a 1-pixel gap. */
const GAP_MIN_CELL = 12

/** A square matrix as coloured cells (SVG): values inside when they fit, every value on hover. */
export function Heatmap({ labels, names = labels, matrix, colorOf, format, legend, testId }: Props) {
  const ref = useRef<HTMLDivElement>(null)
  const { width, height } = useElementSize(ref)
  const [hover, setHover] = useState<{ i: number; j: number } | null>(null)
  const n = labels.length
  const shown = labels.map((l) => (l.length > LABEL_CHARS ? `${l.slice(0, LABEL_CHARS - 1)}…` : l))
  const longest = Math.max(2, ...shown.map((l) => l.length))
  const { labelW, cell, rotate, topH, showValues, gridW, fontSize, every } = heatmapGeometry(width, height, n, longest)
  const svgW = labelW + gridW + 4
  const svgH = topH + gridW + 4
  const h = hover ? (matrix[hover.i]?.[hover.j] ?? null) : null

  return (
    <div className="heatmap" ref={ref} data-testid={testId} data-size={n}>
      {width > 0 && n > 0 && (
        <div className="heatmap-scroll">
          <svg width={svgW} height={svgH} role="img" aria-label="Correlation heatmap" onMouseLeave={() => setHover(null)}>
            {shown.map((l, j) => {
              if (!isLabelled(j, hover?.j, every)) return null
              const x = labelW + j * cell + cell / 2
              return rotate ? (
                <text
                  key={`c${j}`}
                  className={`hm-label${hover?.j === j ? ' active' : ''}`}
                  transform={`translate(${x + 3}, ${topH - 4}) rotate(-60)`}
                  style={{ fontSize }}
                >
                  {l}
                </text>
              ) : (
                <text
                  key={`c${j}`}
                  x={x}
                  y={topH - 6}
                  textAnchor="middle"
                  className={`hm-label${hover?.j === j ? ' active' : ''}`}
                  style={{ fontSize }}
                >
                  {l}
                </text>
              )
            })}
            {shown.map((l, i) =>
              isLabelled(i, hover?.i, every) ? (
                <text
                  key={`r${i}`}
                  x={labelW - 6}
                  y={topH + i * cell + cell / 2 + fontSize * 0.35}
                  textAnchor="end"
                  className={`hm-label${hover?.i === i ? ' active' : ''}`}
                  style={{ fontSize }}
                >
                  {l}
                </text>
              ) : null,
            )}
            {matrix.map((row, i) =>
              row.map((v, j) => (
                <g key={`${i}-${j}`} onMouseEnter={() => setHover({ i, j })}>
                  <rect
                    x={labelW + j * cell}
                    y={topH + i * cell}
                    width={cell - (cell > GAP_MIN_CELL ? 1 : 0)}
                    height={cell - (cell > GAP_MIN_CELL ? 1 : 0)}
                    shapeRendering={cell > GAP_MIN_CELL ? undefined : 'crispEdges'}
                    fill={colorOf(v)}
                    className={hover?.i === i && hover?.j === j ? 'hm-cell active' : 'hm-cell'}
                    data-testid="heatmap-cell"
                    data-row={i}
                    data-col={j}
                    data-value={v ?? ''}
                  />
                  {showValues && (
                    <text
                      x={labelW + j * cell + cell / 2}
                      y={topH + i * cell + cell / 2 + 4}
                      textAnchor="middle"
                      className="hm-value"
                      style={{ fontSize: Math.min(12, cell * 0.28) }}
                    >
                      {format(v)}
                    </text>
                  )}
                </g>
              )),
            )}
          </svg>
          {hover && (
            <div
              className="chart-tip num"
              data-testid="heatmap-tip"
              style={{
                // Beside the cell when there is room on its right, else on its left; never over it.
                left:
                  labelW + (hover.j + 1) * cell + 210 < width
                    ? labelW + (hover.j + 1) * cell + 6
                    : Math.max(0, labelW + hover.j * cell - 206),
                top: topH + hover.i * cell,
              }}
            >
              <div className="chart-tip-head">
                {names[hover.i]} × {names[hover.j]}
              </div>
              <div>ρ = {format(h)}</div>
            </div>
          )}
        </div>
      )}
      {legend && (
        <div className="hm-legend num">
          <span>{legend.captions[0]}</span>
          <span className="hm-legend-bar" style={{ background: `linear-gradient(90deg, ${legend.colors.join(', ')})` }} />
          <span>{legend.captions[legend.captions.length - 1]}</span>
          {legend.captions.length > 2 && <span className="muted">(centre {legend.captions[1]})</span>}
        </div>
      )}
    </div>
  )
}

/** Sizes of an n × n heatmap in a box of width × height whose longest axis label has `longest` characters. */
export function heatmapGeometry(width: number, height: number, n: number, longest: number) {
  const labelW = 14 + longest * 7
  const avail = Math.min(width - labelW - 12, (height || width) - labelW - 40)
  const fit = avail / Math.max(1, n)
  // Gapless small cells may be fractional, so a dense matrix (all 101 alphas) fills the panel instead of
  // rounding every cell down; cells with gaps stay whole pixels.
  const cell = fit < GAP_MIN_CELL ? Math.max(MIN_CELL, fit) : Math.min(MAX_CELL, Math.floor(fit))
  const fontSize = Math.max(9, Math.min(12, cell * 0.6))
  return {
    labelW,
    cell,
    /** Column labels turned up the top edge (they do not fit flat). */
    rotate: cell < 44,
    topH: cell < 44 ? Math.round(labelW * 0.9) : 22,
    showValues: cell >= 36,
    gridW: cell * n,
    fontSize,
    // Small cells: every k-th row / column is labelled.
    every: Math.max(1, Math.ceil((fontSize + 2) / cell)),
  }
}

/** Row (or column) i carries its label: every k-th one, and the hovered one in place of its neighbours, so none overlap. */
export const isLabelled = (i: number, hovered: number | undefined, every: number): boolean =>
  i === hovered || (i % every === 0 && (hovered === undefined || Math.abs(i - hovered) >= every))
