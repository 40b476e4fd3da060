/**
 * Long-format exports of a run (date,symbol,alpha,value), missing values left out: the
 * export service writes them (streamed, temp name then rename; Parquet in row groups, so
 * there is no size limit).
 */
import { alphaLongBatches, alphaLongColumns, type ExportFormat, exportTable } from '../services/exports'

export async function writeLongExport(runsDir: string, runId: string, out: string, format: ExportFormat): Promise<number> {
  const { rows } = await exportTable({
    format,
    out,
    columns: alphaLongColumns,
    source: alphaLongBatches(runsDir, runId),
    sheetPerGroup: true,
  })
  return rows
}

export const writeLongCsv = (runsDir: string, runId: string, out: string) => writeLongExport(runsDir, runId, out, 'csv')
export const writeLongParquet = (runsDir: string, runId: string, out: string) => writeLongExport(runsDir, runId, out, 'parquet')
