/**
 * XLSX written as a stream: the sheet XML is generated row by row straight into a deflate
 * stream inside a zip (zip.ts), so a million rows never sit in memory and cost about what the
 * text costs (exceljs's streaming writer builds an object per cell: about 60 s of CPU for a
 * million 23-column trades here; exceljs stays the reader in the tests). Typed cells (numbers,
 * booleans, dates and times with a date format, inline text), a bold frozen header, a sheet
 * per batch group when asked, a new sheet past Excel's row limit.
 */
import type { FileSink } from '../sink'
import { type Batch, type ColumnData, type ExportColumn, type FormatWriter, isDict } from '../types'
import { valueAt, isMissing } from '../cells'
import {
  columnLetters,
  contentTypes,
  escapeXml,
  rootRels,
  sheetEnd,
  sheetStart,
  style,
  stylesXml,
  workbookRels,
  workbookXml,
} from './parts'
import { ZipStream } from './zip'

/** Excel's limit is 1,048,576 rows including the header. */
export const xlsxMaxDataRows = 1_048_575
/** Excel's day count of 1970-01-01. */
const epochSerial = 25_569

/** Sheet names: at most 31 characters, none of []:*?/\ and unique in the workbook. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base = (wanted.replace(/[[\]:*?/\\]/g, '_').trim() || 'Sheet').slice(0, 31)
  let name = base
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - ` (${i})`.length)} (${i})`
  taken.add(name.toLowerCase())
  return name
}

type CellXml = (k: number, ref: string) => string

const inline = (ref: string, text: string) =>
  `<c r="${ref}" t="inlineStr"><is><t${/^\s|\s$/.test(text) ? ' xml:space="preserve"' : ''}>${escapeXml(text)}</t></is></c>`

function cellXml(column: ExportColumn, data: ColumnData): CellXml {
  if (isDict(data)) {
    const cells = new Map<number, string>()
    const { dict, codes } = data
    return (k, ref) => {
      const code = codes[k]
      let body = cells.get(code)
      if (body === undefined) {
        body = inline('@', dict[code]).slice(6) // everything after `<c r="@` — the ref is put in front below
        cells.set(code, body)
      }
      return `<c r="${ref}${body}`
    }
  }
  switch (column.type) {
    case 'int':
    case 'float':
      return (k, ref) => {
        const v = data[k] as number
        return v !== null && v - v === 0 ? `<c r="${ref}"><v>${v}</v></c>` : ''
      }
    case 'bool':
      return (k, ref) => {
        const v = data[k]
        return isMissing(v) ? '' : `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`
      }
    case 'date':
    case 'timestamp': {
      const s = column.type === 'date' ? style.date : style.time
      return (k, ref) => {
        const v = data[k] as number | null
        return v === null || v === undefined || v - v !== 0 ? '' : `<c r="${ref}" s="${s}"><v>${v / 86_400 + epochSerial}</v></c>`
      }
    }
    default:
      return (k, ref) => {
        const v = valueAt(data, k)
        return v === null || v === undefined ? '' : inline(ref, String(v))
      }
  }
}

export function xlsxWriter(
  sink: FileSink,
  columns: ExportColumn[],
  options: { sheetName?: string; sheetPerGroup?: boolean },
): FormatWriter {
  const zip = new ZipStream(sink)
  const names: string[] = []
  const taken = new Set<string>()
  const letters = columns.map((_, j) => columnLetters(j))
  const widths = columns.map((c) => (c.type === 'timestamp' ? 20 : c.type === 'date' ? 12 : Math.max(10, Math.min(40, c.name.length + 2))))
  const header = `<row r="1">${columns.map((c, j) => inline(`${letters[j]}1`, c.name).replace('<c ', `<c s="${style.header}" `)).join('')}</row>`
  const baseName = options.sheetName ?? 'data'
  let open = false
  let sheetRows = 0
  let group: string | undefined
  let part = 1

  const openSheet = async (name: string) => {
    if (open) await zip.write(Buffer.from(sheetEnd))
    names.push(sheetName(name, taken))
    await zip.begin(`xl/worksheets/sheet${names.length}.xml`)
    await zip.write(Buffer.from(sheetStart(widths) + header))
    open = true
    sheetRows = 0
  }

  return {
    async write(batch: Batch) {
      const cells = batch.columns.map((data, j) => cellXml(columns[j], data))
      let s = ''
      for (let k = 0; k < batch.length; k++) {
        if (!open || (options.sheetPerGroup && batch.group !== group)) {
          if (s) await zip.write(Buffer.from(s, 'utf8'))
          s = ''
          group = batch.group
          part = 1
          await openSheet(options.sheetPerGroup && group !== undefined ? group : baseName)
        } else if (sheetRows === xlsxMaxDataRows) {
          if (s) await zip.write(Buffer.from(s, 'utf8'))
          s = ''
          part++
          await openSheet(`${options.sheetPerGroup && group !== undefined ? group : baseName} (${part})`)
        }
        const r = sheetRows + 2
        let row = `<row r="${r}">`
        for (let j = 0; j < cells.length; j++) row += cells[j](k, `${letters[j]}${r}`)
        s += `${row}</row>`
        sheetRows++
      }
      if (s) await zip.write(Buffer.from(s, 'utf8'))
    },
    async finish() {
      if (!open) await openSheet(baseName) // an empty export still has its header
      await zip.write(Buffer.from(sheetEnd))
      await zip.end()
      await zip.file('[Content_Types].xml', contentTypes(names.length))
      await zip.file('_rels/.rels', rootRels)
      await zip.file('xl/workbook.xml', workbookXml(names))
      await zip.file('xl/_rels/workbook.xml.rels', workbookRels(names.length))
      await zip.file('xl/styles.xml', stylesXml)
      await zip.finish()
    },
    async abort() {},
  }
}
