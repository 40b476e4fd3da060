import { api } from '../../api/client'
import type { ColumnMapping, CsvField, CsvKind, DateFormat } from '../../../../electron/contract'
import { jobTracker } from '../jobs'
import { load } from '../loadable'
import { loadDatasets } from '../market/actions'
import { initialImports, useImports, type Delimiter, type ImportsSlice, type LoadedFile, type ReadProgress, type SourceMode } from './state'
import { canImport, hasSources, sourcesOf, suggestName } from './selectors'

const set = (partial: Partial<ImportsSlice>) => useImports.setState(partial)
const get = () => useImports.getState()

/** Generations: a newer read / preview makes older replies stale. */
let readGen = 0
let previewGen = 0
const jobs = jobTracker<'import'>('import')

export function openImport(): void {
  if (get().open) return
  // Keep a running import's state; otherwise start fresh.
  if (get().running) set({ open: true })
  else set({ open: true, ...initialImports() })
}

export function closeImport(): void {
  if (get().running) return
  ++readGen
  ++previewGen
  set({ open: false, files: [], reading: null })
}

export function setKind(kind: CsvKind): void {
  set({ kind, mapping: undefined })
  if (get().step === 'preview') void runPreview()
}

export function setSourceMode(sourceMode: SourceMode): void {
  set({ sourceMode })
}

export function setPath(path: string): void {
  set({ path, readError: null })
}

export function setDatasetName(datasetName: string): void {
  set({ datasetName, nameSuggested: false })
}

function suggestDatasetName(from: string): void {
  if (get().nameSuggested) set({ datasetName: suggestName(from) })
}

export function removeFile(index: number): void {
  set({ files: get().files.filter((_, i) => i !== index) })
}

export function clearFiles(): void {
  ++readGen
  set({ files: [], reading: null, readError: null })
}

// ---- reading files in the browser ----------------------------------------------------------

const isCsvLike = (name: string) => /\.(csv|txt|tsv)(\.gz)?$/i.test(name)

/** Reads one file as text with byte progress; gzip files are decompressed in the browser. */
async function readOne(file: File, onBytes: (bytes: number) => void): Promise<string> {
  if (/\.gz$/i.test(file.name) && typeof DecompressionStream !== 'undefined') {
    const reader = file.stream().getReader()
    let read = 0
    const counted = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await reader.read()
        if (done) {
          controller.close()
          return
        }
        read += value.byteLength
        onBytes(read)
        controller.enqueue(value)
      },
    })
    return new Response(
      counted.pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>),
    ).text()
  }
  if (file.size < 2 * 1024 * 1024) {
    const text = await file.text()
    onBytes(file.size)
    return text
  }
  return new Promise<string>((resolve, reject) => {
    const fr = new FileReader()
    fr.onprogress = (e) => onBytes(e.loaded)
    fr.onload = () => resolve(String(fr.result ?? ''))
    fr.onerror = () => reject(fr.error ?? new Error(`could not read ${file.name}`))
    fr.readAsText(file)
  })
}

/** Adds files (picker, folder picker or drop); non-CSV files in a folder are skipped. */
export async function addFiles(list: FileList | File[], options: { fromFolder?: boolean } = {}): Promise<void> {
  const all = Array.from(list)
  const files = options.fromFolder ? all.filter((f) => isCsvLike(f.name)) : all
  if (!files.length) {
    set({ readError: options.fromFolder ? 'That folder holds no .csv files.' : null })
    return
  }
  const g = ++readGen
  const bytesTotal = files.reduce((n, f) => n + f.size, 0)
  let bytesBefore = 0
  const loaded: LoadedFile[] = []
  let lastPaint = 0
  const progress = (p: ReadProgress) => {
    const now = performance.now()
    if (now - lastPaint > 60 || p.filesDone === p.filesTotal) {
      lastPaint = now
      set({ reading: p })
    }
  }
  set({
    readError: null,
    reading: { file: files[0].name, filesDone: 0, filesTotal: files.length, bytesDone: 0, bytesTotal },
    sourceMode: 'files',
  })
  try {
    for (let i = 0; i < files.length; i++) {
      const f = files[i]
      const text = await readOne(f, (b) =>
        progress({ file: f.name, filesDone: i, filesTotal: files.length, bytesDone: bytesBefore + b, bytesTotal }),
      )
      if (g !== readGen) return
      bytesBefore += f.size
      loaded.push({ name: f.name.replace(/\.gz$/i, ''), size: f.size, text })
    }
  } catch (err) {
    if (g !== readGen) return
    set({ reading: null, readError: err instanceof Error ? err.message : String(err) })
    return
  }
  if (g !== readGen) return
  // Same name again replaces the earlier copy.
  const names = new Set(loaded.map((f) => f.name))
  const merged = [...get().files.filter((f) => !names.has(f.name)), ...loaded]
  set({ files: merged, reading: null })
  suggestDatasetName(merged.length > 1 && options.fromFolder ? folderName(all[0]) : merged[0].name)
}

