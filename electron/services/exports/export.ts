/**
 * The one way the app writes a table to a file: any source of batches, any format, under a
 * temporary name renamed when complete, with progress and cancel, yielding to the event loop
 * between batches so the main process stays responsive while a million rows are written.
 */
import { stat } from 'node:fs/promises'
import { AppError } from '../../contract'
import { writeAtomically } from './atomic'
import { csvWriter } from './csv'
import { jsonWriter } from './json'
import { parquetWriter } from './parquet'
import { FileSink } from './sink'
import type { ExportOptions, ExportResult, FormatWriter } from './types'
import { xlsxWriter } from './xlsx/index'

/** Longest stretch of synchronous work between two turns of the event loop. */
const sliceMs = 12

export async function exportTable(options: ExportOptions): Promise<ExportResult> {
  const started = performance.now()
  const { format, out, columns, source, signal, onProgress, total } = options
  if (!columns.length) throw new AppError('VALIDATION', 'nothing to export: no columns chosen')
  const rows = await writeAtomically(out, async (tmp) => {
    const sink = await FileSink.open(tmp)
    let writer: FormatWriter
    switch (format) {
      case 'csv':
        writer = csvWriter(sink, columns)
        break
      case 'json':
      case 'ndjson':
        writer = jsonWriter(sink, columns, format === 'ndjson')
        break
      case 'parquet':
        writer = parquetWriter(sink, columns, options.rowGroupRows)
        break
      case 'xlsx':
        writer = xlsxWriter(sink, columns, { sheetName: options.sheetName, sheetPerGroup: options.sheetPerGroup })
        break
      default:
        throw new AppError('VALIDATION', `unknown export format '${String(format)}' (csv, json, ndjson, xlsx, parquet)`)
    }
    let done = 0
    let lastYield = performance.now()
    let lastProgress = 0
    try {
      for await (const batch of source) {
        if (signal?.aborted) throw cancelled()
        if (batch.columns.length !== columns.length) {
          throw new AppError('INTERNAL', `export: a batch has ${batch.columns.length} columns, expected ${columns.length}`)
        }
        await writer.write(batch)
        done += batch.length
        const now = performance.now()
        if (onProgress && now - lastProgress > 100) {
          lastProgress = now
          onProgress({ rows: done, total })
        }
        if (now - lastYield > sliceMs) {
          await new Promise<void>((resolve) => setImmediate(resolve))
          lastYield = performance.now()
        }
      }
      if (signal?.aborted) throw cancelled()
      await writer.finish()
      await sink.close()
    } catch (err) {
      await writer.abort().catch(() => {})
      await sink.discard()
      throw err
    }
    onProgress?.({ rows: done, total })
    return done
  })
  const { size } = await stat(out)
  return { out, format, rows, bytes: size, ms: performance.now() - started }
}

const cancelled = () => new AppError('JOB_CANCELLED', 'export cancelled')
