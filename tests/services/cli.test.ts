import { afterAll, describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { cli, root } from './helpers/cli'
import { tempDir } from './helpers/temp'

// The real CLI, run from source in its own process, on a real data directory.
const dir = tempDir('cli')
const fixtures = join(root, 'tests', 'services', 'fixtures', 'market')

afterAll(() => dir.remove())

describe('alphadesk CLI', () => {
  it('prints usage for no command and refuses an unknown one', () => {
    expect(cli().code).toBe(1)
    const unknown = cli('frobnicate')
    expect(unknown.code).toBe(2)
    expect(unknown.err).toMatch(/unknown command 'frobnicate'/)
  })

  it('info on a fresh data directory says nothing is there yet', () => {
    const r = cli('info', '--data-dir', dir.path)
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/not created yet/)
  })

  it('imports a folder of per-symbol files and lists the dataset', () => {
    const r = cli('import', '--data-dir', dir.path, '--name', 'Oil majors', join(fixtures, 'per_symbol'))
    expect(r.err + r.out).toMatch(/imported \d+ rows, 2 instruments/)
    expect(r.code).toBe(0)
    const info = cli('info', '--data-dir', dir.path)
    expect(info.out).toMatch(/oil.majors\s+stocks\s+2 instruments/i)
  })

  it('rejects a malformed file naming file, line and field, and writes nothing', () => {
    const bad = join(dir.path, 'bad.csv')
    writeFileSync(bad, 'date,symbol,close\n2024-01-02,AAA,10\n2024-01-03,AAA,ten\n')
    const r = cli('import', '--data-dir', dir.path, '--name', 'Broken', bad)
    expect(r.code).toBe(1)
    expect(r.err).toMatch(/bad\.csv:3:3: close: /)
    expect(r.err).toMatch(/nothing was imported/)
    expect(cli('info', '--data-dir', dir.path).out).not.toMatch(/broken/i)
  })
})
