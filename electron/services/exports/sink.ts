/**
 * A file written asynchronously with one write in flight: the caller encodes the next
 * chunk while the previous one goes to disk (the write runs on libuv's thread pool), so
 * encoding and I/O overlap and the event loop is never held by the disk.
 */
import { open, type FileHandle } from 'node:fs/promises'

export class FileSink {
  private inFlight: Promise<unknown> | null = null
  bytes = 0

  private constructor(private readonly handle: FileHandle) {}

  static async open(path: string): Promise<FileSink> {
    return new FileSink(await open(path, 'wx'))
  }

  /** Queues a chunk (not to be modified afterwards); resolves once the previous chunk is written. */
  async write(chunk: Uint8Array | string): Promise<void> {
    const data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk
    if (!data.length) return
    if (this.inFlight) await this.inFlight
    this.bytes += data.length
    this.inFlight = writeAll(this.handle, data)
  }

  /** Waits for the last write, flushes to disk (so the rename that follows never exposes an empty file after a crash) and closes. */
  async close(sync = true): Promise<void> {
    try {
      if (this.inFlight) await this.inFlight
      if (sync) await this.handle.datasync()
    } finally {
      this.inFlight = null
      await this.handle.close()
    }
  }

  /** Closes without waiting for durability (the file is about to be removed). */
  async discard(): Promise<void> {
    try {
      await this.inFlight
    } catch {
      // the write that failed is why we are discarding
    }
    await this.handle.close().catch(() => {})
  }
}

async function writeAll(handle: FileHandle, data: Uint8Array): Promise<void> {
  let done = 0
  while (done < data.length) {
    const { bytesWritten } = await handle.write(data, done, data.length - done)
    done += bytesWritten
  }
}
