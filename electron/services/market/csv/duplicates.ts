import type { BarData } from '../store/bar-data'
import { isoDate } from '../../../contract'
import { clip } from '../../../shared/quote'
import type { IssueList } from './issues'

function when(ts: number): string {
  return ts % 86_400 === 0 ? isoDate(ts) : new Date(ts * 1000).toISOString().slice(0, 19).replace('T', ' ')
}

/**
 * Checks that (symbol, time) is unique and returns the row order by (symbol, time), or
 * null when the rows already come in that order (the common case: no sort needed).
 * Each duplicate is an error at the later of the two rows, naming the earlier one.
 */
export function findDuplicates(data: BarData, errors: IssueList): Uint32Array | null {
  const n = data.length
  const sym = data.sym.view()
  const ts = data.ts.view()
  let sorted = true
  for (let i = 1; i < n; i++) {
    if (sym[i] < sym[i - 1] || (sym[i] === sym[i - 1] && ts[i] <= ts[i - 1])) {
      sorted = false
      break
    }
  }
  if (sorted) return null

  const order = new Uint32Array(n)
  for (let i = 0; i < n; i++) order[i] = i
  order.sort((a, b) => sym[a] - sym[b] || ts[a] - ts[b] || a - b)
  const fileIdx = data.fileIdx.view()
  const line = data.line.view()
  for (let k = 1; k < n; k++) {
    const a = order[k - 1]
    const b = order[k]
    if (sym[a] !== sym[b] || ts[a] !== ts[b]) continue
    // a < b in read order (the sort is by index last): b is the repeat.
    const sameFile = fileIdx[a] === fileIdx[b]
    errors.add({
      file: data.files[fileIdx[b]],
      line: line[b],
      message: `duplicate row for ${clip(data.symbols[sym[b]].symbol)} at ${when(ts[b])}: first seen at ${sameFile ? '' : `${data.files[fileIdx[a]]} `}line ${line[a]}`,
    })
  }
  return order
}
