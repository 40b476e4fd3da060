import { create } from 'zustand'
import { idle, type Loadable } from '../loadable'
import { idleTask, type Task } from '../task'
import type {
  ContinuousSeries,
  ContractSpec,
  CurveDeviation,
  CurveFit,
  CurvePanelView,
  CurvePca,
  CurveRoot,
  CurveSeriesSet,
  ErrorData,
  FitModel,
  SpreadKind,
} from '../../../../electron/contract'

export const curveTabs = ['deviation', 'spreads', 'factors', 'pca', 'continuous', 'specs'] as const
export type CurveTab = (typeof curveTabs)[number]

/** Overlay dates: presets relative to the current date, or a picked date (unix seconds). */
export const overlayPresets = ['1d', '1w', '1m', '3m', '1y'] as const
export type OverlayPreset = (typeof overlayPresets)[number]
export interface Overlay {
  id: string
  /** A preset follows the current date; a picked date stays put. */
  preset: OverlayPreset | null
  date: number | null
}
export const maxOverlays = 20

export interface SpreadConfig {
  pairs: { kind: SpreadKind; a: number; b: number }[]
  cm: number[]
  slopeTenors: number
}

export interface FitConfig {
  model: FitModel
  fitLambda: boolean
  lambda: number
  lambda2: number
  minTau: number
}

export interface ContinuousConfig {
  rule: 'days' | 'volume' | 'openInterest'
  days: number
  adjust: 'none' | 'difference' | 'ratio'
}

export interface SavedContinuous {
  instrumentId: number
  datasetId: number
  symbol: string
  bars: number
}

export interface CurvesSlice {
  roots: Loadable<CurveRoot[]>
  datasetId: number | null
  root: string | null
  panel: Loadable<CurvePanelView>
  /** Index into panel.dates of the curve shown. */
  dateIndex: number
  axis: 'tau' | 'tenor'
  showPrevious: boolean
  overlays: Overlay[]
  playing: boolean
  /** Dates per second while playing. */
  speed: number
  /** Milliseconds the last redraw took (set by the chart; e2e and the status line read it). */
  frameMs: number | null
  tab: CurveTab
  deviation: Loadable<CurveDeviation>
  devMode: 'abs' | 'pct'
  devTenors: number[]
  spreadConfig: SpreadConfig
  spreads: Loadable<CurveSeriesSet>
  fitConfig: FitConfig
  fit: Task<CurveFit>
  pcaMaturities: number[]
  pca: Loadable<CurvePca>
  continuousConfig: ContinuousConfig
  continuous: Loadable<ContinuousSeries>
  saved: Loadable<SavedContinuous>
  specs: Loadable<ContractSpec[]>
  specError: ErrorData | null
}

export const defaultSpreads = (root: string | null): SpreadConfig =>
  root === 'VX'
    ? {
        pairs: [
          { kind: 'spread', a: 1, b: 2 },
          { kind: 'contango', a: 1, b: 2 },
          { kind: 'contango', a: 4, b: 7 },
          { kind: 'rollYield', a: 1, b: 2 },
        ],
        cm: [30, 60, 90],
        slopeTenors: 0,
      }
    : {
        pairs: [
          { kind: 'spread', a: 1, b: 2 },
          { kind: 'spread', a: 1, b: 12 },
          { kind: 'contango', a: 1, b: 2 },
          { kind: 'rollYield', a: 1, b: 2 },
        ],
        cm: [30, 90, 180],
        slopeTenors: 12,
      }

export const useCurves = create<CurvesSlice>(() => ({
  roots: idle(),
  datasetId: null,
  root: null,
  panel: idle(),
  dateIndex: 0,
  axis: 'tau',
  showPrevious: true,
  overlays: [],
  playing: false,
  speed: 20,
  frameMs: null,
  tab: 'deviation',
  deviation: idle(),
  devMode: 'abs',
  devTenors: [2, 3, 4, 6],
  spreadConfig: defaultSpreads(null),
  spreads: idle(),
  fitConfig: { model: 'ns', fitLambda: false, lambda: 0.0058, lambda2: 0.03, minTau: 0 },
  fit: idleTask<CurveFit>(),
  pcaMaturities: [30, 60, 90, 120, 150, 180],
  pca: idle(),
  continuousConfig: { rule: 'days', days: 5, adjust: 'difference' },
  continuous: idle(),
  saved: idle(),
  specs: idle(),
  specError: null,
}))
