/**
 * JSON (one array of objects) and NDJSON (one object a line). Dates as "YYYY-MM-DD",
 * timestamps as ISO-8601 strings, missing values and non-finite numbers as null. Each column
 * gets its encoder once per batch (dictionary values are encoded once per dictionary).
 */
import { isMissing, textOf } from './cells'
import type { FileSink } from './sink'
import { type Batch, type ColumnData, type ExportColumn, type FormatWriter, isDict } from './types'

type Encode = (k: number) => string

const encodedDicts = new WeakMap<readonly string[], string[]>()

function encoderOf(column: ExportColumn, data: ColumnData): Encode {
  if (isDict(data)) {
    let dict = encodedDicts.get(data.dict)
    if (!dict) {
      dict = data.dict.map((s) => JSON.stringify(s))
      encodedDicts.set(data.dict, dict)
    }
    const d = dict
    const codes = data.codes
    return (k) => d[codes[k]]
  }
  switch (column.type) {
    case 'int':
    case 'float':
      return (k) => {
        const v = data[k] as number
        return v !== null && v - v === 0 ? `${v}` : 'null'
      }
    case 'string':
      return (k) => {
        const v = data[k]
        return v === null || v === undefined ? 'null' : JSON.stringify(String(v))
      }
    case 'bool':
      return (k) => {
        const v = data[k]
        return isMissing(v) ? 'null' : v ? 'true' : 'false'
      }
    default:
      return (k) => {
        const t = textOf(column.type, data[k])
        return t === null ? 'null' : `"${t}"` // ISO dates and times need no escaping
      }
  }
}

export function jsonWriter(sink: FileSink, columns: ExportColumn[], lines: boolean): FormatWriter {
  const keys = columns.map((c, j) => `${j ? ',' : '{'}${JSON.stringify(c.name)}:`)
  let first = true
  return {
    async write(batch: Batch) {
      const enc = batch.columns.map((data, j) => encoderOf(columns[j], data))
      const m = enc.length
      let s = ''
      for (let k = 0; k < batch.length; k++) {
        let row = lines ? '' : first ? '[\n' : ',\n'
        first = false
        for (let j = 0; j < m; j++) row += keys[j] + enc[j](k)
        s += lines ? `${row}}\n` : `${row}}`
      }
      await sink.write(s)
    },
    async finish() {
      if (!lines) await sink.write(first ? '[]\n' : '\n]\n')
    },
    async abort() {},
  }
}
