/**
 * Writing under a temporary name and renaming once complete: a reader (or the user's
 * spreadsheet) never sees half a file, and a failed or cancelled export leaves nothing.
 */
import { randomBytes } from 'node:crypto'
import { rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** A hidden temporary name in the destination's folder (same filesystem, so rename is atomic). */
export function tempPathFor(out: string): string {
  return join(dirname(out), `.${basename(out)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`)
}

export async function writeAtomically<T>(out: string, write: (tmp: string) => Promise<T>): Promise<T> {
  const tmp = tempPathFor(out)
  try {
    const result = await write(tmp)
    await rename(tmp, out)
    return result
  } catch (err) {
    await rm(tmp, { force: true })
    throw err
  }
}
