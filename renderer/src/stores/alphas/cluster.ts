/**
 * Hierarchical clustering of a correlation matrix (average linkage on the distance 1 − ρ; a
 * missing ρ counts as 0): the leaf order of the dendrogram, so alphas that carry the same bet
 * sit next to each other in the heatmap.
 */
export function clusterOrder(matrix: readonly (readonly (number | null)[])[]): number[] {
  const n = matrix.length
  if (n < 3) return Array.from({ length: n }, (_, i) => i)
  const dist = (i: number, j: number) => 1 - (matrix[i][j] ?? 0)
  // Each cluster: its leaves in order; average-linkage distances between live clusters.
  const clusters: (number[] | null)[] = Array.from({ length: n }, (_, i) => [i])
  const d: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : dist(i, j))))
  for (let step = 0; step < n - 1; step++) {
    let best = Number.POSITIVE_INFINITY
    let a = -1
    let b = -1
    for (let i = 0; i < n; i++) {
      if (!clusters[i]) continue
      for (let j = i + 1; j < n; j++) {
        if (!clusters[j]) continue
        if (d[i][j] < best) {
          best = d[i][j]
          a = i
          b = j
        }
      }
    }
    const ca = clusters[a] as number[]
    const cb = clusters[b] as number[]
    // Orient the merge so the closest ends meet.
    const ends = [
      [ca, cb],
      [ca, [...cb].reverse()],
      [[...ca].reverse(), cb],
      [[...ca].reverse(), [...cb].reverse()],
    ] as const
    let merged = [...ca, ...cb]
    let gap = Number.POSITIVE_INFINITY
    for (const [x, y] of ends) {
      const g = dist(x[x.length - 1], y[0])
      if (g < gap) {
        gap = g
        merged = [...x, ...y]
      }
    }
    for (let k = 0; k < n; k++) {
      if (!clusters[k] || k === a || k === b) continue
      const v = (d[a][k] * ca.length + d[b][k] * cb.length) / (ca.length + cb.length)
      d[a][k] = v
      d[k][a] = v
    }
    clusters[a] = merged
    clusters[b] = null
  }
  return clusters.find((c) => c !== null) as number[]
}
