import { z } from 'zod'
import { method } from './define'

export type HostMode = 'electron' | 'browser'

export interface SampleImportState {
  state: 'idle' | 'running' | 'done' | 'failed'
  phase: string
  done: number
  total: number
  etaMs: number | null
  message: string | null
}

export interface AppInfo {
  version: string
  engineVersion: string
  mode: HostMode
  dataDir: string
  dbPath: string
  schemaVersion: number
  sampleImport: SampleImportState
}

export const app = {
  info: method<AppInfo>()(z.object({}).default({})),
}
