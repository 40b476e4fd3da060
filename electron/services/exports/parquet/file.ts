/**
 * A Parquet file written one row group at a time with hyparquet-writer's lower-level pieces
 * (column chunk encoder, page writers, footer), so there is no size limit: only one row
 * group is in memory, and its bytes go to the sink before the next is encoded.
 *
 * Dictionary columns (codes into a list of distinct strings, see DictColumn) are written
 * here directly as a dictionary page plus RLE/bit-packed index pages: the codes are already
 * the indexes, so no per-value hashing is needed (hyparquet-writer's generic path builds a
 * Map over every value, the slowest step of a 57M-row long-format export).
 */
import type { ColumnChunk, CompressionCodec, FileMetaData, RowGroup, SchemaElement } from 'hyparquet'
import { ByteWriter } from 'hyparquet-writer'
import { writeColumn } from 'hyparquet-writer/src/column.js'
import { writeDataPageV2 } from 'hyparquet-writer/src/datapage.js'
import { writeDictionaryPage } from 'hyparquet-writer/src/dictionary.js'
import { writeIndexes } from 'hyparquet-writer/src/indexes.js'
import { writeMetadata } from 'hyparquet-writer/src/metadata.js'
import { snappyCompress } from 'hyparquet-writer/src/snappy.js'
import { unconvert } from 'hyparquet-writer/src/unconvert.js'
import type { ColumnEncoder, PageIndexes } from 'hyparquet-writer/src/types.js'
import type { FileSink } from '../sink'
import type { Physical } from './physical'

const MAGIC = 0x31524150 // "PAR1"
/** Index values per data page of a dictionary column. */
const dictPageRows = 1 << 18

export class ParquetFile {
  private readonly writer = new ByteWriter(8 << 20)
  private readonly rowGroups: RowGroup[] = []
  private readonly indexes: PageIndexes[] = []
  private numRows = 0n

  constructor(
    private readonly sink: FileSink,
    private readonly schema: SchemaElement[],
    private readonly createdBy = 'alphadesk',
  ) {
    this.writer.appendUint32(MAGIC)
  }

  /** Encodes one row group (columns in schema order) and hands its bytes to the sink. */
  async writeRowGroup(columns: Physical[], rows: number): Promise<void> {
    const start = this.writer.offset
    const chunks: ColumnChunk[] = []
    for (let j = 0; j < columns.length; j++) {
      const element = this.schema[j + 1]
      const encoder = this.encoder(element)
      const data = columns[j]
      if (data.kind === 'dict') {
        chunks.push(this.writeDictColumn(encoder, data.dict, data.codes))
      } else {
        const optional = element.repetition_type === 'OPTIONAL'
        const definitionLevels: number[] = optional ? Array.from(data.values as ArrayLike<unknown>, (v) => (v === null ? 0 : 1)) : []
        const result = writeColumn({
          writer: this.writer,
          column: encoder,
          pageData: { values: data.values as never, definitionLevels, repetitionLevels: [], maxDefinitionLevel: optional ? 1 : 0 },
        })
        chunks.push(result.chunk)
        this.indexes.push(result)
      }
      await this.drain()
    }
    let totalBytes = 0n
    for (const c of chunks) totalBytes += c.meta_data?.total_uncompressed_size ?? 0n
    this.rowGroups.push({
      columns: chunks,
      total_byte_size: totalBytes,
      num_rows: BigInt(rows),
      total_compressed_size: BigInt(this.writer.offset - start),
    })
    this.numRows += BigInt(rows)
  }

  async finish(): Promise<void> {
    writeIndexes(this.writer, this.indexes)
    const metadata: FileMetaData = {
      version: 2,
      created_by: this.createdBy,
      schema: this.schema,
      num_rows: this.numRows,
      row_groups: this.rowGroups,
      metadata_length: 0,
    }
    delete (metadata as Partial<FileMetaData>).metadata_length // computed by the writer, not serialised
    writeMetadata(this.writer, metadata)
    this.writer.appendUint32(MAGIC)
    await this.drain()
  }

  /** Moves what was encoded so far to the sink (a copy: the buffer is reused). */
  private async drain(): Promise<void> {
    if (!this.writer.index) return
    const bytes = new Uint8Array(this.writer.buffer, 0, this.writer.index).slice()
    this.writer.index = 0
    await this.sink.write(bytes)
    // A column chunk is encoded in one go: let the event loop breathe between chunks.
    await new Promise<void>((resolve) => setImmediate(resolve))
  }

  private encoder(element: SchemaElement): ColumnEncoder {
    // Doubles of real data hardly compress; snappy in JS would only cost time.
    const codec: CompressionCodec = element.type === 'DOUBLE' ? 'UNCOMPRESSED' : 'SNAPPY'
    return {
      columnName: element.name,
      element,
      schemaPath: [this.schema[0], element],
      codec,
      compressors: { SNAPPY: snappyCompress },
      // Min/max of every double costs a comparison per value through a generic path; readers rarely use them for floats.
      stats: element.type !== 'DOUBLE',
      pageSize: element.type === 'DOUBLE' || element.type === 'INT64' || element.type === 'INT32' ? 0 : 1 << 20,
      columnIndex: false,
      offsetIndex: true,
      // Trying a dictionary on a million doubles (hashing each) costs more than it saves.
      ...(element.type === 'DOUBLE' && { encoding: 'PLAIN' as const }),
    }
  }

  private writeDictColumn(column: ColumnEncoder, dict: string[], codes: Int32Array): ColumnChunk {
    const w = this.writer
    const offsetStart = w.offset
    const dictionaryPageOffset = BigInt(w.offset)
    let uncompressed = writeDictionaryPage(w, column, unconvert(column.element, dict))
    const dataPageOffset = BigInt(w.offset)
    const optional = column.element.repetition_type === 'OPTIONAL'
    let pages = 0
    for (let s = 0; s < codes.length || pages === 0; s += dictPageRows) {
      const values = codes.subarray(s, Math.min(codes.length, s + dictPageRows))
      const definitionLevels = optional ? new Array<number>(values.length).fill(1) : []
      uncompressed += writeDataPageV2({
        writer: w,
        column,
        encoding: 'RLE_DICTIONARY',
        pageData: { values, definitionLevels, repetitionLevels: [], maxDefinitionLevel: optional ? 1 : 0 },
      })
      pages++
    }
    return {
      meta_data: {
        type: 'BYTE_ARRAY',
        encodings: ['PLAIN', 'RLE_DICTIONARY'],
        path_in_schema: [column.element.name],
        codec: column.codec,
        num_values: BigInt(codes.length),
        total_compressed_size: BigInt(w.offset - offsetStart),
        total_uncompressed_size: BigInt(uncompressed),
        data_page_offset: dataPageOffset,
        dictionary_page_offset: dictionaryPageOffset,
      },
      file_offset: BigInt(offsetStart),
    }
  }
}
