/**
 * Text encoded straight into byte buffers: building one JS string per batch made the garbage
 * collector the main cost of a 57M-row CSV (ropes of tens of millions of small strings).
 * Full chunks are handed to the sink, which writes one while the next is filled.
 */
import type { FileSink } from './sink'

const chunkBytes = 1 << 20

export class ByteOut {
  buf = Buffer.allocUnsafe(chunkBytes)
  pos = 0

  constructor(private readonly sink: FileSink) {}

  /** Room for n more bytes (hands the current chunk over when it is full). */
  ensure(n: number): Promise<void> | undefined {
    if (this.pos + n <= this.buf.length) return undefined
    return this.rotate(n)
  }

  private async rotate(n: number): Promise<void> {
    const full = this.buf.subarray(0, this.pos)
    this.buf = Buffer.allocUnsafe(Math.max(chunkBytes, n))
    this.pos = 0
    await this.sink.write(full)
  }

  /** ASCII text (numbers, ISO dates): one byte per character. */
  ascii(s: string): void {
    const b = this.buf
    let p = this.pos
    for (let i = 0; i < s.length; i++) b[p++] = s.charCodeAt(i)
    this.pos = p
  }

  /** Any text, UTF-8; the caller ensured 3 bytes a character. */
  utf8(s: string): void {
    this.pos += this.buf.write(s, this.pos, 'utf8')
  }

  bytes(src: Uint8Array): void {
    const b = this.buf
    let p = this.pos
    if (src.length < 32) for (let i = 0; i < src.length; i++) b[p++] = src[i]
    else {
      b.set(src, p)
      p += src.length
    }
    this.pos = p
  }

  byte(c: number): void {
    this.buf[this.pos++] = c
  }

  async flush(): Promise<void> {
    if (!this.pos) return
    const full = this.buf.subarray(0, this.pos)
    this.buf = Buffer.allocUnsafe(chunkBytes)
    this.pos = 0
    await this.sink.write(full)
  }
}
