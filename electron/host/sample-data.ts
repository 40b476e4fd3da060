import type { SampleImportState } from '../contract'
import type { Db } from '../db/open'
import { importSampleData, sampleImported } from '../services/market'
import { etaMs } from '../shared/eta'
import type { EventBus } from '../shared/event-bus'

/**
 * First run: imports the bundled real sample data into the app database, reporting
 * progress to every renderer. Later runs find it there and do nothing.
 */
export class SampleData {
  state: SampleImportState = { state: 'idle', phase: '', done: 0, total: 0, etaMs: null, message: null }
  readonly ready: Promise<void>

  constructor(
    db: Db,
    resourcesDataDir: string,
    private readonly bus: EventBus,
    enabled: boolean,
  ) {
    this.ready = enabled && !sampleImported(db) ? this.importNow(db, resourcesDataDir) : this.alreadyThere(db)
  }

  private async alreadyThere(db: Db): Promise<void> {
    this.state = { ...this.state, state: sampleImported(db) ? 'done' : 'idle' }
  }

  private async importNow(db: Db, dir: string): Promise<void> {
    const started = Date.now()
    this.update({ state: 'running', phase: 'starting', done: 0, total: 0, etaMs: null, message: null })
    try {
      const summary = await importSampleData(db, dir, ({ phase, done, total }) => {
        this.update({ state: 'running', phase, done, total, etaMs: etaMs(started, done, total), message: null })
      })
      this.update({
        ...this.state,
        state: 'done',
        phase: 'done',
        etaMs: 0,
        message: `imported ${summary.rows.toLocaleString('en-US')} bars in ${summary.datasets.length} datasets (${summary.datasets
          .reduce((n, d) => n + d.warnings, 0)
          .toLocaleString('en-US')} warnings) in ${(summary.durationMs / 1000).toFixed(1)} s`,
      })
    } catch (err) {
      this.update({ ...this.state, state: 'failed', etaMs: null, message: err instanceof Error ? err.message : String(err) })
    }
  }

  private update(state: SampleImportState): void {
    this.state = state
    this.bus.emit('sample.import', state)
  }
}
