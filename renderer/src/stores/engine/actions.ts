import { api, onConnection, onEvent } from '../../api/client'
import { useEngine } from './state'

/** Keeps the engine status live: an initial fetch, then pushed events. */
export function startEngineStatus(): () => void {
  const refresh = () =>
    api.jobs.status().then(
      (status) => useEngine.setState({ status }),
      () => {},
    )
  void refresh()
  const offStatus = onEvent('engine.status', (status) => useEngine.setState({ status }))
  const offConn = onConnection((connected) => {
    useEngine.setState({ connected })
    if (connected) void refresh()
  })
  return () => {
    offStatus()
    offConn()
  }
}
