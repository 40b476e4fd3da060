import { create } from 'zustand'
import type { PoolStatus } from '../../../../electron/contract'

export interface EngineSlice {
  status: PoolStatus
  connected: boolean
}

export const usePool = create<EngineSlice>(() => ({
  status: { workers: [], jobs: [] },
  connected: true,
}))
