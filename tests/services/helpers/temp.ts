import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A fresh directory for one test file's real SQLite files; removed afterwards. */
export function tempDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), `alphadesk-${prefix}-`))
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) }
}

export async function waitFor<T>(probe: () => T | undefined | null | false, timeoutMs = 20_000, stepMs = 20): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = probe()
    if (value) return value
    if (Date.now() > deadline) throw new Error('waitFor: timed out')
    await new Promise((r) => setTimeout(r, stepMs))
  }
}
