import { withRun } from '/work/wt/book/electron/services/alphas/run-file'
import { openSync, writeSync, closeSync } from 'node:fs'
import { ParquetWriter, ByteWriter } from 'hyparquet-writer'
async function main() {
const t0 = performance.now()
let rows = 0
const fd = openSync('/tmp/bookdev/p.parquet', 'w')
const w = new ByteWriter(16 << 20)
;(w as any).flush = () => { writeSync(fd, new Uint8Array(w.buffer, 0, w.index)); w.index = 0 }
const pw = new ParquetWriter({ writer: w, schema: [
 { name: 'root', num_children: 4 },
 { name: 'date', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
 { name: 'symbol', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
 { name: 'alpha', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
 { name: 'value', type: 'DOUBLE', repetition_type: 'REQUIRED' },
], createdBy: 'alphadesk', statistics: false })
let tEnc = 0
withRun('/tmp/bookdev/runs', 'all101', (run) => {
  const { n, t } = run
  const syms = run.meta.instruments.map((x) => x.symbol)
  const labels = run.meta.dates.map((ts) => new Date(ts * 1000).toISOString().slice(0, 10))
  for (const column of run.meta.alphas) {
    if (column.offset === null) continue
    const values = run.alpha(column.key)
    const D: string[] = [], S: string[] = [], A: string[] = []
    const V = new Float64Array(t * n)
    let k = 0
    for (let d = 0; d < t; d++) for (let i = 0; i < n; i++) { const v = values[d*n+i]; if (v - v === 0) { D.push(labels[d]); S.push(syms[i]); A.push(column.key); V[k++] = v } }
    rows += k
    const e = performance.now()
    pw.write({ columnData: [
      { name: 'date', data: D, encoding: 'RLE_DICTIONARY' }, { name: 'symbol', data: S, encoding: 'RLE_DICTIONARY' }, { name: 'alpha', data: A, encoding: 'RLE_DICTIONARY' },
      { name: 'value', data: V.subarray(0, k), codec: process.argv[2] === 'u' ? 'UNCOMPRESSED' : 'SNAPPY' } ], rowGroupSize: 1 << 30 })
    tEnc += performance.now() - e
  }
})
pw.finish(); closeSync(fd)
console.log(rows, performance.now() - t0, 'enc', tEnc)
}
main()
