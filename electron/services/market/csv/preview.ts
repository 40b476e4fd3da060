import type { CsvPreview } from '../../../contract'
import { parseCsvOptions, type CsvOptionsInput } from './options'
import { readCsvFiles } from './read'
import { anyPath, type PathPolicy } from '../../../shared/path-policy'
import { resolveSources } from './sources'

/** Rows of the first file shown raw in a preview. */
export const PREVIEW_ROWS = 20

/**
 * Reads and validates the files exactly as an import would, and writes nothing: header,
 * detected mapping/format/delimiter, the first rows, counts, warnings and errors. Paths are
 * checked by `paths`: the default trusts the caller (CLI, tests); hosts pass their policy.
 */
export async function previewCsv(options: CsvOptionsInput, signal?: AbortSignal, paths: PathPolicy = anyPath): Promise<CsvPreview> {
  const opts = parseCsvOptions(options)
  const files = await resolveSources(opts.sources, paths)
  const r = await readCsvFiles(files, {
    kind: opts.kind,
    mapping: opts.mapping,
    dateFormat: opts.dateFormat,
    delimiter: opts.delimiter,
    sampleRows: PREVIEW_ROWS,
    signal,
  })
  const first = r.files[0]
  return {
    files: r.files.map((f) => ({ name: f.name, rows: f.rows })),
    header: first?.header ?? [],
    mapping: first?.mapping ?? {},
    dateFormat: r.dateFormat ?? opts.dateFormat,
    delimiter: first?.delimiter ?? ',',
    sample: r.sample,
    rowCount: r.files.reduce((s, f) => s + f.rows, 0),
    symbols: r.data.symbols.length,
    warnings: r.warnings.list(),
    errors: r.errors.list(),
  }
}
