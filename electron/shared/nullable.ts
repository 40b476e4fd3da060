/** Nullable numbers (JSON/IPC-friendly) to a Float64Array with NaN for missing values, and back. */
export function toFloat64(values: readonly (number | null)[]): Float64Array {
  const out = new Float64Array(values.length)
  for (let i = 0; i < values.length; i++) out[i] = values[i] ?? Number.NaN
  return out
}

export function toNullable(values: Float64Array): (number | null)[] {
  const out = new Array<number | null>(values.length)
  for (let i = 0; i < values.length; i++) out[i] = Number.isFinite(values[i]) ? values[i] : null
  return out
}

export function nullIfNaN(value: number): number | null {
  return Number.isFinite(value) ? value : null
}
