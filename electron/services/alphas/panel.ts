/**
 * Panels: a dataset's (or a sector universe's) bars as dates × instruments, written once by
 * the native engine to `<cache>/panels/<dataset>-<version hash>.panel` and memory-mapped by
 * every worker that evaluates on it — one copy in the OS page cache, never copied per worker
 * or sent through messages.
 *
 * The version hash covers everything the panel is built from (the dataset row, its imports,
 * each instrument's symbol, groups and bar statistics, the universe, the build code version),
 * so a re-import or an edited instrument gives a new file and a stale one is never used.
 * Files are written to a temporary name and renamed into place (by the engine), so
 * concurrent workers never see half a file; two workers building the same panel at once
 * both produce the same bytes and the last rename wins.
 *
 * What goes in: open, high, low, close (COALESCE(settle, close), as the charts show it),
 * volume. No vwap column (no dataset stores one): the engine then uses the typical price
 * (high + low + close) / 3 per cell, and formulas reading vwap say so. No cap (no dataset has market caps). Group codes from the instruments' sector, industry
 * and subindustry strings. A level present for only some instruments is completed per
 * instrument from the next coarser level the instrument has (subindustry → industry →
 * sector), and formulas that use it are told so; a level absent for every instrument is
 * left out and the engine falls back to the next coarser level with its own warning.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppError, type DatasetKind } from '../../contract'
import type { Db } from '../../db/open'
import type { FormulaApi } from './formula-api'

/** Bump when the way panels are built changes: old cache files are then ignored. */
export const panelBuildVersion = 1

export const groupLevels = ['sector', 'industry', 'subindustry'] as const
export type GroupLevel = (typeof groupLevels)[number]

export interface PanelInstrument {
  id: number
  symbol: string
  sector: string | null
  industry: string | null
  subindustry: string | null
}

/** A group level completed per instrument from a coarser one. */
export interface GroupNote {
  level: GroupLevel
  /** Instruments that had no value at this level. */
  missing: number
  total: number
  /** How many of those took the industry or sector instead; the rest have no group. */
  fallback: Partial<Record<GroupLevel, number>>
}

export interface PanelInfo {
  version: number
  path: string
  datasetId: number
  datasetKey: string
  sectors: string[] | null
  /** Unix seconds. */
  dates: number[]
  instruments: PanelInstrument[]
  /** Levels with codes in the file (absent levels are left to the engine's fallback). */
  levels: GroupLevel[]
  notes: GroupNote[]
  vwap: 'typical'
  bytes: number
  buildMs: number
}

interface DatasetRow {
  id: number
  key: string
  kind: DatasetKind
  created_at: string
}

interface InstrumentRow extends PanelInstrument {
  bars: number
  first: number | null
  last: number | null
}

export function panelsDir(cacheDir: string): string {
  return join(cacheDir, 'panels')
}

function universe(db: Db, datasetId: number, sectors: string[] | null): { dataset: DatasetRow; instruments: InstrumentRow[] } {
  const dataset = db.prepare('SELECT id, key, kind, created_at FROM datasets WHERE id = ?').get(datasetId) as DatasetRow | undefined
  if (!dataset) throw new AppError('NOT_FOUND', `no dataset with id ${datasetId}`)
  if (dataset.kind === 'futures') {
    throw new AppError('VALIDATION', `dataset ${dataset.key} holds futures contracts; alpha screens need a stocks dataset`)
  }
  // Instruments without a stats row (written outside the importer) are counted from their bars.
  const rows = db
    .prepare(
      `SELECT i.id, i.symbol, i.sector, i.industry, i.subindustry,
         COALESCE(s.bar_count, (SELECT COUNT(*) FROM bars b WHERE b.instrument_id = i.id)) AS bars,
         COALESCE(s.first_ts, (SELECT MIN(ts) FROM bars b WHERE b.instrument_id = i.id)) AS first,
         COALESCE(s.last_ts, (SELECT MAX(ts) FROM bars b WHERE b.instrument_id = i.id)) AS last
       FROM instruments i LEFT JOIN instrument_stats s ON s.instrument_id = i.id
       WHERE i.dataset_id = ?
       ORDER BY i.symbol, i.id`,
    )
    .all(datasetId) as InstrumentRow[]
  const wanted = sectors ? new Set(sectors) : null
  const instruments = rows.filter((r) => r.bars > 0 && (!wanted || (r.sector !== null && wanted.has(r.sector))))
  if (sectors) {
    const known = new Set(rows.map((r) => r.sector))
    const unknown = sectors.filter((s) => !known.has(s))
    if (unknown.length)
      throw new AppError('VALIDATION', `dataset ${dataset.key} has no sector ${unknown.map((s) => JSON.stringify(s)).join(', ')}`)
  }
  if (instruments.length < 2) {
    throw new AppError('VALIDATION', `the universe has ${instruments.length} instrument(s) with bars; a cross-section needs at least 2`)
  }
  return { dataset, instruments }
}

