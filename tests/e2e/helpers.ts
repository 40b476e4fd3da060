import type { Page } from '@playwright/test'
import { join, resolve } from 'node:path'

export const screenshotDir = resolve(import.meta.dirname, 'output', 'screenshots')

export function appUrl(): string {
  const url = process.env.ALPHADESK_E2E_URL
  if (!url) throw new Error('ALPHADESK_E2E_URL is not set: run through tests/e2e/playwright.config.ts')
  return url
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshotDir, `${name}.png`) })
}

/** Counts canvas pixels of a colour inside an element: proves the chart really drew something. */
export async function countPixels(page: Page, selector: string, rgb: [number, number, number], tolerance = 12): Promise<number> {
  return page.$eval(
    selector,
    (el, [r, g, b, tol]) => {
      let n = 0
      for (const canvas of Array.from(el.querySelectorAll('canvas'))) {
        const ctx = canvas.getContext('2d')
        if (!ctx || canvas.width === 0 || canvas.height === 0) continue
        const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data
        for (let i = 0; i < data.length; i += 4) {
          if (Math.abs(data[i] - r) <= tol && Math.abs(data[i + 1] - g) <= tol && Math.abs(data[i + 2] - b) <= tol && data[i + 3] > 200) n++
        }
      }
      return n
    },
    [...rgb, tolerance] as const,
  )
}
