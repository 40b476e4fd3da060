import { useEffect, useState } from 'react'

/** The current time, ticking every `everyMs` while `active` (elapsed / ETA displays). */
export function useNow(active: boolean, everyMs: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!active) return
    const t = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(t)
  }, [active, everyMs])
  return now
}