function versionHash(db: Db, dataset: DatasetRow, instruments: InstrumentRow[], sectors: string[] | null): string {
  const imports = db.prepare('SELECT id, rows, finished_at FROM imports WHERE dataset_id = ? ORDER BY id').raw().all(dataset.id)
  const h = createHash('sha256')
  h.update(JSON.stringify({ v: panelBuildVersion, dataset, imports, sectors }))
  for (const r of instruments) h.update(JSON.stringify([r.id, r.symbol, r.sector, r.industry, r.subindustry, r.bars, r.first, r.last]))
  return h.digest('hex').slice(0, 16)
}

/** The identity of a universe's data: changes with every import into the dataset (and the panel build version). */
export function panelVersion(db: Db, datasetId: number, sectors: string[] | null): string {
  const normSectors = sectors?.length ? [...new Set(sectors)].sort() : null
  const { dataset, instruments } = universe(db, datasetId, normSectors)
  return versionHash(db, dataset, instruments, normSectors)
}

function safeName(key: string): string {
  return key.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 60) || 'dataset'
}

/**
 * Group codes per level. Present-for-some levels are completed from coarser levels per
 * instrument; codes are dense integers over "level:value" strings.
 */
export function groupCodes(instruments: PanelInstrument[]): {
  codes: Partial<Record<GroupLevel, Int32Array>>
  levels: GroupLevel[]
  notes: GroupNote[]
} {
  const n = instruments.length
  const codes: Partial<Record<GroupLevel, Int32Array>> = {}
  const levels: GroupLevel[] = []
  const notes: GroupNote[] = []
  const ids = new Map<string, number>()
  const code = (k: string) => {
    let c = ids.get(k)
    if (c === undefined) ids.set(k, (c = ids.size))
    return c
  }
  groupLevels.forEach((level, depth) => {
    const present = instruments.filter((r) => r[level] !== null && r[level] !== '').length
    if (!present) return
    const arr = new Int32Array(n)
    const note: GroupNote = { level, missing: 0, total: n, fallback: {} }
    instruments.forEach((r, i) => {
      const own = r[level]
      if (own) {
        arr[i] = code(`${level}:${own}`)
        return
      }
      note.missing++
      for (let up = depth - 1; up >= 0; up--) {
        const coarser = groupLevels[up]
        const v = r[coarser]
        if (v) {
          arr[i] = code(`${coarser}:${v}`)
          note.fallback[coarser] = (note.fallback[coarser] ?? 0) + 1
          return
        }
      }
      arr[i] = -1
    })
    codes[level] = arr
    levels.push(level)
    if (note.missing) notes.push(note)
  })
  return { codes, levels, notes }
}

/** The level the engine ends up using for `IndClass.<level>` on a panel with `levels`. */
export function effectiveLevel(level: GroupLevel, levels: GroupLevel[]): GroupLevel | null {
  for (let i = groupLevels.indexOf(level); i >= 0; i--) if (levels.includes(groupLevels[i])) return groupLevels[i]
  return null
}

/** Warnings for a formula that neutralises by `used` levels, from the panel's per-instrument fallbacks. */
export function groupWarnings(used: GroupLevel[], info: Pick<PanelInfo, 'levels' | 'notes'>): string[] {
  const out: string[] = []
  for (const level of used) {
    const eff = effectiveLevel(level, info.levels)
    const note = eff && info.notes.find((x) => x.level === eff)
    if (!note) continue
    const parts = Object.entries(note.fallback).map(([l, k]) => `${k} by ${l}`)
    const none = note.missing - Object.values(note.fallback).reduce((a, b) => a + (b ?? 0), 0)
    if (none) parts.push(`${none} with no group (their neutralized values are missing)`)
    out.push(
      `IndClass.${eff}: ${note.missing} of ${note.total} instruments have no ${eff} in the data; grouped ${parts.join(', ')} instead`,
    )
  }
  return out
}

