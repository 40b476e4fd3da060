import { useEffect } from 'react'
import { startBacktests } from '../../stores/backtests/actions'
import { BacktestForm } from './BacktestForm'
import { RunList } from './RunList'
import { RunQueue } from './RunQueue'
import { RunView } from './RunView'
import './backtests.css'

/** SL/TP backtests: the form, launched and stored runs on the left; the open run on the right. */
export function BacktestsScreen() {
  useEffect(() => startBacktests(), [])
  return (
    <div className="backtests-screen" data-testid="backtests-screen">
      <aside className="bt-side">
        <RunQueue />
        <BacktestForm />
        <RunList />
      </aside>
      <section className="bt-main">
        <RunView />
      </section>
    </div>
  )
}
