/**
 * Run files: the values of one alpha compute, kept in files so only metadata crosses between
 * processes (see `runsLocation` for where). `<runs>/<runId>.bin` holds float64 blocks, date-major (value of instrument
 * i on date t at t·N + i): first the closes (Tc × N, the run's dates followed by up to
 * `forwardDays` later dates for forward returns), then one T × N block per alpha that
 * computed. The native engine writes it (`evaluateFormulas` with `outputPath`: temp name +
 * rename, so it appears whole). `<runId>.json` holds the metadata with each block's byte
 * offset; it is written last (temp + rename), so a run without its .json is incomplete and
 * never read.
 */
import { createHash } from 'node:crypto'
import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  renameSync,
  rmSync,
  rmdirSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { AppError, type AlphaRun, type AlphaRunColumn } from '../../contract'

export const runFileVersion = 1

export interface RunColumnMeta extends AlphaRunColumn {
  /** Byte offset of this alpha's T×N block in the .bin file; null when it did not compute. */
  offset: number | null
}

export interface RunMeta extends Omit<AlphaRun, 'alphas'> {
  version: number
  alphas: RunColumnMeta[]
  /** Dates of the close block: the run's dates then up to `forwardDays` more. */
  closeDates: number[]
  closeOffset: number
  createdAt: string
  /** Identity of the compute's spec on its data (service's specKey); identical computes reopen this run. */
  specKey?: string
  /**
   * Where the compute's time went (diagnostics, benchmarks): panel (cache check or build),
   * the engine call (evaluation and writing the .bin file), of which `outputMs` thread-time
   * went to transposing and writing values, and the metadata file.
   */
  timings?: { panelMs: number; evalMs: number; outputMs: number; metaMs: number }
}

export interface RunsLocation {
  dir: string
  /** True when the folder is memory-backed (tmpfs): fast to write, gone after a reboot. */
  memory: boolean
  /** Default cap on the bytes of kept runs there. */
  maxBytes: number
}

/**
 * Where run files go. A full compute writes every value of every alpha (all 101 on the
 * sample: about 0.5 GB), and runs are a cache of recent computes, not data to keep: on Linux
 * they go to the memory-backed /dev/shm, where writing them costs a memory copy instead of a
 * disk write throttled to the disk's speed; elsewhere to `<dataDir>/cache/runs`.
 * ALPHADESK_RUNS_DIR overrides both.
 *
 * In /dev/shm each process has its own folder (`alphadesk-<uid>-<data dir hash>/<pid>/runs`):
 * the app removes it when it shuts down, and `sweepRuns` removes those of processes that are
 * gone (a crash or a kill), so memory is never held by runs nobody can reach.
 */
export function runsLocation(dataDir: string, pid = process.pid): RunsLocation {
  const onDisk = { dir: join(dataDir, 'cache', 'runs'), memory: false, maxBytes: 3 * 2 ** 30 }
  if (process.env.ALPHADESK_RUNS_DIR) return { ...onDisk, dir: process.env.ALPHADESK_RUNS_DIR }
  const root = memoryRoot(dataDir)
  if (!root) return onDisk
  return { dir: join(root, String(pid), 'runs'), memory: true, maxBytes: Math.min(2 * 2 ** 30, 0.15 * totalmem()) }
}

function memoryRoot(dataDir: string): string | null {
  if (process.platform !== 'linux') return null
  try {
    accessSync('/dev/shm', constants.W_OK)
  } catch {
    return null
  }
  const user = typeof process.getuid === 'function' ? process.getuid() : 0
  const tag = createHash('sha256').update(dataDir).digest('hex').slice(0, 12)
  return join('/dev/shm', `alphadesk-${user}-${tag}`)
}

