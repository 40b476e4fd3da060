/**
 * The part of the native addon the alpha screens use: panel files, formula evaluation and
 * the formula parser (types from the addon's generated index.d.ts).
 */
import type { NativeEngine } from '../../engine/native'

export type AlphaEngine = Pick<NativeEngine, 'writePanel' | 'evaluateFormulas' | 'parseFormula'>
export type PanelInput = Parameters<NativeEngine['writePanel']>[1]

/** The addon as the formula API (a clear error when the loaded build predates it). */
export function alphaEngine(engine: NativeEngine): AlphaEngine {
  const e = engine as Partial<AlphaEngine>
  if (typeof e.evaluateFormulas !== 'function' || typeof e.writePanel !== 'function' || typeof e.parseFormula !== 'function') {
    throw new Error('the native engine build has no formula API (writePanel/evaluateFormulas/parseFormula); rebuild it with `npm run build:native`')
  }
  return engine
}
