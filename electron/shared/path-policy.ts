import { lstat, realpath, stat } from 'node:fs/promises'
import { dirname, isAbsolute, relative, resolve } from 'node:path'
import { AppError } from '../contract'
import { quote } from './quote'

/**
 * Which paths on the backend's machine a client may have read as CSV. The CLI trusts its
 * user (`anyPath`); browser mode reads only inside one import folder (`importFolder`);
 * Electron reads only what the user picked in a dialog the main process opened
 * (`pickedPaths`). Every check resolves symlinks first, so a link cannot lead out.
 */
export interface PathPolicy {
  /** The real path to read for a path a client gave, or a FORBIDDEN / NOT_FOUND error. */
  check(path: string): Promise<string>
  /** Whether a folder's entries must be regular files (symlinks are then skipped as well). */
  readonly strict: boolean
}

/** Trusted callers (CLI, tests): any path, links followed. */
export const anyPath: PathPolicy = {
  check: async (path) => path,
  strict: false,
}

function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

async function realOrNotFound(path: string, shown: string): Promise<string> {
  try {
    return await realpath(path)
  } catch {
    throw new AppError('NOT_FOUND', `no such file or folder: ${quote(shown, 300)}`)
  }
}

/** A regular file or a folder; anything else (device, FIFO, socket) is refused. */
async function assertReadable(real: string, shown: string): Promise<void> {
  const st = await stat(real)
  if (!st.isFile() && !st.isDirectory()) throw new AppError('FORBIDDEN', `not a regular file or folder: ${quote(shown, 300)}`)
}

/**
 * Browser mode: paths inside `folder` only (relative paths are taken from it). The path is
 * checked as written, then again after resolving links: `folder/link -> /etc` is refused.
 */
export function importFolder(folder: string): PathPolicy {
  const root = resolve(folder)
  const outside = (given: string) =>
    new AppError('FORBIDDEN', `${quote(given, 300)} is outside the import folder ${root}; copy the file there, or import it with the CLI`)
  return {
    strict: true,
    async check(given) {
      const path = resolve(root, given)
      if (!inside(root, path)) throw outside(given)
      const realRoot = await realpath(root).catch(() => {
        throw new AppError('NOT_FOUND', `the import folder ${root} does not exist`)
      })
      const real = await realOrNotFound(path, given)
      if (!inside(realRoot, real)) throw outside(given)
      await assertReadable(real, given)
      return real
    },
  }
}

/** The paths a main-process dialog returned this session: files, or folders and the files directly in them. */
export class PickedPaths {
  private readonly picked = new Set<string>()

  add(path: string): void {
    this.picked.add(resolve(path))
  }

  has(path: string): boolean {
    const p = resolve(path)
    return this.picked.has(p) || this.picked.has(dirname(p))
  }
}

/** Electron: only what the user picked in an open dialog (exact paths, never typed ones). */
export function pickedPaths(picked: PickedPaths): PathPolicy {
  return {
    strict: true,
    async check(given) {
      if (!isAbsolute(given) || !picked.has(given)) {
        throw new AppError('FORBIDDEN', `${quote(given, 300)} was not chosen in the file dialog; use "Choose…" to pick it`)
      }
      const real = await realOrNotFound(given, given)
      await assertReadable(real, given)
      return real
    },
  }
}

/** For folders under a strict policy: is this entry a regular file itself (not a link to one)? */
export async function isPlainFile(path: string): Promise<boolean> {
  const st = await lstat(path).catch(() => null)
  return st?.isFile() ?? false
}
