/**
 * Out-of-order replies: requests of one kind (the bars of the selected instrument, a parse of the
 * editor text…) can come back in any order. Each request takes a ticket; a reply is applied only
 * while its ticket is still the newest of its kind, so a slow old reply never overwrites newer state.
 */
export function latestRequests<K extends string>(kinds: readonly K[]) {
  const newest = Object.fromEntries(kinds.map((k) => [k, 0])) as Record<K, number>
  const ticket = (kind: K, n: number) => () => newest[kind] === n
  return {
    /** A new request of this kind: returns "is it still the newest?" for its reply. */
    start(kind: K): () => boolean {
      return ticket(kind, ++newest[kind])
    },
    /** Joins the newest request of this kind (a next page of the same query). */
    join(kind: K): () => boolean {
      return ticket(kind, newest[kind])
    },
    /** Replies to requests of these kinds already sent are dropped. */
    drop(...dropped: K[]): void {
      for (const kind of dropped) ++newest[kind]
    },
  }
}
