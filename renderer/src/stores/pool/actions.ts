import { api, onConnection, onEvent } from '../../api/client'
import { usePool } from './state'

/** Keeps the pool status (workers, jobs) live: an initial fetch, then pushed events. */
export function startPoolStatus(): () => void {
  const refresh = () =>
    api.jobs.status().then(
      (status) => usePool.setState({ status }),
      () => {},
    )
  void refresh()
  const offStatus = onEvent('pool.status', (status) => usePool.setState({ status }))
  const offConn = onConnection((connected) => {
    usePool.setState({ connected })
    if (connected) void refresh()
  })
  return () => {
    offStatus()
    offConn()
  }
}
