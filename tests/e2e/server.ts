import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'

export interface ServeProcess {
  url: string
  origin: string
  child: ChildProcess
  output: () => string
}

/** Starts the real built CLI (`alphadesk serve`) and waits for its URL and the sample import. */
export function startServe(dataDir: string, root: string): Promise<ServeProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'out', 'main', 'cli.js'), 'serve', '--data-dir', dataDir, '--port', '0'], {
      cwd: root,
      env: { ...process.env, ALPHADESK_ALLOW_SELFTEST: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let url: string | null = null
    const timer = setTimeout(() => reject(new Error(`serve did not get ready in time:\n${out}`)), 180_000)
    const onData = (chunk: Buffer) => {
      out += chunk.toString()
      url ??= out.match(/open: (http:\/\/\S+)/)?.[1] ?? null
      // Ready once the URL is out and the first-run sample import has finished (or was already done).
      if (url && /^sample data: /m.test(out)) {
        clearTimeout(timer)
        resolve({ url, origin: new URL(url).origin, child, output: () => out })
      }
      if (/sample data import failed/.test(out)) reject(new Error(out))
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}:\n${out}`)))
  })
}
