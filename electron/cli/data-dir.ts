import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

/** CLI and browser mode keep their data in --data-dir, else $ALPHADESK_DATA_DIR, else ~/.alphadesk. */
export function resolveDataDir(flag: string | undefined): string {
  return resolve(flag ?? process.env.ALPHADESK_DATA_DIR ?? join(homedir(), '.alphadesk'))
}
