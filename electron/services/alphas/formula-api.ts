/**
 * The part of the Rust engine's addon the alpha screens use: panel files, formula evaluation
 * and the formula parser (types from the addon's generated index.d.ts).
 */
import type { NativeAddon } from '../../native/addon'

export type FormulaApi = Pick<NativeAddon, 'writePanel' | 'evaluateFormulas' | 'parseFormula' | 'diagnoseCoverage'>
export type PanelInput = Parameters<NativeAddon['writePanel']>[1]

/** The addon as the formula API (a clear error when the loaded build predates it). */
export function formulaApi(addon: NativeAddon): FormulaApi {
  const e = addon as Partial<FormulaApi>
  const needed = ['evaluateFormulas', 'writePanel', 'parseFormula', 'diagnoseCoverage'] as const
  if (needed.some((k) => typeof e[k] !== 'function')) {
    throw new Error(
      'the native engine build has no formula API (writePanel/evaluateFormulas/parseFormula/diagnoseCoverage); rebuild it with `npm run build:native`',
    )
  }
  return addon
}
