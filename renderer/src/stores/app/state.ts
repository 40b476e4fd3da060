import { create } from 'zustand'
import type { AppInfo, SampleImportState } from '../../../../electron/contract'
// Type only: the screens registry imports the screens, which import the stores.
import type { ScreenId } from '../../app/screens'

export interface AppSlice {
  screen: ScreenId
  info: AppInfo | null
  sample: SampleImportState | null
  error: string | null
}

export const useApp = create<AppSlice>(() => ({ screen: 'data', info: null, sample: null, error: null }))
