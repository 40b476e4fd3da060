/**
 * The values of an alpha run in long format (date, symbol, alpha, value), alpha by alpha,
 * date by date; missing values left out. Read from the run file a few dates at a time, as
 * dictionary columns: the dates, symbols and alpha keys are a few hundred distinct strings
 * repeated 57 million times on the sample's 101 alphas.
 */
import { RunReader, readRunMeta } from '../../alphas/run-file'
import type { Batch, ExportColumn } from '../types'
import { isoDay } from '../cells'

export const alphaLongColumns: ExportColumn[] = [
  // The date stays text (YYYY-MM-DD) as `alphas --out` always wrote it.
  { name: 'date', type: 'string', nullable: false },
  { name: 'symbol', type: 'string', nullable: false },
  { name: 'alpha', type: 'string', nullable: false },
  { name: 'value', type: 'float', nullable: false },
]

/** Values per batch (about a millisecond or two of encoding each). */
const batchValues = 32_768

export function* alphaLongBatches(runsDir: string, runId: string, alphaKeys?: readonly string[]): Generator<Batch> {
  const run = new RunReader(runsDir, readRunMeta(runsDir, runId))
  try {
    const { n, t } = run
    const symbols = run.meta.instruments.map((x) => x.symbol)
    const dates = run.meta.dates.map(isoDay)
    const wanted = alphaKeys ? new Set(alphaKeys) : null
    const columns = run.meta.alphas.filter((c) => c.offset !== null && (!wanted || wanted.has(c.key)))
    const keys = columns.map((c) => c.key)
    const datesPerRead = Math.max(1, Math.floor(batchValues / Math.max(1, n)))
    const buf = new Float64Array(datesPerRead * n)
    for (let a = 0; a < columns.length; a++) {
      for (let d0 = 0; d0 < t; d0 += datesPerRead) {
        const count = Math.min(datesPerRead, t - d0)
        run.rows(columns[a].offset!, d0, count, buf)
        const dateCodes = new Int32Array(count * n)
        const symbolCodes = new Int32Array(count * n)
        const values = new Float64Array(count * n)
        let k = 0
        for (let d = 0; d < count; d++) {
          const base = d * n
          for (let i = 0; i < n; i++) {
            const v = buf[base + i]
            if (v - v !== 0) continue // NaN or infinite: missing
            dateCodes[k] = d0 + d
            symbolCodes[k] = i
            values[k++] = v
          }
        }
        if (!k) continue
        yield {
          length: k,
          group: keys[a],
          columns: [
            { kind: 'dict', dict: dates, codes: dateCodes.subarray(0, k) },
            { kind: 'dict', dict: symbols, codes: symbolCodes.subarray(0, k) },
            { kind: 'dict', dict: keys, codes: new Int32Array(k).fill(a) },
            values.subarray(0, k),
          ],
        }
      }
    }
  } finally {
    run.close()
  }
}
