import { create } from 'zustand'
import type { ColumnMapping, CsvKind, CsvPreview, DateFormat, ErrorData, ImportResult } from '../../../../electron/contract'
import type { JobSlot } from '../jobs'
import type { Loadable } from '../loadable'

export type Delimiter = ',' | ';' | '\t' | '|'
export const delimiters: readonly Delimiter[] = [',', ';', '\t', '|']

/** A file read in the browser, sent to the backend as `{name, text}`. */
export interface LoadedFile {
  name: string
  /** Bytes on disk (before any gzip decompression). */
  size: number
  text: string
}

export interface ReadProgress {
  file: string
  filesDone: number
  filesTotal: number
  bytesDone: number
  bytesTotal: number
}

export type SourceMode = 'files' | 'path'
export type ImportStep = 'source' | 'preview' | 'import'

export interface ImportsSlice {
  open: boolean
  step: ImportStep
  kind: CsvKind
  sourceMode: SourceMode
  files: LoadedFile[]
  reading: ReadProgress | null
  readError: string | null
  /** A file or folder path on the backend's machine. */
  path: string

  preview: Loadable<CsvPreview>
  /** The user's mapping (starts as the detected one); undefined = let the backend detect. */
  mapping: ColumnMapping | undefined
  dateFormat: DateFormat
  /** undefined = auto-detect. */
  delimiter: Delimiter | undefined

  datasetName: string
  /** The name was suggested from the files (not typed): a new source may replace it. */
  nameSuggested: boolean
  /** The running (or last) import job. */
  job: JobSlot | null
  running: boolean
  result: ImportResult | null
  importError: ErrorData | null
}

export const initialImports = (): Omit<ImportsSlice, 'open'> => ({
  step: 'source',
  kind: 'ohlcv',
  sourceMode: 'files',
  files: [],
  reading: null,
  readError: null,
  path: '',
  preview: { status: 'idle', data: null, error: null },
  mapping: undefined,
  dateFormat: 'auto',
  delimiter: undefined,
  datasetName: '',
  nameSuggested: true,
  job: null,
  running: false,
  result: null,
  importError: null,
})

export const useImports = create<ImportsSlice>(() => ({ open: false, ...initialImports() }))
