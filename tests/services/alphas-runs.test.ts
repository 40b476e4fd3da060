import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../electron/db/open'
import type { EnginePool } from '../../electron/pool/pool'
import type { AppJobs } from '../../electron/host/jobs'
import { loadNative } from '../../electron/native/addon'
import { formulaApi, createAlphaService } from '../../electron/services/alphas'
import { runsLocation, runsToEvict } from '../../electron/services/alphas/run-file'
import { repoRoot } from './fixtures/market-helpers'
import { tempDir } from './helpers/temp'

const dir = tempDir('alphas-runs')
afterAll(() => dir.remove())

function fakeRun(runsDir: string, id: string, bytes: number, ageMs: number, complete = true) {
  mkdirSync(runsDir, { recursive: true })
  const when = new Date(Date.now() - ageMs)
  writeFileSync(join(runsDir, `${id}.bin`), Buffer.alloc(bytes))
  utimesSync(join(runsDir, `${id}.bin`), when, when)
  if (complete) {
    writeFileSync(join(runsDir, `${id}.json`), '{}')
    utimesSync(join(runsDir, `${id}.json`), when, when)
  }
}

describe('run files', () => {
  it('eviction keeps the newest runs within the count and size caps, and fresh incomplete ones', () => {
    const runs = join(dir.path, 'evict')
    fakeRun(runs, 'newest', 100, 1_000)
    fakeRun(runs, 'second', 100, 2_000)
    fakeRun(runs, 'third', 100, 3_000)
    fakeRun(runs, 'fourth', 100, 4_000)
    fakeRun(runs, 'writing', 100, 1_000, false) // a compute still writing its file
    fakeRun(runs, 'crashed', 100, 10 * 60_000, false) // left by a killed worker
    const gone = (paths: string[]) => paths.map((p) => p.split('/').at(-1)).sort()
    expect(gone(runsToEvict(runs, 3))).toEqual(['crashed.bin', 'fourth.bin', 'fourth.json'])
    // Size cap: the newest two always stay.
    expect(gone(runsToEvict(runs, 10, 150))).toEqual(['crashed.bin', 'fourth.bin', 'fourth.json', 'third.bin', 'third.json'])
    expect(gone(runsToEvict(runs, 1, Infinity, new Set(['fourth'])))).toEqual(['crashed.bin', 'third.bin', 'third.json'])
  })

  it.runIf(process.platform === 'linux')('memory-backed runs: per process, removed at shutdown, swept when their process is gone', () => {
    const dataDir = join(dir.path, 'data')
    const deadPid = 2 ** 22 + 4321 // above Linux's largest pid_max: no such process
    const dead = runsLocation(dataDir, deadPid)
    expect(dead.memory).toBe(true)
    expect(dead.dir).toMatch(new RegExp(`^/dev/shm/alphadesk-\\d+-[0-9a-f]{12}/${deadPid}/runs$`))
    fakeRun(dead.dir, 'orphan', 10, 0)

    const db = openDatabase(join(dataDir, 'alphadesk.sqlite'))
    const service = createAlphaService({
      db,
      pool: {} as EnginePool<AppJobs>,
      dataDir,
      resourcesDir: join(repoRoot, 'resources'),
      engine: () => formulaApi(loadNative()),
    })
    expect(existsSync(dirname(dead.dir))).toBe(false)
    expect(service.runsDir).toBe(runsLocation(dataDir).dir)
    fakeRun(service.runsDir, 'mine', 10, 0)
    service.close()
    expect(existsSync(service.runsDir)).toBe(false)
    expect(existsSync(dirname(dirname(service.runsDir)))).toBe(false)
    db.close()
  })
})
