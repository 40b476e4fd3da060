import { type ChildProcess, spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { client, openBookDb } from './helpers/book'
import { root } from './helpers/cli'
import { tempDir } from './helpers/temp'

// The live API in its own process (`alphadesk api`), killed with SIGKILL in the middle of a stream of writes.
const dir = tempDir('book-durability')
afterAll(() => dir.remove())

function startChild(): Promise<{ child: ChildProcess; url: string; token: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'electron/cli/main.ts'), 'api', '--port', '0', '--data-dir', dir.path],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (c) => {
      out += c
      const url = /^v1: (http:\/\/\S+)\/v1 /m.exec(out)?.[1]
      const token = /^token: (\S+)$/m.exec(out)?.[1]
      if (url && token) resolve({ child, url, token })
    })
    child.on('exit', (code) => reject(new Error(`API process exited early (${code})`)))
  })
}

describe('live API durability', () => {
  it('after SIGKILLs mid-stream, every acknowledged write is present and nothing is half-written', async () => {
    const acked = new Set<string>()
    let sent = 0
    for (let round = 0; round < 4; round++) {
      const { child, url, token } = await startChild()
      const call = client(url, token)
      let stop = false
      const writers = Array.from({ length: 4 }, async (_, w) => {
        while (!stop) {
          const key = `r${round}-w${w}-${sent++}`
          try {
            const r = await call(
              'POST',
              '/v1/trades',
              { user: 'dur', alpha: key, instrument: 'ES', side: 'buy', quantity: 1, price: 100, tags: ['t1', 't2'], note: key },
              { 'idempotency-key': key },
            )
            if (r.status === 201) acked.add(key)
          } catch {
            return // the server is gone
          }
        }
      })
      const exited = new Promise((r) => child.once('exit', r))
      await new Promise((r) => setTimeout(r, 150 + 100 * round))
      child.kill('SIGKILL')
      stop = true
      await Promise.all(writers)
      await exited
    }
    expect(acked.size).toBeGreaterThan(10)
    const db = openBookDb(dir.path)
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      const trades = db.prepare("SELECT id, alpha, note, tags FROM trades WHERE user = 'dur'").all() as {
        id: number
        alpha: string
        note: string
        tags: string
      }[]
      const byKey = new Map(trades.map((t) => [t.alpha, t]))
      for (const key of acked) expect(byKey.has(key), `acknowledged ${key} missing`).toBe(true)
      // Whole or absent: each trade has its note, both tag rows and its idempotency record, and each record its trade.
      const tagCount = db.prepare('SELECT count(*) FROM trade_tags WHERE trade_id = ?').pluck()
      const keys = new Set(db.prepare('SELECT key FROM api_idempotency').pluck().all() as string[])
      for (const t of trades) {
        expect(t.note).toBe(t.alpha)
        expect(JSON.parse(t.tags)).toEqual(['t1', 't2'])
        expect(tagCount.get(t.id)).toBe(2)
        expect(keys.has(t.alpha)).toBe(true)
      }
      for (const key of keys) expect(byKey.has(key)).toBe(true)
    } finally {
      db.close()
    }
  })
})
