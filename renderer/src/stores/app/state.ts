import { create } from 'zustand'
import type { AppInfo, SampleImportState } from '../../../../electron/contract'

export const screens = ['data', 'alphas', 'curves', 'backtests', 'book'] as const
export type Screen = (typeof screens)[number]

export interface AppSlice {
  screen: Screen
  info: AppInfo | null
  sample: SampleImportState | null
  error: string | null
}

export const useApp = create<AppSlice>(() => ({ screen: 'data', info: null, sample: null, error: null }))