/** Removes the memory-backed run folders of processes (for this data dir) that no longer run. */
export function sweepRuns(dataDir: string): void {
  const root = memoryRoot(dataDir)
  if (!root || !existsSync(root)) return
  for (const name of readdirSync(root)) {
    const pid = Number(name)
    if (!/^\d+$/.test(name) || pid <= 0) {
      // Not a process folder (an older layout): left alone only while it may be in use.
      try {
        if (Date.now() - statSync(join(root, name)).mtimeMs > 60 * 60_000) rmSync(join(root, name), { recursive: true, force: true })
      } catch {
        // gone meanwhile
      }
      continue
    }
    if (pid === process.pid) continue
    let alive = true
    try {
      process.kill(pid, 0)
    } catch (err) {
      alive = (err as NodeJS.ErrnoException).code === 'EPERM'
    }
    if (!alive) rmSync(join(root, name), { recursive: true, force: true })
  }
}

/** Removes this process's memory-backed run folder (and the data dir's folder when it is left empty). */
export function removeRuns(location: RunsLocation): void {
  if (!location.memory) return
  const own = dirname(location.dir)
  rmSync(own, { recursive: true, force: true })
  try {
    rmdirSync(dirname(own))
  } catch {
    // another process's runs are still there
  }
}

const runIdPattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/

export function runPaths(runsDir: string, runId: string): { bin: string; json: string } {
  if (!runIdPattern.test(runId)) throw new AppError('NOT_FOUND', `no alpha run ${JSON.stringify(runId)}`)
  return { bin: join(runsDir, `${runId}.bin`), json: join(runsDir, `${runId}.json`) }
}

export function publicRun(meta: RunMeta): AlphaRun {
  return {
    runId: meta.runId,
    datasetId: meta.datasetId,
    sectors: meta.sectors,
    dates: meta.dates,
    instruments: meta.instruments,
    alphas: meta.alphas.map(({ offset: _offset, ...column }) => column),
    computeMs: meta.computeMs,
    evalMs: meta.evalMs,
    panel: meta.panel,
    policy: meta.policy ?? { mode: 'strict', minShare: 0.5 },
    createdAt: meta.createdAt,
  }
}

/**
 * Completes a run whose .bin file is in place (the engine writes it, see `computeRun`): the
 * metadata goes to `<runId>.json` through a temp file and a rename, so a reader sees either
 * no run or a whole one.
 */
export function finishRun(runsDir: string, meta: RunMeta): void {
  const { json } = runPaths(runsDir, meta.runId)
  const tmp = `${json}.tmp-${process.pid}`
  writeFileSync(tmp, JSON.stringify(meta))
  renameSync(tmp, json)
}

/** Removes what a failed compute left of a run (its .bin file and a temp metadata file). */
export function abandonRun(runsDir: string, runId: string): void {
  const { bin, json } = runPaths(runsDir, runId)
  rmSync(bin, { force: true })
  rmSync(`${json}.tmp-${process.pid}`, { force: true })
}

export function readRunMeta(runsDir: string, runId: string): RunMeta {
  const { json } = runPaths(runsDir, runId)
  if (!existsSync(json)) {
    throw new AppError('NOT_FOUND', `alpha run ${runId} is not available (runs are a cache of recent computes; compute again)`)
  }
  const meta = JSON.parse(readFileSync(json, 'utf8')) as RunMeta
  if (meta.version !== runFileVersion) throw new AppError('NOT_FOUND', `alpha run ${runId} was written by another version; compute again`)
  return meta
}

/** Random access to a run's .bin file. */
export class RunReader {
  private readonly fd: number
  readonly n: number
  readonly t: number
  readonly tc: number

  constructor(
    runsDir: string,
    readonly meta: RunMeta,
  ) {
    const { bin } = runPaths(runsDir, meta.runId)
    try {
      this.fd = openSync(bin, 'r')
    } catch {
      throw new AppError('NOT_FOUND', `alpha run ${meta.runId} is not available (its values were removed); compute again`)
    }
    this.n = meta.instruments.length
    this.t = meta.dates.length
    this.tc = meta.closeDates.length
  }

  column(key: string): RunColumnMeta {
    const column = this.meta.alphas.find((a) => a.key === key)
    if (!column) throw new AppError('NOT_FOUND', `alpha ${key} is not in run ${this.meta.runId}`)
    if (column.offset === null) {
      throw new AppError('VALIDATION', `alpha ${key} did not compute in this run: ${column.error?.message ?? 'no values'}`, column.error)
    }
    return column
  }

