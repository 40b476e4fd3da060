import { api, onEvent } from '../../api/client'
import type { ScreenId } from '../../app/screens'
import { useApp } from './state'

export function navigate(screen: ScreenId): void {
  useApp.setState({ screen })
}

export function startAppInfo(): () => void {
  api.app.info().then(
    (info) => useApp.setState({ info, sample: info.sampleImport }),
    (err: Error) => useApp.setState({ error: err.message }),
  )
  return onEvent('sample.import', (sample) => {
    useApp.setState({ sample })
    if (sample.state === 'done') void api.app.info().then((info) => useApp.setState({ info }))
  })
}
