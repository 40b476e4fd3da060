/**
 * JSON (one array of objects) and NDJSON (one object a line). Dates as "YYYY-MM-DD",
 * timestamps as ISO-8601 strings, missing values and non-finite numbers as null.
 */
import { isMissing, textOf, valueAt } from './cells'
import type { FileSink } from './sink'
import type { Batch, ColumnData, ExportColumn, FormatWriter } from './types'

function jsonValue(column: ExportColumn, data: ColumnData, k: number): string {
  const v = valueAt(data, k)
  if (isMissing(v)) return 'null'
  switch (column.type) {
    case 'int':
    case 'float':
      return Number.isFinite(v as number) ? String(v) : 'null'
    case 'bool':
      return v ? 'true' : 'false'
    default:
      return JSON.stringify(textOf(column.type, v))
  }
}

export function jsonWriter(sink: FileSink, columns: ExportColumn[], lines: boolean): FormatWriter {
  const keys = columns.map((c) => `${JSON.stringify(c.name)}:`)
  let first = true
  return {
    async write(batch: Batch) {
      let s = ''
      for (let k = 0; k < batch.length; k++) {
        let row = '{'
        for (let j = 0; j < columns.length; j++) row += `${j ? ',' : ''}${keys[j]}${jsonValue(columns[j], batch.columns[j], k)}`
        row += '}'
        if (lines) s += `${row}\n`
        else {
          s += `${first ? '[\n' : ',\n'}${row}`
          first = false
        }
      }
      await sink.write(s)
    },
    async finish() {
      if (!lines) await sink.write(first ? '[]\n' : '\n]\n')
    },
    async abort() {},
  }
}
