import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { MAX_CSV_RECORD_CHARS, MAX_QUOTED_CHARS } from '../../electron/contract/limits'
import { createBackend, type Backend } from '../../electron/host/backend'
import { PickedPaths, pickedPaths } from '../../electron/shared/path-policy'
import { previewCsv } from '../../electron/services/market'
import { clip, quote } from '../../electron/shared/quote'
import { tempDir } from './helpers/temp'

// Hostile input through the real router, the real addon and real files.
const dir = tempDir('hardening-input')
const importDir = join(dir.path, 'imports')
const outside = join(dir.path, 'outside')
let browser: Backend
let electron: Backend
const picked = new PickedPaths()

const csv = 'date,symbol,close\n2024-01-02,A,1\n2024-01-03,A,2\n'

beforeAll(() => {
  mkdirSync(outside)
  writeFileSync(join(outside, 'secret.csv'), csv)
  browser = createBackend({ dataDir: join(dir.path, 'b'), mode: 'browser', workers: 1, importSample: false, importDir })
  electron = createBackend({
    dataDir: join(dir.path, 'e'),
    mode: 'electron',
    workers: 1,
    importSample: false,
    importPaths: pickedPaths(picked),
  })
  // Created by the backend (browser-mode default) so a user can find it.
  writeFileSync(join(importDir, 'prices.csv'), csv)
  mkdirSync(join(importDir, 'folder'))
  writeFileSync(join(importDir, 'folder', 'AAA.csv'), csv)
  symlinkSync(join(outside, 'secret.csv'), join(importDir, 'link.csv'))
  symlinkSync(join(outside, 'secret.csv'), join(importDir, 'folder', 'BBB.csv'))
  symlinkSync(outside, join(importDir, 'outside-dir'))
})

afterAll(async () => {
  await browser.close()
  await electron.close()
  dir.remove()
})

const preview = (b: Backend, path: string) => b.dispatch('imports.previewCsv', { sources: [{ path }], kind: 'ohlcv' })

describe('method lookup by own properties only', () => {
  it('prototype names are UNKNOWN_METHOD, not a crash in the lookup', async () => {
    for (const channel of [
      '__proto__.toString',
      '__proto__.hasOwnProperty',
      'constructor.name',
      'app.__proto__',
      'app.constructor',
      'toString.call',
    ]) {
      expect(await browser.dispatch(channel, {}), channel).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
    }
  })

  it('quotes at most ~80 characters of an unknown channel', async () => {
    const reply = await browser.dispatch(`x.${'y'.repeat(100_000)}`, {})
    expect(reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
    if (!reply.ok) expect(reply.error.message.length).toBeLessThan(200)
  })
})

describe('formula nesting through the real addon (the editor parses as the user types)', () => {
  const deep = `${'('.repeat(5000)}close${')'.repeat(5000)}`

  it('alphas.parse answers a parse error with its position instead of overflowing the stack', async () => {
    const reply = await browser.dispatch('alphas.parse', { text: deep })
    expect(reply).toMatchObject({ ok: true, value: { ok: false, error: { column: 257 } } })
    if (reply.ok)
      expect((reply.value as { error: { message: string } }).error.message).toMatch(
        /^formula nested too deeply \(more than 256 levels\) at column 257/,
      )
    for (const text of [`${'-'.repeat(19_000)}close`, `close${' + 1'.repeat(4000)}`, `${'rank('.repeat(3000)}close${')'.repeat(3000)}`]) {
      expect(await browser.dispatch('alphas.parse', { text })).toMatchObject({
        ok: true,
        value: { ok: false, error: { message: expect.stringMatching(/nested too deeply/) } },
      })
    }
  })

  it('saving such a formula is a VALIDATION error', async () => {
    const reply = await browser.dispatch('alphas.saveFormula', { name: 'deep', text: deep })
    expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/nested too deeply/) } })
  })

  it('the process is still fine afterwards', async () => {
    expect(await browser.dispatch('alphas.parse', { text: 'rank(close)' })).toMatchObject({
      ok: true,
      value: { ok: true, normalized: 'rank(close)' },
    })
  })
})

