import { rmSync } from 'node:fs'

export default async function globalTeardown() {
  const pid = Number(process.env.ALPHADESK_E2E_PID)
  if (pid) {
    try {
      process.kill(pid, 'SIGTERM')
    } catch {
      // already gone
    }
  }
  await new Promise((r) => setTimeout(r, 500))
  if (process.env.ALPHADESK_E2E_DATA) rmSync(process.env.ALPHADESK_E2E_DATA, { recursive: true, force: true })
}
