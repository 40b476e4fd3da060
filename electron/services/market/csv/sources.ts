import { createReadStream } from 'node:fs'
import { open, readdir, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { Readable } from 'node:stream'
import { createGunzip } from 'node:zlib'
import { AppError, type CsvSource } from '../../../contract'
import { yieldToEventLoop } from '../progress'
import { quote } from '../../../shared/quote'
import { isPlainFile, type PathPolicy } from '../../../shared/path-policy'

/** One CSV file to read: uploaded text or a file on disk (optionally gzipped). */
export interface CsvFile {
  /** How issues name the file. */
  name: string
  /** The symbol of a per-symbol file without a symbol column: its name without extension. */
  fileSymbol: string
  /** Bytes to read (compressed size for .gz), for progress. */
  size: number
  path?: string
  text?: string
  gzip: boolean
}

const CSV_FILE = /\.csv(\.gz)?$/i

export function stemOf(name: string): string {
  return basename(name)
    .replace(/\.gz$/i, '')
    .replace(/\.(csv|txt|tsv)$/i, '')
    .trim()
}

/** A file on disk as a CsvFile. */
export async function fileFromPath(path: string, name = basename(path), fileSymbol = stemOf(path)): Promise<CsvFile> {
  const st = await stat(path)
  return { name, fileSymbol, size: st.size, path, gzip: /\.gz$/i.test(path) }
}

/**
 * Expands sources into files: a folder becomes every *.csv in it (sorted by name). Paths go
 * through `paths` first (see path-policy.ts); under a strict policy a folder's entries must be
 * regular files, not links.
 */
export async function resolveSources(sources: readonly CsvSource[], paths: PathPolicy): Promise<CsvFile[]> {
  const files: CsvFile[] = []
  for (const source of sources) {
    if ('text' in source) {
      files.push({ name: source.name, fileSymbol: stemOf(source.name), size: source.text.length, text: source.text, gzip: false })
      continue
    }
    const real = await paths.check(source.path)
    const st = await stat(real).catch(() => null)
    if (!st) throw new AppError('NOT_FOUND', `no such file or folder: ${quote(source.path, 300)}`)
    if (st.isDirectory()) {
      const names = (await readdir(real)).filter((n) => CSV_FILE.test(n)).sort()
      const kept = paths.strict ? await filterAsync(names, (n) => isPlainFile(join(real, n))) : names
      if (!kept.length) throw new AppError('VALIDATION', `no .csv files in folder ${quote(source.path, 300)}`)
      for (const n of kept) files.push(await fileFromPath(join(real, n)))
    } else {
      files.push({
        name: basename(source.path),
        fileSymbol: stemOf(source.path),
        size: st.size,
        path: real,
        gzip: /\.gz$/i.test(source.path),
      })
    }
  }
  return files
}

async function filterAsync<T>(items: readonly T[], keep: (item: T) => Promise<boolean>): Promise<T[]> {
  const out: T[] = []
  for (const item of items) if (await keep(item)) out.push(item)
  return out
}

async function* textChunks(text: string, chunk = 256 * 1024): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += chunk) {
    yield text.slice(i, i + chunk)
    // Let progress, other requests and abort signals through between chunks.
    await yieldToEventLoop()
  }
}

/** The file's content as a stream; `onBytes` gets the raw (compressed) bytes read so far. */
export function openFile(file: CsvFile, onBytes?: (bytes: number) => void): Readable {
  if (file.text !== undefined) {
    let done = 0
    const r = Readable.from(textChunks(file.text))
    if (onBytes) r.on('data', (c: string) => onBytes((done += c.length)))
    return r
  }
  const raw = createReadStream(file.path!, { highWaterMark: 256 * 1024 })
  if (onBytes) raw.on('data', () => onBytes(raw.bytesRead))
  if (!file.gzip) return raw
  const gunzip = createGunzip()
  raw.on('error', (err) => gunzip.destroy(err))
  return raw.pipe(gunzip)
}

/** The first `maxBytes` characters/bytes of a file, decoded (for detection and preview); `complete` when that is all of it. */
export async function readHead(file: CsvFile, maxBytes = 256 * 1024): Promise<{ text: string; complete: boolean }> {
  if (file.text !== undefined) return { text: file.text.slice(0, maxBytes), complete: file.text.length <= maxBytes }
  if (!file.gzip) {
    const fh = await open(file.path!, 'r')
    try {
      const buf = Buffer.alloc(Math.min(maxBytes, file.size))
      const { bytesRead } = await fh.read(buf, 0, buf.length, 0)
      return { text: buf.subarray(0, bytesRead).toString('utf8'), complete: file.size <= maxBytes }
    } finally {
      await fh.close()
    }
  }
  const parts: Buffer[] = []
  let total = 0
  let complete = true
  const stream = openFile(file)
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    parts.push(chunk)
    total += chunk.length
    if (total > maxBytes) {
      complete = false
      break
    }
  }
  stream.destroy()
  return { text: Buffer.concat(parts).subarray(0, maxBytes).toString('utf8'), complete }
}
