import { useEffect, useMemo, useRef } from 'react'
import { isoDate, isoDateToUnix } from '../../../../electron/contract'
import { useChart, useCrosshair } from '../../charts/useChart'
import { createXYChart, type XYCrosshair, type XYSeries } from '../../charts/xy'
import { withAlpha, readChartTheme } from '../../charts/theme'
import { formatNumber } from '../../components/format'
import { addOverlay, clearOverlays, removeOverlay, setFrameMs } from '../../stores/curves/actions'
import { curveOf, fittedCurve, maxTau, overlayColors, overlayIndex, toXY } from '../../stores/curves/selectors'
import { maxOverlays, overlayPresets, useCurves } from '../../stores/curves/state'
import { ExportButtons } from './ExportButtons'

const createCurveChart = (el: HTMLElement, theme: ReturnType<typeof readChartTheme>) =>
  createXYChart(el, theme, { xLabel: (x) => String(Math.round(x)) })

/**
 * The curve of the chosen date (labels on the contracts, the front one marked), the previous
 * date faint behind it, overlay dates in their colours, the fitted curve when there is a fit.
 * One chart for the screen's lifetime: a new date only replaces series data (playback redraws
 * every frame), and the time each redraw takes is measured.
 */
export function CurveChart() {
  const ref = useRef<HTMLDivElement>(null)
  const box = useRef<HTMLDivElement>(null)
  const chart = useChart(ref, createCurveChart)
  const hover = useCrosshair<XYCrosshair>(chart)
  const panel = useCurves((s) => s.panel.data)
  const d = useCurves((s) => s.dateIndex)
  const axis = useCurves((s) => s.axis)
  const showPrevious = useCurves((s) => s.showPrevious)
  const overlays = useCurves((s) => s.overlays)
  const fit = useCurves((s) => (s.fit.status === 'ready' ? s.fit.data : null))
  const frameMs = useCurves((s) => s.frameMs)
  const playing = useCurves((s) => s.playing)
  const theme = useMemo(() => readChartTheme(), [])

  const series = useMemo<XYSeries[]>(() => {
    if (!panel) return []
    const out: XYSeries[] = []
    if (showPrevious && d > 0) {
      out.push({
        id: 'prev',
        label: `previous (${isoDate(panel.dates[d - 1])})`,
        color: withAlpha(theme.muted, 0.45),
        points: toXY(curveOf(panel, d - 1), axis),
        width: 1,
      })
    }
    overlays.forEach((o, i) => {
      const k = overlayIndex(panel.dates, d, o)
      const points = k >= 0 ? toXY(curveOf(panel, k), axis) : []
      const when = k >= 0 ? isoDate(panel.dates[k]) : 'no data'
      out.push({
        id: o.id,
        label: o.preset ? `${o.preset} ago (${when})` : when,
        color: overlayColors[i % overlayColors.length],
        points,
        width: 2,
      })
    })
    if (fit && axis === 'tau' && fit.dates[d] === panel.dates[d]) {
      const pts = curveOf(panel, d)
      const maxTau = pts.length ? pts[pts.length - 1].tau : 0
      out.push({
        id: 'fit',
        label: fit.model === 'ns' ? 'Nelson–Siegel fit' : 'Svensson fit',
        color: '#f5b942',
        points: fittedCurve(fit, d, maxTau),
        width: 2,
        dashed: true,
      })
    }
    out.push({
      id: 'curve',
      label: isoDate(panel.dates[d]),
      color: theme.accent,
      points: toXY(curveOf(panel, d), axis, true),
      width: 3,
      markers: true,
    })
    return out
  }, [panel, d, axis, showPrevious, overlays, fit, theme])

  // A new root or axis: a linear axis over the whole history's range, fitted once (playback keeps it still).
  const domain = useMemo(() => (panel ? (axis === 'tau' ? [0, maxTau(panel)] : [1, panel.tenors]) : null), [panel, axis])
  const shownDomain = useRef<number[] | null>(null)
  useEffect(() => {
    if (!chart) return
    const t0 = performance.now()
    const newDomain = domain !== shownDomain.current
    if (newDomain && domain) chart.setDomain(domain[0], domain[1])
    chart.setSeries(series)
    // Fit after the new series are in: fitting before would keep the old root's range.
    if (newDomain && domain) chart.fit()
    shownDomain.current = domain
    const sync = performance.now() - t0
    // The library paints in its own animation frame, queued before ours: time from our frame's
    // start to our callback is that paint.
    const id = requestAnimationFrame((frameStart) => setFrameMs(sync + Math.max(0, performance.now() - frameStart)))
    return () => cancelAnimationFrame(id)
  }, [chart, series, domain])

  const front = panel ? curveOf(panel, d)[0] : undefined
  const hovering = hover?.x !== null && hover?.x !== undefined
  return (
    <div className="curve-chart-box" ref={box} data-testid="curve-chart-box">
      <div className="curve-chart-head">
        <span className="curve-title">
          {panel ? `${panel.root} ${isoDate(panel.dates[d])}` : '—'}
          {front && (
            <span className="muted">
              {' '}
              front {front.symbol} {formatNumber(front.price)}
            </span>
          )}
        </span>
        <span className="muted num" data-testid="frame-ms" data-frame-ms={frameMs ?? ''}>
          {frameMs !== null ? `redraw ${frameMs.toFixed(1)} ms${playing ? ' (playing)' : ''}` : ''}
        </span>
        <ExportButtons what="curve" target={box} name={`${panel?.root ?? 'curve'}-curve`} />
      </div>
      <div className="curve-overlays">
        <span className="muted">Overlay:</span>
        {overlayPresets.map((p) => (
          <button
            key={p}
            type="button"
            data-testid={`overlay-${p}`}
            disabled={overlays.length >= maxOverlays || overlays.some((o) => o.preset === p)}
            onClick={() => addOverlay(p)}
          >
            {p}
          </button>
        ))}
        <input
          type="date"
          data-testid="overlay-date"
          title="Add a date as overlay"
          disabled={overlays.length >= maxOverlays}
          onChange={(e) => {
            const t = isoDateToUnix(e.target.value)
            if (t !== null) addOverlay(null, t)
            e.target.value = ''
          }}
        />
        {overlays.length > 0 && (
          <button type="button" onClick={clearOverlays}>
            clear
          </button>
        )}
      </div>
      <div
        ref={ref}
        className="curve-chart"
        data-testid="curve-chart"
        data-points={series.find((s) => s.id === 'curve')?.points.length ?? 0}
        data-date={panel ? isoDate(panel.dates[d]) : ''}
      />
      <div className="curve-legend num" data-testid="curve-legend">
        {hovering && (
          <span className="muted">
            {axis === 'tau' ? `τ ${Math.round(hover.x as number)} d` : `tenor ${Math.round(hover.x as number)}`}
          </span>
        )}
        {series
          .slice()
          .reverse()
          .map((s) => {
            const v = hover?.values.find((x) => x.id === s.id)?.value
            return (
              <span key={s.id} className="curve-legend-item" data-testid={`legend-${s.id}`}>
                <b style={{ color: s.color }}>■</b> {s.label}
                {hovering && <span> {formatNumber(v ?? null)}</span>}
                {overlays.some((o) => o.id === s.id) && (
                  <button type="button" className="link" onClick={() => removeOverlay(s.id)} title="Remove this overlay">
                    ×
                  </button>
                )}
              </span>
            )
          })}
      </div>
    </div>
  )
}
