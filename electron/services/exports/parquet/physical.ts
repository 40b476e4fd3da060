/**
 * Batch columns (possibly several batches of one row group) to the physical values a Parquet
 * column chunk holds: typed arrays where no value is missing, arrays with nulls otherwise.
 * Dictionary columns stay codes (merged into one dictionary when batches bring their own).
 */
import { isMissing, valueAt } from '../cells'
import { type ColumnData, type DictColumn, type ExportColumn, isDict } from '../types'

export type Physical = { kind: 'values'; values: ArrayLike<unknown> } | { kind: 'dict'; dict: string[]; codes: Int32Array }

/** Concatenates one column's slices (one per batch) into its row-group values. */
export function physicalColumn(column: ExportColumn, parts: ColumnData[], rows: number): Physical {
  if (parts.length && parts.every(isDict) && column.type === 'string') return mergeDicts(parts as DictColumn[], rows)
  const nullable = column.nullable !== false
  if (column.type === 'float' && !nullable && parts.every((p) => p instanceof Float64Array)) {
    // Already the physical values (the long-format alpha export's 57M values): copy, no per-value calls.
    const out = new Float64Array(rows)
    let at = 0
    for (const p of parts as Float64Array[]) {
      out.set(p, at)
      at += p.length
    }
    return { kind: 'values', values: out }
  }
  const out: unknown[] | Float64Array | Int32Array | BigInt64Array = nullable
    ? new Array(rows)
    : column.type === 'float'
      ? new Float64Array(rows)
      : column.type === 'date'
        ? new Int32Array(rows)
        : column.type === 'int'
          ? new BigInt64Array(rows)
          : new Array(rows)
  let at = 0
  for (const part of parts) {
    const n = partLength(part)
    for (let k = 0; k < n; k++) {
      const v = valueAt(part, k)
      ;(out as unknown[])[at++] = physicalValue(column, v, nullable)
    }
  }
  return { kind: 'values', values: out }
}

function physicalValue(column: ExportColumn, v: unknown, nullable: boolean): unknown {
  if (isMissing(v)) {
    if (nullable) return null
    if (column.type === 'float') return Number.NaN
    throw new Error(`column ${column.name} is not nullable but a value is missing`)
  }
  switch (column.type) {
    case 'int':
      return BigInt(Math.trunc(Number(v)))
    case 'float':
      return Number(v)
    case 'bool':
      return Boolean(v)
    case 'date':
      return Math.floor(Number(v) / 86_400)
    case 'timestamp':
      return Math.round(Number(v) * 1000)
    default:
      return String(v)
  }
}

const partLength = (part: ColumnData): number => (isDict(part) ? part.codes.length : part.length)

function mergeDicts(parts: DictColumn[], rows: number): Physical {
  const codes = new Int32Array(rows)
  const first = parts[0].dict
  if (parts.every((p) => p.dict === first)) {
    let at = 0
    for (const p of parts) {
      codes.set(p.codes, at)
      at += p.codes.length
    }
    return { kind: 'dict', dict: first as string[], codes }
  }
  const dict: string[] = []
  const index = new Map<string, number>()
  let at = 0
  for (const p of parts) {
    const remap = p.dict.map((s) => {
      let c = index.get(s)
      if (c === undefined) {
        c = dict.length
        dict.push(s)
        index.set(s, c)
      }
      return c
    })
    for (let k = 0; k < p.codes.length; k++) codes[at++] = remap[p.codes[k]]
  }
  return { kind: 'dict', dict, codes }
}
