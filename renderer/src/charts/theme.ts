/** Chart colours and fonts, read from the app's CSS variables so charts match the dark theme. */
export interface ChartTheme {
  background: string
  text: string
  muted: string
  grid: string
  border: string
  up: string
  down: string
  accent: string
  fontFamily: string
  /** Overlay line colours, in order (mid, upper, lower / several overlays). */
  overlay: string[]
}

const fallback: ChartTheme = {
  background: '#161a21',
  text: '#d7dce3',
  muted: '#8a93a0',
  grid: '#1f242c',
  border: '#2a303a',
  up: '#26a69a',
  down: '#ef5350',
  accent: '#4f9dff',
  fontFamily: 'ui-monospace, Menlo, Consolas, monospace',
  overlay: ['#f5b942', '#9c7cff', '#9c7cff', '#4fc3f7'],
}

/** The current theme from CSS variables on :root (falls back to the built-in dark palette). */
export function readChartTheme(root: Element = document.documentElement): ChartTheme {
  const css = getComputedStyle(root)
  const v = (name: string, dflt: string) => css.getPropertyValue(name).trim() || dflt
  return {
    ...fallback,
    background: v('--panel', fallback.background),
    text: v('--text', fallback.text),
    muted: v('--muted', fallback.muted),
    border: v('--border', fallback.border),
    up: v('--up', fallback.up),
    down: v('--down', fallback.down),
    accent: v('--accent', fallback.accent),
    fontFamily: v('--mono', fallback.fontFamily),
  }
}

/** `#rrggbb` + alpha → `rgba(...)` (lightweight-charts takes any CSS colour). */
export function withAlpha(color: string, alpha: number): string {
  const m = /^#([0-9a-f]{6})$/i.exec(color.trim())
  if (!m) return color
  const n = parseInt(m[1], 16)
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`
}
