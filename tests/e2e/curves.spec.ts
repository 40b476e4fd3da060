import { expect, test, type Page } from '@playwright/test'
import { appUrl, countPixels, shot } from './helpers'

async function openCurves(page: Page) {
  await page.goto(appUrl())
  await expect(page.getByTestId('statusbar')).toContainText(/Engine: 2\/2 workers/)
  await page.getByTestId('nav-curves').click()
  const screen = page.getByTestId('screen-curves')
  await expect(screen).toHaveAttribute('data-root', 'CL')
  await expect(screen).toHaveAttribute('data-state', 'ready')
}

async function goTo(page: Page, iso: string) {
  await page.getByTestId('curves-date').fill(iso)
  await expect(page.getByTestId('curve-chart')).toHaveAttribute('data-date', iso)
}

test.describe('curves screen', () => {
  test('CL on 2020-04-20: curve with labels, an overlay a month earlier, playback, deviation heatmap click', async ({ page }) => {
    await openCurves(page)
    await goTo(page, '2020-04-20')
    await expect(page.getByTestId('curve-chart-box')).toContainText('front CLK20 -37.63')
    await expect(page.getByTestId('curve-chart')).toHaveAttribute('data-points', '36')
    await page.getByTestId('overlay-1m').click()
    await expect(page.getByTestId('curve-legend')).toContainText('1m ago (2020-03-20)')
    // The curve is drawn in the accent colour (#4f9dff) on the canvas.
    await expect.poll(() => countPixels(page, '[data-testid="curve-chart"]', [0x4f, 0x9d, 0xff]), { timeout: 15_000 }).toBeGreaterThan(100)
    await page.getByTestId('curve-chart').hover({ position: { x: 300, y: 120 } })
    await expect(page.getByTestId('curve-legend')).toContainText('τ')
    await shot(page, 'curves-cl-2020-04-20')

    // Play a few frames: record every redraw time the chart reports.
    await page.evaluate(() => {
      const el = document.querySelector('[data-testid="frame-ms"]') as HTMLElement
      const frames: number[] = []
      ;(window as unknown as { __frames: number[] }).__frames = frames
      new MutationObserver(() => frames.push(Number(el.dataset.frameMs))).observe(el, {
        attributes: true,
        attributeFilter: ['data-frame-ms'],
      })
    })
    await page.getByTestId('curves-speed').selectOption('20')
    await page.getByTestId('curves-play').click()
    await expect.poll(() => page.getByTestId('curve-chart').getAttribute('data-date')).not.toBe('2020-04-20')
    await page.waitForTimeout(1500)
    await page.getByTestId('curves-play').click()
    const frames = await page.evaluate(() => (window as unknown as { __frames: number[] }).__frames.filter((v) => v > 0))
    expect(frames.length).toBeGreaterThan(5)
    const sorted = [...frames].sort((a, b) => a - b)
    console.log(
      `curves playback: ${frames.length} redraws, median ${sorted[sorted.length >> 1].toFixed(2)} ms, p95 ${sorted[Math.floor(sorted.length * 0.95)].toFixed(2)} ms, max ${sorted[sorted.length - 1].toFixed(2)} ms`,
    )
    await shot(page, 'curves-playing')

    // Deviation heatmap: a click on a cell moves the curve to that cell's date.
    await page.getByTestId('curves-tab-deviation').click()
    const heatmap = page.getByTestId('deviation-heatmap')
    await expect(heatmap).toHaveAttribute('data-tenors', '36')
    const before = await page.getByTestId('curve-chart').getAttribute('data-date')
    const box = (await heatmap.boundingBox())!
    await page.mouse.click(box.x + 34 + (box.width - 34) * 0.25, box.y + 20)
    await expect.poll(() => page.getByTestId('curve-chart').getAttribute('data-date')).not.toBe(before)
    const picked = (await page.getByTestId('curve-chart').getAttribute('data-date')) as string
    expect(picked >= '2017-01-01' && picked <= '2018-01-01').toBe(true)
    // The bars of 36 tenors name as many as fit, none running into the next.
    const labels = await page
      .locator('[data-testid="deviation-view"] .bc-label')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => [r.left, r.right]))
    expect(labels.length).toBeGreaterThan(3)
    expect(labels.length).toBeLessThan(36)
    for (let k = 1; k < labels.length; k++) expect(labels[k][0]).toBeGreaterThan(labels[k - 1][1])
    await shot(page, 'curves-deviation')
  })

  test('Nelson–Siegel fits every date and shows betas and the fitted curve; spreads and PCA draw', async ({ page }) => {
    await openCurves(page)
    await goTo(page, '2020-04-20')
    await page.getByTestId('curves-tab-factors').click()
    await page.getByTestId('fit-run').click()
    await expect(page.getByTestId('betas-chart')).toBeVisible()
    await expect(page.getByTestId('fit-summary')).toContainText('1361 dates')
    await expect(page.getByTestId('legend-fit')).toContainText('Nelson–Siegel fit')
    await expect.poll(() => countPixels(page, '[data-testid="betas-chart"]', [0x4f, 0x9d, 0xff]), { timeout: 15_000 }).toBeGreaterThan(50)
    await shot(page, 'curves-ns')
    await page.getByTestId('curves-tab-spreads').click()
    await expect(page.getByTestId('spread-values')).toContainText('M1–M2')
    await expect(page.getByTestId('spreads-chart')).toBeVisible()
    await shot(page, 'curves-spreads')
    await page.getByTestId('curves-tab-pca').click()
    await expect(page.getByTestId('pca-explained')).toBeVisible()
    await shot(page, 'curves-pca')
    // Exports: the betas as CSV (the CLI's table), the PCA charts as PNG.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv-pca').click()])
    expect(csv.suggestedFilename()).toBe('CL-pca.csv')
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png-pca').click()])
    expect(png.suggestedFilename()).toBe('CL-pca.png')
    await page.getByTestId('curves-tab-specs').click()
    const gc = page.locator('[data-testid="spec-row"][data-root="GC"]')
    await expect(gc.getByTestId('spec-tickSize')).toHaveValue('0.1')
    await gc.getByTestId('spec-slippageTicks').fill('3')
    await gc.getByTestId('spec-save').click()
    await expect(gc).toContainText('(edited)')
    await shot(page, 'curves-specs')
    await gc.getByTestId('spec-reset').click()
    await expect(gc).not.toContainText('(edited)')
    await expect(gc.getByTestId('spec-slippageTicks')).toHaveValue('2')
  })

  test('VX on 2020-03-16 is in backwardation; the tenor axis; a picked overlay date', async ({ page }) => {
    await openCurves(page)
    const vx = await page.getByTestId('curves-root').locator('option', { hasText: 'VX ·' }).getAttribute('value')
    await page.getByTestId('curves-root').selectOption(vx as string)
    await expect(page.getByTestId('screen-curves')).toHaveAttribute('data-root', 'VX')
    await expect(page.getByTestId('screen-curves')).toHaveAttribute('data-state', 'ready')
    await goTo(page, '2020-03-16')
    await expect(page.getByTestId('curve-chart-box')).toContainText('front VXH20 72.63')
    await page.getByTestId('overlay-date').fill('2020-01-15')
    await expect(page.getByTestId('curve-legend')).toContainText('2020-01-15')
    await page.getByTestId('axis-tenor').click()
    await page.getByTestId('curves-tab-spreads').click()
    // VX defaults: M1–M2 spread, contango M1→M2 and M4→M7 — negative contango = backwardation.
    await expect(page.getByTestId('spread-values')).toContainText(/contango M1→M2 -\d/)
    await shot(page, 'curves-vx-2020-03-16')
  })

  test('builds a continuous contract and opens it on the Data screen', async ({ page }) => {
    await openCurves(page)
    await page.getByTestId('curves-tab-continuous').click()
    await page.getByTestId('cont-build').click()
    await expect(page.getByTestId('continuous-chart')).toBeVisible()
    await expect(page.getByTestId('cont-rolls')).toContainText(/\d+ rolls/)
    await shot(page, 'curves-continuous')
    await page.getByTestId('cont-save').click()
    await expect(page.getByTestId('cont-saved')).toContainText('CL-CONT-5D-DIFF')
    await page.getByTestId('cont-open').click()
    await expect(page.getByTestId('screen-data')).toBeVisible()
    await expect(page.getByTestId('instrument-symbol')).toHaveText('CL-CONT-5D-DIFF')
    await expect(page.getByTestId('price-chart')).toHaveAttribute('data-state', 'ready')
    await shot(page, 'curves-continuous-on-data')
  })
})
