import { get, set } from './store'

/** Which alphas are picked for the next compute, and the one shown in full. */
export function setSearch(search: string): void {
  set({ search })
}

export function toggleKey(key: string): void {
  const s = get()
  set({ selected: s.selected.includes(key) ? s.selected.filter((k) => k !== key) : [...s.selected, key], focusedKey: key })
}

/** Adds (or, with `on` false, removes) these keys. */
export function selectKeys(keys: readonly string[], on = true): void {
  const s = get()
  if (on) {
    const have = new Set(s.selected)
    set({ selected: [...s.selected, ...keys.filter((k) => !have.has(k))] })
  } else {
    const drop = new Set(keys)
    set({ selected: s.selected.filter((k) => !drop.has(k)) })
  }
}

export function clearSelected(): void {
  set({ selected: [] })
}

export function focusKey(key: string | null): void {
  set({ focusedKey: key })
}
