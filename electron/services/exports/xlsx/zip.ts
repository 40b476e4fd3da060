/**
 * A zip archive written as a stream: each entry deflated on the fly, its CRC and sizes in a
 * data descriptor after the data, the central directory at the end. Enough for XLSX (entries
 * under 4 GiB each, fewer than 65,535 of them; no zip64).
 */
import { crc32, createDeflateRaw, type DeflateRaw } from 'node:zlib'
import type { FileSink } from '../sink'

interface Entry {
  name: Buffer
  offset: number
  crc: number
  compressed: number
  size: number
}

const u16 = (b: Buffer, at: number, v: number) => b.writeUInt16LE(v, at)
const u32 = (b: Buffer, at: number, v: number) => b.writeUInt32LE(v >>> 0, at)
/** 1980-01-01 00:00 in DOS time/date: entries carry no meaningful time. */
const dosTime = 0
const dosDate = (1 << 5) | 1

export class ZipStream {
  private readonly entries: Entry[] = []
  private current: (Entry & { deflate: DeflateRaw; pending: Promise<void>[]; error: Error | null }) | null = null
  private offset = 0

  constructor(private readonly sink: FileSink) {}

  private async put(data: Buffer): Promise<void> {
    this.offset += data.length
    await this.sink.write(data)
  }

  async begin(name: string): Promise<void> {
    if (this.current) await this.end()
    const nameBytes = Buffer.from(name, 'utf8')
    const header = Buffer.alloc(30)
    u32(header, 0, 0x04034b50)
    u16(header, 4, 20)
    u16(header, 6, 0x0808) // data descriptor follows; UTF-8 names
    u16(header, 8, 8) // deflate
    u16(header, 10, dosTime)
    u16(header, 12, dosDate)
    u16(header, 26, nameBytes.length)
    const entry = { name: nameBytes, offset: this.offset, crc: 0, compressed: 0, size: 0 }
    await this.put(Buffer.concat([header, nameBytes]))
    const deflate = createDeflateRaw({ level: 1 })
    const current = { ...entry, deflate, pending: [] as Promise<void>[], error: null as Error | null }
    deflate.on('data', (chunk: Buffer) => {
      current.compressed += chunk.length
      current.pending.push(this.put(chunk))
    })
    deflate.on('error', (err) => {
      current.error = err
    })
    this.current = current
  }

  /** Adds bytes to the open entry; resolves when the compressor has taken them. */
  async write(data: Buffer): Promise<void> {
    const c = this.current
    if (!c) throw new Error('zip: no entry open')
    if (c.error) throw c.error
    c.crc = crc32(data, c.crc)
    c.size += data.length
    if (c.size > 0xffffffff) throw new Error('zip: an entry over 4 GiB (no zip64 here)')
    await new Promise<void>((resolve, reject) => c.deflate.write(data, (err) => (err ? reject(err) : resolve())))
    // Sink writes queued by the compressor so far must finish before more is fed (memory stays bounded).
    const waiting = c.pending.splice(0)
    await Promise.all(waiting)
  }

  async end(): Promise<void> {
    const c = this.current
    if (!c) return
    this.current = null
    await new Promise<void>((resolve, reject) => {
      c.deflate.once('end', resolve)
      c.deflate.once('error', reject)
      c.deflate.end()
    })
    await Promise.all(c.pending)
    const descriptor = Buffer.alloc(16)
    u32(descriptor, 0, 0x08074b50)
    u32(descriptor, 4, c.crc)
    u32(descriptor, 8, c.compressed)
    u32(descriptor, 12, c.size)
    await this.put(descriptor)
    this.entries.push({ name: c.name, offset: c.offset, crc: c.crc, compressed: c.compressed, size: c.size })
  }

  async file(name: string, text: string): Promise<void> {
    await this.begin(name)
    await this.write(Buffer.from(text, 'utf8'))
    await this.end()
  }

  /** Writes the central directory; the archive is complete after this. */
  async finish(): Promise<void> {
    await this.end()
    const start = this.offset
    const parts: Buffer[] = []
    for (const e of this.entries) {
      const h = Buffer.alloc(46)
      u32(h, 0, 0x02014b50)
      u16(h, 4, 20)
      u16(h, 6, 20)
      u16(h, 8, 0x0808)
      u16(h, 10, 8)
      u16(h, 12, dosTime)
      u16(h, 14, dosDate)
      u32(h, 16, e.crc)
      u32(h, 20, e.compressed)
      u32(h, 24, e.size)
      u16(h, 28, e.name.length)
      u32(h, 42, e.offset)
      parts.push(h, e.name)
    }
    const directory = Buffer.concat(parts)
    const end = Buffer.alloc(22)
    u32(end, 0, 0x06054b50)
    u16(end, 8, this.entries.length)
    u16(end, 10, this.entries.length)
    u32(end, 12, directory.length)
    u32(end, 16, start)
    await this.put(Buffer.concat([directory, end]))
  }
}
