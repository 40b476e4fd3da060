/**
 * A file written asynchronously with one write in flight: the caller encodes the next
 * chunk while the previous one goes to disk (the write runs on libuv's thread pool), so
 * encoding and I/O overlap and the event loop is never held by the disk.
 */
import { open, type FileHandle } from 'node:fs/promises'

export class FileSink {
  /** The last queued write; each new one starts when it is done (writes keep their order). */
  private inFlight: Promise<void> = Promise.resolve()
  bytes = 0

  private constructor(private readonly handle: FileHandle) {}

  static async open(path: string): Promise<FileSink> {
    return new FileSink(await open(path, 'wx'))
  }

  /**
   * Queues a chunk (not to be modified afterwards); resolves once the chunk before it is
   * written, so one write is in flight while the caller encodes the next. Safe to call again
   * before the promise resolves: writes stay in call order.
   */
  write(chunk: Uint8Array | string): Promise<void> {
    const data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk
    if (!data.length) return this.inFlight
    this.bytes += data.length
    const previous = this.inFlight
    this.inFlight = previous.then(() => writeAll(this.handle, data))
    return previous
  }

  /** Waits for the last write, flushes to disk (so the rename that follows never exposes an empty file after a crash) and closes. */
  async close(sync = true): Promise<void> {
    try {
      await this.inFlight
      if (sync) await this.handle.datasync()
    } finally {
      await this.handle.close()
    }
  }

  /** Closes without waiting for durability (the file is about to be removed). */
  async discard(): Promise<void> {
    await this.inFlight.catch(() => {})
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
