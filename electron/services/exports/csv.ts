/**
 * CSV (RFC 4180 quoting, "\n" line ends, a header line). Missing values are empty fields;
 * floats in shortest round-trip form (reading the text back gives the same double). Rows are
 * encoded straight into byte chunks (bytes.ts) by a loop specialised to the columns (csv-rows.ts).
 */
import { ByteOut } from './bytes'
import { textOf } from './cells'
import { type CellKind, maxDictEntry, rowLoop } from './csv-rows'
import type { FileSink } from './sink'
import { type Batch, type ColumnData, type ExportColumn, type FormatWriter, isDict } from './types'

const needsQuotes = /[",\r\n]/

export const csvField = (s: string): string => (needsQuotes.test(s) ? `"${s.replace(/"/g, '""')}"` : s)

/** A dictionary's values escaped and encoded once, reused while batches share the dictionary. */
const encodedDicts = new WeakMap<readonly string[], Buffer[] | null>()
function encodedDict(dict: readonly string[]): Buffer[] | null {
  let out = encodedDicts.get(dict)
  if (out === undefined) {
    out = dict.map((s) => Buffer.from(csvField(s), 'utf8'))
    if (out.some((b) => b.length > maxDictEntry)) out = null // long values go the text way
    encodedDicts.set(dict, out)
  }
  return out
}

function cellOf(column: ExportColumn, data: ColumnData): { kind: CellKind; refs: unknown[] } {
  if (isDict(data)) {
    const encoded = encodedDict(data.dict)
    if (encoded) return { kind: 'dict', refs: [encoded, data.codes] }
    const { dict, codes } = data
    return { kind: 'text', refs: [(k: number) => csvField(dict[codes[k]]), null] }
  }
  if (column.type === 'float' || column.type === 'int') return { kind: 'number', refs: [data, null] }
  return {
    kind: 'text',
    refs: [
      (k: number) => {
        const t = textOf(column.type, data[k])
        return t === null ? '' : csvField(t)
      },
      null,
    ],
  }
}

export function csvWriter(sink: FileSink, columns: ExportColumn[]): FormatWriter {
  const out = new ByteOut(sink)
  let headerDone = false
  const header = async () => {
    const line = `${columns.map((c) => csvField(c.name)).join(',')}\n`
    await out.ensure(3 * line.length)
    out.utf8(line)
    headerDone = true
  }
  return {
    async write(batch: Batch) {
      if (!headerDone) await header()
      const cells = batch.columns.map((data, j) => cellOf(columns[j], data))
      const loop = rowLoop(cells.map((c) => c.kind))
      const refs = cells.flatMap((c) => c.refs)
      let k = 0
      while (k < batch.length) {
        const next = loop(out, k, batch.length, refs)
        if (next === k) {
          // The buffer is full, or this one row is larger than a chunk: make room for it.
          const texts = cells.filter((c) => c.kind === 'text').map((c) => (c.refs[0] as (k: number) => string)(k))
          await out.ensure(texts.reduce((n, s) => n + 3 * s.length + 8, 0) + cells.length * (maxDictEntry + 33) + 1)
        }
        k = next
      }
    },
    async finish() {
      if (!headerDone) await header()
      await out.flush()
    },
    async abort() {},
  }
}
