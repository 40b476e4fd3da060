import { isoDate, isoDateToUnix } from '../../../../electron/contract'
import { goToDate, selectRoot, setAxis, setDateIndex, setShowPrevious, setSpeed, step, togglePlay } from '../../stores/curves/actions'
import { useCurves } from '../../stores/curves/state'

const speeds = [5, 20, 60, 120, 250]

/** Root, date (picker, slider, arrows), playback and axis. */
export function CurveToolbar() {
  const roots = useCurves((s) => s.roots.data)
  const datasetId = useCurves((s) => s.datasetId)
  const root = useCurves((s) => s.root)
  const dates = useCurves((s) => s.panel.data?.dates)
  const d = useCurves((s) => s.dateIndex)
  const playing = useCurves((s) => s.playing)
  const speed = useCurves((s) => s.speed)
  const axis = useCurves((s) => s.axis)
  const showPrevious = useCurves((s) => s.showPrevious)
  const current = dates?.[d]
  return (
    <div className="curves-toolbar">
      <select
        data-testid="curves-root"
        value={datasetId !== null && root ? `${datasetId}:${root}` : ''}
        onChange={(e) => {
          const [id, r] = e.target.value.split(':')
          void selectRoot(Number(id), r)
        }}
      >
        {roots?.map((r) => (
          <option key={`${r.datasetId}:${r.root}`} value={`${r.datasetId}:${r.root}`}>
            {r.root} · {r.datasetKey} ({r.contracts} contracts)
          </option>
        ))}
      </select>
      <button type="button" onClick={() => step(-1)} disabled={!dates || d <= 0} title="Previous date (←)" data-testid="curves-prev">
        ◀
      </button>
      <input
        type="date"
        data-testid="curves-date"
        value={current !== undefined ? isoDate(current) : ''}
        min={dates ? isoDate(dates[0]) : undefined}
        max={dates ? isoDate(dates[dates.length - 1]) : undefined}
        onChange={(e) => {
          const t = isoDateToUnix(e.target.value)
          if (t !== null) goToDate(t)
        }}
      />
      <button
        type="button"
        onClick={() => step(1)}
        disabled={!dates || d >= dates.length - 1}
        title="Next date (→)"
        data-testid="curves-next"
      >
        ▶
      </button>
      <input
        type="range"
        className="curves-slider"
        data-testid="curves-slider"
        min={0}
        max={dates ? dates.length - 1 : 0}
        value={d}
        onChange={(e) => setDateIndex(Number(e.target.value))}
      />
      <button type="button" className="primary" onClick={togglePlay} disabled={!dates} data-testid="curves-play" aria-pressed={playing}>
        {playing ? 'Pause' : 'Play'}
      </button>
      <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))} title="Dates per second" data-testid="curves-speed">
        {speeds.map((s) => (
          <option key={s} value={s}>
            {s}/s
          </option>
        ))}
      </select>
      <span className="curves-seg">
        <button type="button" aria-pressed={axis === 'tau'} onClick={() => setAxis('tau')} data-testid="axis-tau">
          τ days
        </button>
        <button type="button" aria-pressed={axis === 'tenor'} onClick={() => setAxis('tenor')} data-testid="axis-tenor">
          tenor #
        </button>
      </span>
      <label className="curves-check">
        <input type="checkbox" checked={showPrevious} onChange={(e) => setShowPrevious(e.target.checked)} /> previous day
      </label>
    </div>
  )
}
