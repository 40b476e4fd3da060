/** Display formatting shared by every screen. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—'
  const s = Math.ceil(ms / 1000)
  if (s < 60) return `${s}s`
  const m = Math.floor(s / 60)
  return m < 60 ? `${m}m ${String(s % 60).padStart(2, '0')}s` : `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`
}

const dateFmt = new Intl.DateTimeFormat('en-CA', { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' })
const dateTimeFmt = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'UTC',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
})

/** Bar times are exchange wall-clock stored as UTC: format them in UTC. */
export function formatDate(unixSeconds: number | null | undefined): string {
  return unixSeconds === null || unixSeconds === undefined ? '—' : dateFmt.format(unixSeconds * 1000)
}
export function formatDateTime(unixSeconds: number): string {
  return dateTimeFmt.format(unixSeconds * 1000).replace(',', '')
}

/** A real minus sign (U+2212): it lines up with "+" and reads as minus, not as a hyphen. */
const minus = (s: string) => s.replace('-', '−')

/** Fixed decimals without grouping (correlations, t-stats, IC, chart read-outs): "0.42", "−1.07". */
export function formatFixed(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : minus(value.toFixed(digits))
}

/** 4 significant digits; an exponent for tiny or huge magnitudes (alpha values of any scale). */
export function formatSignificant(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  if (value === 0) return '0'
  const a = Math.abs(value)
  if (a >= 1e6 || a < 1e-4) return minus(value.toExponential(2))
  return minus(a >= 1000 ? value.toFixed(0) : value.toPrecision(4))
}

/** A return in basis points, two decimals below 10 bp: "3.25 bp", "−14.1 bp" (`unit` false: the number only). */
export function formatBasisPoints(value: number | null | undefined, unit = true): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  const bp = value * 1e4
  const s = formatFixed(bp, Math.abs(bp) < 10 ? 2 : 1)
  return unit ? `${s} bp` : s
}

export function formatNumber(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—'
  return value.toLocaleString('en-US')
}

export function formatPercent(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : `${(value * 100).toFixed(digits)}%`
}

/** A signed percentage, e.g. "+12.3%" / "−4.0%" (a real minus sign). */
export function formatSignedPercent(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  const s = (Math.abs(value) * 100).toFixed(digits)
  return value > 0 ? `+${s}%` : value < 0 ? `−${s}%` : `${s}%`
}

/** Large counts in a short form: 1.2K, 34.5M, 1.1B. */
export function formatCompact(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  const abs = Math.abs(value)
  if (abs >= 1e9) return `${(value / 1e9).toFixed(2)}B`
  if (abs >= 1e6) return `${(value / 1e6).toFixed(2)}M`
  if (abs >= 1e4) return `${(value / 1e3).toFixed(1)}K`
  return value.toLocaleString('en-US', { maximumFractionDigits: 0 })
}

/** File sizes: 512 B, 4.2 KB, 31.0 MB. */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '—'
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`
}

/** Engine timings: "0.31 ms", "12.4 ms", "1.20 s". */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—'
  if (ms < 1) return `${ms.toFixed(2)} ms`
  if (ms < 1000) return `${ms.toFixed(1)} ms`
  return `${(ms / 1000).toFixed(2)} s`
}

/** The minus sign every number on screen uses (U+2212, not a hyphen). */
export const MINUS = '\u2212'

/**
 * A number to `sig` significant digits without trailing zeros and with a real minus sign:
 * 0.0412, −1.3, 12.35, 1,234 (large values keep their integer digits). The one way analysis
 * numbers are shown (leaderboard, tear sheet statistics).
 */
export function formatSig(value: number | null | undefined, sig = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  if (value === 0) return '0'
  const abs = Math.abs(value)
  const digits = abs >= 10 ** sig ? 0 : Math.max(0, sig - 1 - Math.floor(Math.log10(abs)))
  const text = abs.toLocaleString('en-US', { maximumFractionDigits: Math.min(20, digits), useGrouping: abs >= 1e4 })
  if (text === '0') return '0'
  return value < 0 ? `${MINUS}${text}` : text
}

/** A share as a percentage with `sig` significant digits (no trailing zeros); `signed` adds + to gains. */
export function formatPct(value: number | null | undefined, sig = 3, signed = false): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  const s = formatSig(value * 100, sig)
  return `${signed && value > 0 ? '+' : ''}${s}%`
}
