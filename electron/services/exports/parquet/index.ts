/** The Parquet format writer: batches gathered into row groups, each written and flushed before the next. */
import type { FileSink } from '../sink'
import { type Batch, type ColumnData, type ExportColumn, type FormatWriter, isDict } from '../types'
import { ParquetFile } from './file'
import { physicalColumn } from './physical'
import { fileSchema } from './schema'

/** Rows per row group: about 4M values (a wide table gets fewer rows), at most 256K rows. */
export const defaultRowGroupRows = (columns: number) => Math.max(16_384, Math.min(1 << 18, Math.floor((1 << 22) / Math.max(1, columns))))

export function parquetWriter(sink: FileSink, columns: ExportColumn[], rowGroupRows = defaultRowGroupRows(columns.length)): FormatWriter {
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
      // Fill the current row group exactly; a batch larger than what is left is split.
      for (let start = 0; start < batch.length; ) {
        const take = Math.min(batch.length - start, rowGroupRows - rows)
        const part = take === batch.length ? batch : sliceBatch(batch, start, start + take)
        part.columns.forEach((c, j) => parts[j].push(c))
        rows += take
        start += take
        if (rows >= rowGroupRows) await flush()
      }
    },
    async finish() {
      await flush()
      await file.finish()
    },
    async abort() {},
  }
}

function sliceBatch(batch: Batch, start: number, end: number): Batch {
  return {
    length: end - start,
    group: batch.group,
    columns: batch.columns.map((c): ColumnData => {
      if (isDict(c)) return { kind: 'dict', dict: c.dict, codes: c.codes.subarray(start, end) }
      const a = c as ArrayLike<unknown> & {
        subarray?: (s: number, e: number) => ArrayLike<unknown>
        slice?: (s: number, e: number) => ArrayLike<unknown>
      }
      return a.subarray ? a.subarray(start, end) : a.slice ? a.slice(start, end) : Array.prototype.slice.call(a, start, end)
    }),
  }
}
