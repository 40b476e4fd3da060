/**
 * Browser mode has no save dialog: an export is written under <dataDir>/downloads/<id>/ and
 * fetched once by the page (the serve server hands out this folder, behind its token).
 * Old downloads are swept.
 */
import { randomUUID } from 'node:crypto'
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'

export const downloadsDir = (dataDir: string) => join(dataDir, 'downloads')
const maxAgeMs = 60 * 60_000

export function newDownload(dataDir: string, fileName: string): { path: string; url: string } {
  sweepDownloads(dataDir)
  const id = randomUUID()
  const dir = join(downloadsDir(dataDir), id)
  mkdirSync(dir, { recursive: true })
  return { path: join(dir, fileName), url: `/downloads/${id}/${encodeURIComponent(fileName)}` }
}

export function sweepDownloads(dataDir: string): void {
  const root = downloadsDir(dataDir)
  let names: string[]
  try {
    names = readdirSync(root)
  } catch {
    return
  }
  for (const name of names) {
    try {
      if (Date.now() - statSync(join(root, name)).mtimeMs > maxAgeMs) rmSync(join(root, name), { recursive: true, force: true })
    } catch {
      // gone meanwhile
    }
  }
}

/** The file for a /downloads/<id>/<name> path, or null (ids are UUIDs, names a plain file name: no way out of the folder). */
export function downloadFile(dataDir: string, pathname: string): string | null {
  const m = /^\/downloads\/([0-9a-f-]{36})\/([^/\\]+)$/.exec(pathname)
  if (!m) return null
  let name: string
  try {
    name = decodeURIComponent(m[2])
  } catch {
    return null
  }
  if (name.includes('/') || name.includes('\\') || name.startsWith('.')) return null
  return join(downloadsDir(dataDir), m[1], name)
}
