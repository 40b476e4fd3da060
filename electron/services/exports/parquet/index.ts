/** The Parquet format writer: batches gathered into row groups, each written and flushed before the next. */
import type { FileSink } from '../sink'
import type { Batch, ColumnData, ExportColumn, FormatWriter } from '../types'
import { ParquetFile } from './file'
import { physicalColumn } from './physical'
import { fileSchema } from './schema'

export const defaultRowGroupRows = 1 << 20

export function parquetWriter(sink: FileSink, columns: ExportColumn[], rowGroupRows = defaultRowGroupRows): FormatWriter {
  const file = new ParquetFile(sink, fileSchema(columns))
  let parts: ColumnData[][] = columns.map(() => [])
  let rows = 0

  const flush = async () => {
    if (!rows) return
    const physical = columns.map((c, j) => physicalColumn(c, parts[j], rows))
    parts = columns.map(() => [])
    const n = rows
    rows = 0
    await file.writeRowGroup(physical, n)
  }

  return {
    async write(batch: Batch) {
      if (rows && rows + batch.length > rowGroupRows) await flush()
      batch.columns.forEach((c, j) => parts[j].push(c))
      rows += batch.length
      if (rows >= rowGroupRows) await flush()
    },
    async finish() {
      await flush()
      await file.finish()
    },
    async abort() {},
  }
}
