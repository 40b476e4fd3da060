import { useState, type RefObject } from 'react'
import type { CurveWhat } from '../../../../electron/contract'
import { exportCsv, exportPng } from './exporting'

/** "CSV" (the view's numbers, as the CLI writes them) and "PNG" (the view's charts). */
export function ExportButtons({ what, target, name }: { what: CurveWhat; target: RefObject<HTMLElement | null>; name: string }) {
  const [error, setError] = useState<string | null>(null)
  return (
    <span className="curves-export">
      <button
        type="button"
        data-testid={`export-csv-${what}`}
        onClick={() =>
          exportCsv(what).then(
            () => setError(null),
            (e: Error) => setError(e.message),
          )
        }
        title="Download this view's numbers as CSV"
      >
        CSV
      </button>
      <button
        type="button"
        data-testid={`export-png-${what}`}
        onClick={() => exportPng(target.current, name)}
        title="Download the chart as PNG"
      >
        PNG
      </button>
      {error && <span className="error-text">{error}</span>}
    </span>
  )
}
