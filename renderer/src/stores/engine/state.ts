import { create } from 'zustand'
import type { EngineStatus } from '../../../../electron/contract'

export interface EngineSlice {
  status: EngineStatus
  connected: boolean
}

export const useEngine = create<EngineSlice>(() => ({
  status: { workers: [], jobs: [] },
  connected: true,
}))
