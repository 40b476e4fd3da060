/**
 * Bars read from files, held as growable typed columns (NaN = missing) until they are
 * validated and written: ~60 bytes a row instead of an object per row.
 */

export class F64Column {
  private buf = new Float64Array(1024)
  length = 0
  push(v: number): void {
    if (this.length === this.buf.length) {
      const next = new Float64Array(this.buf.length * 2)
      next.set(this.buf)
      this.buf = next
    }
    this.buf[this.length++] = v
  }
  get(i: number): number {
    return this.buf[i]
  }
  set(i: number, v: number): void {
    this.buf[i] = v
  }
  view(): Float64Array {
    return this.buf.subarray(0, this.length)
  }
  truncate(length: number): void {
    this.length = Math.min(this.length, length)
  }
}

export class I32Column {
  private buf = new Int32Array(1024)
  length = 0
  push(v: number): void {
    if (this.length === this.buf.length) {
      const next = new Int32Array(this.buf.length * 2)
      next.set(this.buf)
      this.buf = next
    }
    this.buf[this.length++] = v
  }
  get(i: number): number {
    return this.buf[i]
  }
  view(): Int32Array {
    return this.buf.subarray(0, this.length)
  }
  truncate(length: number): void {
    this.length = Math.min(this.length, length)
  }
}

/** Value columns of the bars table, in its column order. */
export const barFields = ['open', 'high', 'low', 'close', 'volume', 'settle', 'openInterest'] as const
export type BarField = (typeof barFields)[number]

export interface SymbolEntry {
  symbol: string
  /** Futures: root and last trade date 'YYYY-MM-DD'; contract month 'YYYY-MM' when known. */
  root: string | null
  expiry: string | null
  contractMonth: string | null
  /** Where the symbol first appeared, for messages. */
  file: number
  line: number
}

export class BarData {
  readonly symbols: SymbolEntry[] = []
  private readonly bySymbol = new Map<string, number>()
  /** Per row: index into `symbols`. */
  readonly sym = new I32Column()
  readonly ts = new F64Column()
  readonly values: Record<BarField, F64Column> = {
    open: new F64Column(),
    high: new F64Column(),
    low: new F64Column(),
    close: new F64Column(),
    volume: new F64Column(),
    settle: new F64Column(),
    openInterest: new F64Column(),
  }
  /** Per row: index into `files` and the 1-based line, for messages. */
  readonly fileIdx = new I32Column()
  readonly line = new I32Column()
  readonly files: string[] = []

  get length(): number {
    return this.ts.length
  }

  symbolIndex(symbol: string): number | undefined {
    return this.bySymbol.get(symbol)
  }

  /** Drops rows and symbols added after a checkpoint (a file being read again). */
  truncate(rows: number, symbols: number): void {
    this.sym.truncate(rows)
    this.ts.truncate(rows)
    for (const f of barFields) this.values[f].truncate(rows)
    this.fileIdx.truncate(rows)
    this.line.truncate(rows)
    for (const s of this.symbols.splice(symbols)) this.bySymbol.delete(s.symbol)
  }

  addSymbol(entry: SymbolEntry): number {
    const idx = this.symbols.length
    this.symbols.push(entry)
    this.bySymbol.set(entry.symbol, idx)
    return idx
  }
}
