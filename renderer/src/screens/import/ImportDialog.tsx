import { Modal } from '../../components/Modal'
import { backToPreview, backToSource, cancelImport, closeImport, goToPreview, startImport } from '../../stores/imports/actions'
import { canImport, hasSources, previewErrors } from '../../stores/imports/selectors'
import { useImports, type ImportStep } from '../../stores/imports/state'
import { useMarket } from '../../stores/market/state'
import { ImportProgress } from './ImportProgress'
import { PreviewStep } from './PreviewStep'
import { SourceStep } from './SourceStep'
import './import.css'

const steps: { key: ImportStep; label: string }[] = [
  { key: 'source', label: 'Files' },
  { key: 'preview', label: 'Preview & mapping' },
  { key: 'import', label: 'Import' },
]

/** Import CSV files into a new dataset: pick files (or a backend path) → preview and map columns → import with progress. */
export function ImportDialog() {
  const step = useImports((s) => s.step)
  const running = useImports((s) => s.running)
  const at = steps.findIndex((s) => s.key === step)

  return (
    <Modal title="Import CSV" onClose={closeImport} closable={!running} testId="import-dialog" width={1040} footer={<Footer />}>
      <ol className="stepper" aria-label="Import steps">
        {steps.map((s, i) => (
          <li key={s.key} className={i === at ? 'current' : i < at ? 'done' : ''} aria-current={i === at ? 'step' : undefined}>
            <span className="step-num">{i + 1}</span>
            {s.label}
          </li>
        ))}
      </ol>
      {step === 'source' && <SourceStep />}
      {step === 'preview' && <PreviewStep />}
      {step === 'import' && <ImportProgress />}
    </Modal>
  )
}

function Footer() {
  const state = useImports()
  const { step, running, result, importError } = state
  const errors = previewErrors(state)
  const datasets = useMarket((s) => s.datasets.data)
  const datasetNames = datasets?.map((d) => d.name)

  if (step === 'source') {
    return (
      <>
        <span className="foot-note muted">Esc closes</span>
        <button onClick={closeImport}>Cancel</button>
        <button className="primary" disabled={!hasSources(state)} onClick={() => void goToPreview()} data-testid="import-next">
          Preview →
        </button>
      </>
    )
  }
  if (step === 'preview') {
    const name = state.datasetName.trim()
    const taken = Boolean(name && datasetNames?.includes(name))
    const ready = canImport(state) && !taken
    const why =
      state.preview.status === 'loading'
        ? 'Waiting for the preview…'
        : state.preview.status === 'error'
          ? 'The preview failed: fix the input first.'
          : errors > 0
            ? `Fix ${errors === 1 ? 'the error' : `the ${errors} errors`} first (column mapping, date format).`
            : !name
              ? 'Give the dataset a name.'
              : taken
                ? `A dataset named “${name}” already exists: choose another name.`
                : ''
    return (
      <>
        <span
          className={`foot-note ${errors || taken || state.preview.status === 'error' ? 'error-text' : 'muted'}`}
          data-testid="import-blocked-reason"
        >
          {why}
        </span>
        <button onClick={backToSource}>← Back</button>
        <button className="primary" disabled={!ready} onClick={() => void startImport()} data-testid="import-submit">
          Import
        </button>
      </>
    )
  }
  // step === 'import'
  if (running) {
    return (
      <>
        <span className="foot-note muted">Cancelling writes nothing: the import is one transaction.</span>
        <button onClick={() => void cancelImport()} data-testid="import-cancel">
          Cancel import
        </button>
      </>
    )
  }
  if (result) {
    return (
      <button className="primary" onClick={closeImport} data-testid="import-close">
        Done
      </button>
    )
  }
  return (
    <>
      {importError && <button onClick={backToPreview}>← Back to preview</button>}
      <button onClick={closeImport}>Close</button>
    </>
  )
}
