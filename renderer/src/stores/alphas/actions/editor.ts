import { api } from '../../../api/client'
import type { ErrorData } from '../../../../../electron/contract'
import { asErrorData } from '../../../components/issues'
import { applySuggestionTo } from '../selectors'
import type { AlphasSlice } from '../state'
import { loadLibrary } from './library'
import { selectKeys } from './selection'
import { get, requests, set, timers } from './store'

export const PARSE_DEBOUNCE_MS = 150

const setEditor = (partial: Partial<AlphasSlice['editor']>) => set({ editor: { ...get().editor, ...partial } })

/** Each keystroke: the text now, the parse once typing pauses (~150 ms). */
export function setEditorText(text: string): void {
  setEditor({ text, save: { status: 'idle', error: null } })
  clearTimeout(timers.parse)
  if (!text.trim()) {
    requests.drop('parse')
    setEditor({ parse: { status: 'idle', text, result: null, error: null } })
    return
  }
  setEditor({ parse: { ...get().editor.parse, status: 'parsing' } })
  timers.parse = setTimeout(() => void parseNow(), PARSE_DEBOUNCE_MS)
}

export async function parseNow(): Promise<void> {
  clearTimeout(timers.parse)
  const text = get().editor.text
  const isLatest = requests.start('parse')
  if (!text.trim()) return
  try {
    const result = await api.alphas.parse({ text })
    if (!isLatest()) return
    setEditor({ parse: { status: result.ok ? 'ok' : 'error', text, result, error: null } })
  } catch (err) {
    if (!isLatest()) return
    setEditor({ parse: { status: 'failed', text, result: null, error: asErrorData(err) } })
  }
}

/** Replaces the unknown name at the error with the parser's suggestion. */
export function applySuggestion(): void {
  const { parse, text } = get().editor
  if (parse.result && !parse.result.ok && parse.text === text && parse.result.error.suggestion) {
    setEditorText(applySuggestionTo(text, parse.result.error))
    void parseNow()
  }
}

export function setEditorName(name: string): void {
  setEditor({ name, save: { status: 'idle', error: null } })
}

export function setIncludeAdhoc(include: boolean): void {
  setEditor({ include })
}

/** Loads a formula's text into the editor (to start a variant of it). */
export function editFormula(text: string, name: string): void {
  setEditorName(name)
  setEditorText(text)
  void parseNow()
}

/** Saves the editor's formula under its name; it joins the list, selected (and leaves the ad-hoc slot). */
export async function saveFormula(): Promise<void> {
  const { text, name } = get().editor
  if (!name.trim() || !text.trim()) {
    setEditor({
      save: { status: 'error', error: { code: 'VALIDATION', message: name.trim() ? 'Type a formula first.' : 'Give the formula a name.' } },
    })
    return
  }
  setEditor({ save: { status: 'saving', error: null } })
  try {
    const formula = await api.alphas.saveFormula({ name: name.trim(), text })
    setEditor({ save: { status: 'idle', error: null }, include: false })
    await loadLibrary()
    selectKeys([formula.key])
    set({ focusedKey: formula.key })
  } catch (err) {
    setEditor({ save: { status: 'error', error: asErrorData(err) } })
  }
}

export async function deleteFormula(key: string): Promise<ErrorData | null> {
  try {
    await api.alphas.deleteFormula({ key })
    selectKeys([key], false)
    await loadLibrary()
    return null
  } catch (err) {
    return asErrorData(err)
  }
}
