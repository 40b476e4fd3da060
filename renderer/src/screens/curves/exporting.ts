/** Every curves view exports its numbers (CSV, built by the backend like the CLI's) and its chart (PNG). */
import { api } from '../../api/client'
import type { CurveWhat } from '../../../../electron/contract'
import { tableQuery } from '../../stores/curves/actions'

function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

export async function exportCsv(what: CurveWhat): Promise<void> {
  const query = tableQuery(what)
  if (!query) return
  const { filename, text } = await api.curves.csv(query)
  download(new Blob([text], { type: 'text/csv' }), filename)
}

/** Every canvas inside `el` composed at its place on the page, on the panel colour, as a PNG. */
export function exportPng(el: HTMLElement | null, filename: string): void {
  if (!el) return
  const box = el.getBoundingClientRect()
  const scale = window.devicePixelRatio || 1
  const out = document.createElement('canvas')
  out.width = Math.round(box.width * scale)
  out.height = Math.round(box.height * scale)
  const ctx = out.getContext('2d')
  if (!ctx) return
  ctx.fillStyle = getComputedStyle(document.documentElement).getPropertyValue('--panel').trim() || '#161a21'
  ctx.fillRect(0, 0, out.width, out.height)
  for (const c of Array.from(el.querySelectorAll('canvas'))) {
    const r = c.getBoundingClientRect()
    if (r.width === 0 || r.height === 0) continue
    ctx.drawImage(c, (r.left - box.left) * scale, (r.top - box.top) * scale, r.width * scale, r.height * scale)
  }
  out.toBlob((blob) => blob && download(blob, `${filename}.png`), 'image/png')
}
