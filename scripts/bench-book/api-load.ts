/**
 * The live API under load on loopback: `alphadesk api` in its own process, autocannon opening
 * a new trade per request (each with its own Idempotency-Key) for a bounded time. Afterwards
 * every 2xx must be exactly one row in the book: none lost, none written twice.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { openDatabase } from '../../electron/db/open'

export interface ApiLoad {
  requests: number
  ok: number
  non2xx: number
  errors: number
  perSecond: number
  p50: number
  p99: number
  rows: number
  distinct: number
  /** Acknowledged (201) trades missing from the book. */
  lost: number
  /** Written but not acknowledged: in flight when the load stopped. */
  unacknowledged: number
  serverCpuMs: number
}

function startApi(root: string, dataDir: string): Promise<{ child: ChildProcess; url: string; token: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'electron/cli/main.ts'), 'api', '--port', '0', '--data-dir', dataDir],
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
    child.on('exit', (code) => reject(new Error(`api exited (${code}): ${out}`)))
  })
}

export async function apiLoad(root: string, dataDir: string, seconds: number, connections: number): Promise<ApiLoad> {
  const { child, url, token } = await startApi(root, dataDir)
  let n = 0
  const run = Date.now().toString(36)
  const acked: string[] = []
  try {
    const result = await autocannon({
      url,
      connections,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          path: '/v1/trades',
          setupRequest: (req) => {
            const k = `${run}-${n++}`
            return {
              ...req,
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': k },
              body: JSON.stringify({
                user: 'bench',
                alpha: k,
                instrument: 'ES',
                side: n % 2 ? 'buy' : 'sell',
                quantity: 1,
                price: 5000 + (n % 100),
              }),
            }
          },
          onResponse: (status, body) => {
            const alpha = status === 201 ? /"alpha":"([^"]+)"/.exec(body)?.[1] : undefined
            if (alpha) acked.push(alpha)
          },
        },
      ],
    })
    const usage = await new Promise<number>((resolve) => {
      // The server's CPU time: from /proc while it still runs (Linux), else unknown.
      try {
        const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ')
        resolve(((Number(stat[11]) + Number(stat[12])) * 1000) / 100)
      } catch {
        resolve(Number.NaN)
      }
    })
    const exited = new Promise((r) => child.once('exit', r))
    child.kill('SIGTERM')
    await exited
    const db = openDatabase(join(dataDir, 'alphadesk.sqlite'), { readonly: true })
    const rows = db.prepare("SELECT count(*) FROM trades WHERE user = 'bench' AND alpha LIKE ?").pluck().get(`${run}-%`) as number
    const distinct = db
      .prepare("SELECT count(DISTINCT alpha) FROM trades WHERE user = 'bench' AND alpha LIKE ?")
      .pluck()
      .get(`${run}-%`) as number
    const inBook = new Set(db.prepare("SELECT alpha FROM trades WHERE user = 'bench' AND alpha LIKE ?").pluck().all(`${run}-%`) as string[])
    db.close()
    const lost = acked.filter((a) => !inBook.has(a)).length
    return {
      requests: result.requests.total,
      ok: result['2xx'],
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
      perSecond: result['2xx'] / seconds,
      p50: result.latency.p50,
      p99: result.latency.p99,
      rows,
      distinct,
      lost,
      unacknowledged: rows - (acked.length - lost),
      serverCpuMs: usage,
    }
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL')
  }
}
