/** Parquet schema elements for the export's typed columns. */
import type { SchemaElement } from 'hyparquet'
import type { ExportColumn } from '../types'

export function leafElement(column: ExportColumn): SchemaElement {
  const repetition_type = column.nullable === false ? 'REQUIRED' : 'OPTIONAL'
  const name = column.name
  switch (column.type) {
    case 'string':
      return { name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type }
    case 'int':
      return { name, type: 'INT64', repetition_type }
    case 'float':
      return { name, type: 'DOUBLE', repetition_type }
    case 'bool':
      return { name, type: 'BOOLEAN', repetition_type }
    case 'date':
      return { name, type: 'INT32', converted_type: 'DATE', repetition_type }
    case 'timestamp':
      return {
        name,
        type: 'INT64',
        converted_type: 'TIMESTAMP_MILLIS',
        logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MILLIS' },
        repetition_type,
      }
  }
}

export function fileSchema(columns: ExportColumn[]): SchemaElement[] {
  return [{ name: 'root', num_children: columns.length }, ...columns.map(leafElement)]
}