  /** Rows [t0, t0 + count) of the block at `offset`, date-major. */
  rows(offset: number, t0: number, count: number, out: Float64Array = new Float64Array(count * this.n)): Float64Array {
    const bytes = new Uint8Array(out.buffer, out.byteOffset, count * this.n * 8)
    let done = 0
    const at = offset + t0 * this.n * 8
    while (done < bytes.length) {
      const got = readSync(this.fd, bytes, done, bytes.length - done, at + done)
      if (got <= 0) throw new AppError('INTERNAL', `alpha run ${this.meta.runId}: the values file is truncated`)
      done += got
    }
    return out
  }

  alpha(key: string): Float64Array {
    return this.rows(this.column(key).offset!, 0, this.t)
  }

  closes(): Float64Array {
    return this.rows(this.meta.closeOffset, 0, this.tc)
  }

  /** One instrument's series from a block, read in chunks of rows. */
  series(offset: number, instrument: number, rows: number): Float64Array {
    const out = new Float64Array(rows)
    const chunkRows = Math.max(1, Math.floor((1 << 20) / (8 * this.n)))
    const buf = new Float64Array(chunkRows * this.n)
    for (let t0 = 0; t0 < rows; t0 += chunkRows) {
      const count = Math.min(chunkRows, rows - t0)
      this.rows(offset, t0, count, buf)
      for (let k = 0; k < count; k++) out[t0 + k] = buf[k * this.n + instrument]
    }
    return out
  }

  close(): void {
    closeSync(this.fd)
  }
}

export function withRun<T>(runsDir: string, runId: string, work: (reader: RunReader) => T): T {
  const reader = new RunReader(runsDir, readRunMeta(runsDir, runId))
  try {
    return work(reader)
  } finally {
    reader.close()
  }
}

/**
 * Which run files to drop: beyond the newest `keep` runs, or once the kept ones add up to
 * `maxBytes` (the newest two are always kept), plus incomplete leftovers (a .bin without its
 * .json, or a temp file) older than a few minutes — a cancelled or crashed compute.
 * Returns paths; the caller deletes them (asynchronously in the app: deleting a large file
 * can take a while on a filesystem that discards blocks).
 */
export function runsToEvict(dir: string, keep: number, maxBytes = Infinity, protect: Set<string> = new Set()): string[] {
  if (!existsSync(dir)) return []
  const now = Date.now()
  const entries = readdirSync(dir).flatMap((name) => {
    try {
      const st = statSync(join(dir, name))
      return [{ name, path: join(dir, name), mtime: st.mtimeMs, size: st.size }]
    } catch {
      return [] // vanished meanwhile
    }
  })
  const idOf = (name: string) => name.replace(/\.(bin|json)(\.tmp-\d+)?$/, '')
  const sizeOf = new Map<string, number>()
  for (const e of entries) sizeOf.set(idOf(e.name), (sizeOf.get(idOf(e.name)) ?? 0) + e.size)
  const complete = entries
    .filter((e) => e.name.endsWith('.json'))
    .sort((a, b) => b.mtime - a.mtime)
    .map((e) => idOf(e.name))
  const keepIds = new Set(protect)
  let bytes = 0
  complete.forEach((id, rank) => {
    bytes += sizeOf.get(id) ?? 0
    if (rank < 2 || (rank < keep && bytes <= maxBytes)) keepIds.add(id)
  })
  const out: string[] = []
  for (const e of entries) {
    const id = idOf(e.name)
    const temp = e.name.includes('.tmp-')
    const stale = now - e.mtime > 5 * 60_000
    if (keepIds.has(id) && !temp) continue
    if ((temp || !complete.includes(id)) && !stale) continue
    out.push(e.path)
  }
  return out
}

/** Synchronous eviction (CLI). */
export function evictRuns(runsDir: string, keep: number, maxBytes = Infinity): void {
  for (const path of runsToEvict(runsDir, keep, maxBytes)) rmSync(path, { force: true })
}
