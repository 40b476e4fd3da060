// The long-format writers as they were before the export service (commit f36027c), kept only as the benchmark baseline.
/**
 * Long-format exports of a run (date,symbol,alpha,value): CSV, or Parquet through
 * hyparquet-writer. Missing values are left out. Both write to a temporary name and
 * rename, so a failed export never leaves half a file behind.
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { AppError } from '../../electron/contract'
import { withRun } from '../../electron/services/alphas/run-file'

type Visit = (date: string, symbol: string, alpha: string, value: number) => void

const dayLabel = (ts: number) => new Date(ts * 1000).toISOString().slice(0, 10)

/** Every (date, symbol, alpha) with a value, alpha by alpha, date by date. Strings are shared, not copied. */
function forEachValue(runsDir: string, runId: string, visit: Visit): void {
  withRun(runsDir, runId, (run) => {
    const { n, t } = run
    const symbols = run.meta.instruments.map((x) => x.symbol)
    const labels = run.meta.dates.map(dayLabel)
    for (const column of run.meta.alphas) {
      if (column.offset === null) continue
      const values = run.alpha(column.key)
      for (let d = 0; d < t; d++) {
        for (let i = 0; i < n; i++) {
          const v = values[d * n + i]
          if (Number.isFinite(v)) visit(labels[d], symbols[i], column.key, v)
        }
      }
    }
  })
}

function atomically(out: string, write: (tmp: string) => void): void {
  const tmp = `${out}.${process.pid}.tmp`
  try {
    write(tmp)
    renameSync(tmp, out)
  } finally {
    rmSync(tmp, { force: true })
  }
}

const csvField = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)

export function writeLongCsv(runsDir: string, runId: string, out: string): number {
  let rows = 0
  atomically(out, (tmp) => {
    const fd = openSync(tmp, 'w')
    try {
      let buf = 'date,symbol,alpha,value\n'
      forEachValue(runsDir, runId, (date, symbol, alpha, value) => {
        buf += `${date},${csvField(symbol)},${alpha},${value}\n`
        rows++
        if (buf.length > 1 << 20) {
          writeSync(fd, buf)
          buf = ''
        }
      })
      writeSync(fd, buf)
    } finally {
      closeSync(fd)
    }
  })
  return rows
}

/** Parquet is written whole from memory (about 32 bytes a row here): refuse what would not fit comfortably. */
export const maxParquetRows = 30_000_000

export async function writeLongParquet(runsDir: string, runId: string, out: string): Promise<number> {
  const dates: string[] = []
  const symbols: string[] = []
  const alphas: string[] = []
  const values: number[] = []
  forEachValue(runsDir, runId, (date, symbol, alpha, value) => {
    if (values.length >= maxParquetRows) {
      throw new AppError(
        'VALIDATION',
        `more than ${maxParquetRows.toLocaleString('en-US')} values: too many for a Parquet file written in one piece; choose fewer alphas or dates, or write CSV`,
      )
    }
    dates.push(date)
    symbols.push(symbol)
    alphas.push(alpha)
    values.push(value)
  })
  const { parquetWriteFile } = await import('hyparquet-writer')
  atomically(out, (tmp) =>
    parquetWriteFile({
      filename: tmp,
      createdBy: 'alphadesk',
      columnData: [
        { name: 'date', data: dates, type: 'STRING', nullable: false },
        { name: 'symbol', data: symbols, type: 'STRING', nullable: false },
        { name: 'alpha', data: alphas, type: 'STRING', nullable: false },
        { name: 'value', data: Float64Array.from(values), type: 'DOUBLE', nullable: false },
      ],
    }),
  )
  return values.length
}