describe('error messages quote at most ~80 characters of a value', () => {
  it('the helper', () => {
    expect(quote('abc')).toBe("'abc'")
    const long = quote('x'.repeat(1_000_000))
    expect(long).toBe(`'${'x'.repeat(MAX_QUOTED_CHARS)}… (1000000 characters)'`)
    // Never half a surrogate pair.
    expect(clip(`${'a'.repeat(79)}😀😀`)).toBe(`${'a'.repeat(79)}… (83 characters)`)
  })

  it('a 200 KB cell makes a short CSV error', async () => {
    // 200k digits then a letter: also the input that made the old number pattern backtrack for about a minute.
    const cell = `${'9'.repeat(200_000)}x`
    const p = await previewCsv({
      sources: [{ name: 'big.csv', text: `date,symbol,close\n2024-01-02,A,${cell}\n${cell},A,1\n` }],
      kind: 'ohlcv',
    })
    const messages = p.errors.map((e) => e.message)
    expect(messages.length).toBeGreaterThanOrEqual(1)
    for (const m of messages) expect(m.length).toBeLessThan(200)
    expect(messages[0]).toMatch(/^not a number: '9{80}… \(200001 characters\)'$/)
    expect(JSON.stringify(p).length).toBeLessThan(5000)
  })

  it('a record over the size limit is one error, not a 200 MB message', async () => {
    const huge = 'z'.repeat(MAX_CSV_RECORD_CHARS + 10)
    const p = await previewCsv({ sources: [{ name: 'huge.csv', text: `date,symbol,close\n2024-01-02,A,${huge}\n` }], kind: 'ohlcv' })
    expect(p.errors[0]).toMatchObject({ file: 'huge.csv', message: expect.stringMatching(/^a record longer than 256 KiB/) })
    expect(JSON.stringify(p).length).toBeLessThan(5000)
  })

  it('a huge header name is cut wherever it shows', async () => {
    const name = 'h'.repeat(100_000)
    const p = await previewCsv({
      sources: [{ name: 'h.csv', text: `date,symbol,${name}\n2024-01-02,A,1\n` }],
      kind: 'ohlcv',
      mapping: { date: 0, symbol: 1, close: 2 },
    })
    expect(p.header[2].length).toBeLessThan(120)
    expect(JSON.stringify(p).length).toBeLessThan(5000)
  })
})

describe('backend-side paths: browser mode reads only inside the import folder', () => {
  it('a file or folder inside it, by absolute or relative path', async () => {
    expect(await preview(browser, join(importDir, 'prices.csv'))).toMatchObject({ ok: true, value: { rowCount: 2 } })
    expect(await preview(browser, 'prices.csv')).toMatchObject({ ok: true, value: { rowCount: 2 } })
    // The folder's symlinked BBB.csv is skipped: only AAA.csv is read.
    expect(await preview(browser, 'folder')).toMatchObject({ ok: true, value: { files: [{ name: 'AAA.csv' }] } })
  })

  it('anything outside is FORBIDDEN: absolute paths, ../, and symlinks that lead out', async () => {
    for (const path of [
      '/etc/passwd',
      join(outside, 'secret.csv'),
      '../outside/secret.csv',
      'link.csv',
      'outside-dir/secret.csv',
      'outside-dir',
    ]) {
      const reply = await preview(browser, path)
      expect(reply, path).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: expect.stringMatching(/outside the import folder/) },
      })
    }
    // Existence outside is not revealed either.
    expect(await preview(browser, '/no/such/file.csv')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await preview(browser, 'missing.csv')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('only regular files: a FIFO in the folder is refused, not read forever', async () => {
    execFileSync('mkfifo', [join(importDir, 'pipe.csv')])
    expect(await preview(browser, 'pipe.csv')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/not a regular file/) },
    })
  })

  it('the import also goes through the policy', async () => {
    const reply = await browser.dispatch('imports.importCsv', { sources: [{ path: '/etc/passwd' }], kind: 'ohlcv', datasetName: 'x' })
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

describe('backend-side paths: Electron reads only what its file dialog returned', () => {
  it('typed paths are refused, picked ones read', async () => {
    const file = join(outside, 'secret.csv')
    expect(await preview(electron, file)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/not chosen in the file dialog/) },
    })
    picked.add(file)
    expect(await preview(electron, file)).toMatchObject({ ok: true, value: { rowCount: 2 } })
    // A sibling of a picked file is not picked.
    writeFileSync(join(outside, 'other.csv'), csv)
    expect(await preview(electron, join(outside, 'other.csv'))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    // A picked folder allows the files directly in it.
    picked.add(outside)
    expect(await preview(electron, join(outside, 'other.csv'))).toMatchObject({ ok: true })
    expect(await preview(electron, 'relative.csv')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})
