import { exportTable, alphaLongBatches, alphaLongColumns } from '../electron/services/exports'
async function main() {
  const format = process.argv[2] as 'csv'
  let maxLag = 0, last = performance.now()
  const iv = setInterval(() => { const now = performance.now(); maxLag = Math.max(maxLag, now - last - 10); last = now }, 10)
  const r = await exportTable({ format, out: `/tmp/bookdev/long.${format}`, columns: alphaLongColumns, source: alphaLongBatches('/tmp/bookdev/runs', 'all101') })
  clearInterval(iv)
  console.log(r, 'maxLag', maxLag.toFixed(1), process.cpuUsage())
}
main()