function folderName(file: File): string {
  const rel = (file as File & { webkitRelativePath?: string }).webkitRelativePath ?? ''
  const parts = rel.split('/')
  return parts.length > 1 ? parts[0] : file.name
}

// ---- preview ---------------------------------------------------------------------------------

/** Step 1 → 2: preview the sources with the current options. */
export async function goToPreview(): Promise<void> {
  const s = get()
  if (!hasSources(s)) return
  if (s.sourceMode === 'path') suggestDatasetName(s.path.trim())
  set({ step: 'preview', mapping: undefined })
  await runPreview()
}

export function backToSource(): void {
  ++previewGen
  set({ step: 'source', importError: null, result: null, job: null })
}

export async function runPreview(): Promise<void> {
  const g = ++previewGen
  const s = get()
  const sources = sourcesOf(s)
  if (!sources.length) return
  const preview = () =>
    api.imports.previewCsv({ sources, kind: s.kind, mapping: s.mapping, dateFormat: s.dateFormat, delimiter: s.delimiter })
  const data = await load((preview) => set({ preview }), preview, { isLatest: () => g === previewGen, keep: s.preview.data })
  if (data) set({ mapping: data.mapping })
}

/** Maps column `column` to `field` (or nothing); a field lives in one column only. */
export function setColumnField(column: number, field: CsvField | null): void {
  const next: ColumnMapping = {}
  for (const [f, c] of Object.entries(get().mapping ?? {}) as [CsvField, number][]) {
    if (c !== column && f !== field) next[f] = c
  }
  if (field) next[field] = column
  set({ mapping: next })
  void runPreview()
}

export function setDateFormat(dateFormat: DateFormat): void {
  set({ dateFormat })
  void runPreview()
}

export function setDelimiter(delimiter: Delimiter | undefined): void {
  // A new delimiter changes the columns: let the backend detect the mapping again.
  set({ delimiter, mapping: undefined })
  void runPreview()
}

// ---- import ----------------------------------------------------------------------------------

export async function startImport(): Promise<void> {
  const s = get()
  if (!canImport(s)) return
  set({ step: 'import', running: true, result: null, importError: null })
  const outcome = await jobs.run(
    'import',
    (jobId) =>
      api.imports.importCsv({
        sources: sourcesOf(s),
        kind: s.kind,
        mapping: s.mapping,
        dateFormat: s.dateFormat,
        delimiter: s.delimiter,
        datasetName: s.datasetName.trim(),
        jobId,
      }),
    (job) => set({ job }),
  )
  if (outcome.status === 'done') {
    set({ running: false, result: outcome.value })
    // The new dataset shows up in the list, selected.
    void loadDatasets({ select: outcome.value.datasetId })
  } else if (outcome.status !== 'stale') {
    set({ running: false, importError: outcome.error })
  }
}

/** Stops the running import; it may have finished meanwhile, then its reply settles the state. */
export async function cancelImport(): Promise<void> {
  if (get().running) await jobs.cancel('import')
}

/** After a failed import: back to the preview to fix the options. */
export function backToPreview(): void {
  set({ step: 'preview', importError: null, job: null })
}
