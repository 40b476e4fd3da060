/**
 * Out-of-order replies: requests of one kind (the bars of the selected instrument, a parse of the
 * editor text…) can come back in any order. Each request takes a ticket; a reply is applied only
 * while its ticket is still the newest of its kind, so a slow old reply never overwrites newer state.
 * Kinds may be listed up front (for the type) or made up on the way (one per tear-sheet key).
 */
export function latestRequests<K extends string = string>(_kinds: readonly K[] = []) {
  const newest = new Map<K, number>()
  const ticket = (kind: K, n: number) => () => (newest.get(kind) ?? 0) === n
  const bump = (kind: K) => {
    const n = (newest.get(kind) ?? 0) + 1
    newest.set(kind, n)
    return n
  }
  return {
    /** A new request of this kind: returns "is it still the newest?" for its reply. */
    start(kind: K): () => boolean {
      return ticket(kind, bump(kind))
    },
    /** Joins the newest request of this kind (a next page of the same query). */
    join(kind: K): () => boolean {
      return ticket(kind, newest.get(kind) ?? 0)
    },
    /** Replies to requests of these kinds already sent are dropped. */
    drop(...dropped: K[]): void {
      for (const kind of dropped) bump(kind)
    },
  }
}

export type LatestRequests<K extends string = string> = ReturnType<typeof latestRequests<K>>
