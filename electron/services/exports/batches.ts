/** Sources of batches from plain data: records (objects keyed by column name) in chunks. */
import type { Batch, ExportColumn } from './types'

export const defaultBatchRows = 16_384

/** Records → column-wise batches of `size` rows. Works for sync and async iterables. */
export async function* batchesFromRecords(
  columns: ExportColumn[],
  records: AsyncIterable<Record<string, unknown>> | Iterable<Record<string, unknown>>,
  size = defaultBatchRows,
): AsyncGenerator<Batch> {
  let cols: unknown[][] = columns.map(() => [])
  let n = 0
  for await (const r of records) {
    for (let j = 0; j < columns.length; j++) cols[j].push(r[columns[j].name])
    if (++n === size) {
      yield { length: n, columns: cols }
      cols = columns.map(() => [])
      n = 0
    }
  }
  if (n) yield { length: n, columns: cols }
}

/** Rows as arrays (values in column order) → batches. */
export function* batchesFromRows(columns: ExportColumn[], rows: readonly unknown[][], size = defaultBatchRows): Generator<Batch> {
  for (let s = 0; s < rows.length; s += size) {
    const slice = rows.slice(s, s + size)
    yield { length: slice.length, columns: columns.map((_, j) => slice.map((r) => r[j])) }
  }
}
