import type { RangePreset } from './candles'

interface Props {
  presets: readonly RangePreset[]
  /** The highlighted preset; null once the user zooms or pans by hand. */
  active: RangePreset | null
  onPick: (preset: RangePreset) => void
  disabled: boolean
  /** Each button's test id is this plus the preset, e.g. `range-1Y`. */
  testIdPrefix: string
}

/** The visible-range presets above a price chart. */
export function RangeButtons({ presets, active, onPick, disabled, testIdPrefix }: Props) {
  return (
    <div className="btn-group" role="group" aria-label="Visible range">
      {presets.map((p) => (
        <button
          key={p}
          className={active === p ? 'active' : ''}
          onClick={() => onPick(p)}
          disabled={disabled}
          data-testid={`${testIdPrefix}${p}`}
        >
          {p}
        </button>
      ))}
    </div>
  )
}