/** The panel for a dataset/universe: from the cache when current, else built now. */
export function ensurePanel(
  db: Db,
  engine: FormulaApi,
  cacheDir: string,
  datasetId: number,
  sectors: string[] | null,
  onProgress?: (done: number, total: number) => void,
): PanelInfo & { cached: boolean } {
  const normSectors = sectors?.length ? [...new Set(sectors)].sort() : null
  const { dataset, instruments } = universe(db, datasetId, normSectors)
  const hash = versionHash(db, dataset, instruments, normSectors)
  const dir = panelsDir(cacheDir)
  const base = join(dir, `${safeName(dataset.key)}-${hash}`)
  const path = `${base}.panel`
  const metaPath = `${base}.json`
  if (existsSync(path) && existsSync(metaPath)) {
    try {
      const info = JSON.parse(readFileSync(metaPath, 'utf8')) as PanelInfo
      if (info.version === panelBuildVersion && statSync(path).size === info.bytes) {
        // Mark it recently used, so eviction (newest first) keeps the panels in use.
        const now = new Date()
        utimesSync(path, now, now)
        return { ...info, path, cached: true }
      }
    } catch {
      // unreadable sidecar: rebuild
    }
  }
  mkdirSync(dir, { recursive: true })
  const started = performance.now()
  const built = buildColumns(db, instruments, onProgress)
  const { codes, levels, notes } = groupCodes(instruments)
  engine.writePanel(path, {
    dates: built.dates,
    symbols: instruments.map((r) => r.symbol),
    open: built.open,
    high: built.high,
    low: built.low,
    close: built.close,
    volume: built.volume,
    sector: codes.sector,
    industry: codes.industry,
    subindustry: codes.subindustry,
  })
  const info: PanelInfo = {
    version: panelBuildVersion,
    path,
    datasetId,
    datasetKey: dataset.key,
    sectors: normSectors,
    dates: Array.from(built.dates),
    instruments: instruments.map(({ id, symbol, sector, industry, subindustry }) => ({ id, symbol, sector, industry, subindustry })),
    levels,
    notes,
    vwap: 'typical',
    bytes: statSync(path).size,
    buildMs: performance.now() - started,
  }
  // The sidecar goes in after the panel, by rename: a reader that finds it finds both.
  const tmp = `${metaPath}.tmp-${process.pid}`
  writeFileSync(tmp, JSON.stringify(info))
  renameSync(tmp, metaPath)
  return { ...info, cached: false }
}

interface Columns {
  dates: Float64Array
  open: Float64Array
  high: Float64Array
  low: Float64Array
  close: Float64Array
  volume: Float64Array
}

/** Reads the bars of the universe into date-major T×N columns (NaN = no bar or no value). */
function buildColumns(db: Db, instruments: InstrumentRow[], onProgress?: (done: number, total: number) => void): Columns {
  const stmt = db.prepare('SELECT ts, open, high, low, COALESCE(settle, close), volume FROM bars WHERE instrument_id = ? ORDER BY ts').raw()
  const perInstrument = instruments.map((r, k) => {
    if (k % 25 === 0) onProgress?.(k, instruments.length * 2)
    return stmt.all(r.id) as (number | null)[][]
  })
  const allTs = new Set<number>()
  for (const rows of perInstrument) for (const row of rows) allTs.add(row[0] as number)
  const dates = Float64Array.from(allTs).sort()
  const index = new Map<number, number>()
  dates.forEach((d, t) => index.set(d, t))
  const n = instruments.length
  const cells = dates.length * n
  const make = () => new Float64Array(cells).fill(Number.NaN)
  const cols: Columns = { dates, open: make(), high: make(), low: make(), close: make(), volume: make() }
  const num = (v: number | null) => (v === null ? Number.NaN : v)
  perInstrument.forEach((rows, i) => {
    if (i % 25 === 0) onProgress?.(n + i, n * 2)
    for (const row of rows) {
      const at = index.get(row[0] as number)! * n + i
      cols.open[at] = num(row[1])
      cols.high[at] = num(row[2])
      cols.low[at] = num(row[3])
      cols.close[at] = num(row[4])
      cols.volume[at] = num(row[5])
    }
  })
  onProgress?.(2 * n, 2 * n)
  return cols
}

/**
 * Drops panel files beyond the newest `keep`, and any older than `minAgeMs` only (a worker
 * may be about to map a fresh one; unlinking a mapped file is harmless on POSIX systems).
 */
export function evictPanels(cacheDir: string, keep: number, minAgeMs = 10 * 60_000): void {
  const dir = panelsDir(cacheDir)
  if (!existsSync(dir)) return
  const now = Date.now()
  const files = readdirSync(dir)
    .map((name) => {
      try {
        return { name, mtime: statSync(join(dir, name)).mtimeMs }
      } catch {
        return null
      }
    })
    .filter((x): x is { name: string; mtime: number } => x !== null)
  const panels = files.filter((f) => f.name.endsWith('.panel')).sort((a, b) => b.mtime - a.mtime)
  for (const f of panels.slice(keep)) {
    if (now - f.mtime < minAgeMs) continue
    const base = f.name.slice(0, -'.panel'.length)
    rmSync(join(dir, f.name), { force: true })
    rmSync(join(dir, `${base}.json`), { force: true })
  }
  for (const f of files) if (f.name.includes('.tmp-') && now - f.mtime > minAgeMs) rmSync(join(dir, f.name), { force: true })
}
