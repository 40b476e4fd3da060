/**
 * The part of the Rust engine's addon the alpha screens use: panel files, formula evaluation
 * and the formula parser (types from the addon's generated index.d.ts).
 */
import type { NativeAddon } from '../../native/addon'

export type FormulaApi = Pick<NativeAddon, 'writePanel' | 'evaluateFormulas' | 'parseFormula'>
export type PanelInput = Parameters<NativeAddon['writePanel']>[1]

/** The addon as the formula API (a clear error when the loaded build predates it). */
export function formulaApi(addon: NativeAddon): FormulaApi {
  const e = addon as Partial<FormulaApi>
  if (typeof e.evaluateFormulas !== 'function' || typeof e.writePanel !== 'function' || typeof e.parseFormula !== 'function') {
    throw new Error('the native engine build has no formula API (writePanel/evaluateFormulas/parseFormula); rebuild it with `npm run build:native`')
  }
  return addon
}
