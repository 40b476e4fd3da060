import type { Backend } from '../host/backend'

export function formatEta(ms: number | null): string {
  if (ms === null) return '…'
  const s = Math.ceil(ms / 1000)
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`
}

/** Prints the first-run sample import's progress on one line of the terminal. */
export function printSampleProgress(backend: Backend): () => void {
  let last = 0
  return backend.bus.subscribe((name, payload) => {
    if (name !== 'sample.import') return
    const p = payload as import('../contract').SampleImportState
    const now = Date.now()
    if (p.state === 'running' && now - last < 500) return
    last = now
    const pct = p.total > 0 ? ((100 * p.done) / p.total).toFixed(0) : '0'
    if (p.state === 'running') console.log(`importing sample data: ${p.phase} ${pct}% (ETA ${formatEta(p.etaMs)})`)
  })
}
