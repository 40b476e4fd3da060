/**
 * The CSV row loop, specialised per batch shape: a function generated for the column kinds
 * (dictionary, number, text) with the arrays as direct references. A generic loop calling one
 * closure per cell spent most of a 57M-row export in the calls; the generated loop runs at
 * the speed of the number formatting. Only kinds (never user data) go into the source text.
 */
import type { ByteOut } from './bytes'

export type CellKind = 'dict' | 'number' | 'text'

/** Encodes rows [k, end) while they fit; returns the next row to encode. */
export type RowLoop = (out: ByteOut, k: number, end: number, refs: unknown[]) => number

const cache = new Map<string, RowLoop>()

/**
 * refs per column: dict → [encoded entries (Uint8Array[]), codes]; number → [values];
 * text → [(k) => string already escaped]. `fixedRoom` bytes plus the text cells' own length
 * (times 3 for UTF-8) must fit before a row is started.
 */
export function rowLoop(kinds: readonly CellKind[]): RowLoop {
  const key = kinds.join(',')
  let loop = cache.get(key)
  if (!loop) {
    loop = compile(kinds)
    cache.set(key, loop)
  }
  return loop
}

function compile(kinds: readonly CellKind[]): RowLoop {
  const lines: string[] = []
  const unpack: string[] = []
  kinds.forEach((kind, j) => {
    if (kind === 'dict') unpack.push(`const D${j} = refs[${2 * j}], C${j} = refs[${2 * j + 1}];`)
    else if (kind === 'number') unpack.push(`const V${j} = refs[${2 * j}];`)
    else unpack.push(`const T${j} = refs[${2 * j}];`)
  })
  kinds.forEach((kind, j) => {
    if (j) lines.push('b[p++] = 44;')
    if (kind === 'dict') {
      lines.push(`{ const e = D${j}[C${j}[k]]; for (let i = 0; i < e.length; i++) b[p++] = e[i]; }`)
    } else if (kind === 'number') {
      lines.push(
        `{ const v = V${j}[k]; if (v !== null && (v - v === 0 || v === Infinity || v === -Infinity)) { const s = '' + v; for (let i = 0; i < s.length; i++) b[p++] = s.charCodeAt(i); } }`,
      )
    } else {
      lines.push(
        `{ const s = T${j}(k); if (p + 3 * s.length + 8 > b.length) { out.pos = rowStart; return k; } p += b.write(s, p, 'utf8'); }`,
      )
    }
  })
  const body = `
    ${unpack.join('\n')}
    const b = out.buf;
    const limit = b.length - ${fixedRoom(kinds)};
    let p = out.pos;
    let k = k0;
    for (; k < end; k++) {
      if (p > limit) break;
      const rowStart = p;
      ${lines.join('\n      ')}
      b[p++] = 10;
    }
    out.pos = p;
    return k;`
  return new Function('out', 'k0', 'end', 'refs', body) as RowLoop
}

/** Bytes a row may take outside its text cells: numbers ≤ 32 bytes; dictionary entries are bounded by `maxDictEntry`. */
export const maxDictEntry = 1024
function fixedRoom(kinds: readonly CellKind[]): number {
  let n = kinds.length + 1
  for (const k of kinds) n += k === 'dict' ? maxDictEntry : k === 'number' ? 32 : 0
  return n
}
