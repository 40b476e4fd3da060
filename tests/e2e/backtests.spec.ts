import { expect, type Page, test } from '@playwright/test'
import { appUrl, countPixels, shot } from './helpers'

async function openScreen(page: Page): Promise<void> {
  page.on('pageerror', (err) => console.error(`page error: ${err.message}`))
  await page.goto(appUrl())
  await expect(page.getByTestId('statusbar')).toContainText(/Engine: 2\/2 workers/)
  await page.getByTestId('nav-backtests').click()
  await expect(page.getByTestId('backtests-screen')).toBeVisible()
  // The one-minute S&P 500 sample is chosen first.
  await expect(page.getByTestId('bt-instrument')).toContainText('SPX')
}

async function fillGrid(page: Page, sl: [string, string, string], tp: [string, string, string]): Promise<void> {
  await page.getByTestId('bt-unit').selectOption('price')
  for (const [i, k] of (['from', 'to', 'step'] as const).entries()) {
    await page.getByTestId(`bt-sl-${k}`).fill(sl[i])
    await page.getByTestId(`bt-tp-${k}`).fill(tp[i])
  }
}

/** Clicks the heatmap cell (row = SL index, col = TP index) from the geometry the component publishes. */
async function clickCell(page: Page, row: number, col: number, shotName?: string): Promise<void> {
  const map = page.getByTestId('bt-heatmap')
  const g = await map.evaluate((el) => ({
    left: Number(el.getAttribute('data-left')),
    top: Number(el.getAttribute('data-top')),
    w: Number(el.getAttribute('data-cell-w')),
    h: Number(el.getAttribute('data-cell-h')),
  }))
  await map.locator('canvas').hover({ position: { x: g.left + (col + 0.5) * g.w, y: g.top + (row + 0.5) * g.h } })
  await expect(page.getByTestId('sweep-tip')).toBeVisible()
  if (shotName) await shot(page, shotName)
  await map.locator('canvas').click({ position: { x: g.left + (col + 0.5) * g.w, y: g.top + (row + 0.5) * g.h } })
}

test.describe('backtests', () => {
  test('a sweep on the sample: heatmap, click a cell, its trades on the chart; keep; compare two runs', async ({ page }) => {
    await openScreen(page)
    await page.getByTestId('bt-length').fill('15')
    await expect(page.getByTestId('bt-generator-text')).toContainText('close > delay(ts_max(high, 15), 1)')
    await fillGrid(page, ['0.5', '5', '0.5'], ['0.5', '8', '0.5'])
    await expect(page.getByTestId('bt-launch')).toHaveText('Launch 160 sets')
    await page.getByTestId('bt-launch').click()
    const run = page.getByTestId('bt-run')
    await expect(run).toBeVisible()
    await expect(page.getByTestId('bt-heatmap')).toHaveAttribute('data-rows', '10')
    await expect(page.getByTestId('bt-heatmap')).toHaveAttribute('data-cols', '16')
    // The best set opens by itself; its trades are on the chart.
    await expect(page.getByTestId('bt-set')).toBeVisible()
    await expect(page.getByTestId('bt-queue-item').first()).toHaveAttribute('data-status', 'done')
    await shot(page, 'backtests-sweep')

    await clickCell(page, 3, 5, 'backtests-hover')
    await expect(page.getByTestId('bt-set')).toHaveAttribute('data-sl', '2')
    await expect(page.getByTestId('bt-set')).toHaveAttribute('data-tp', '3')
    const trades = Number(await page.getByTestId('bt-trades').getAttribute('data-count'))
    expect(trades).toBeGreaterThan(5)
    await expect(page.getByTestId('bt-trade-chart')).toHaveAttribute('data-trades', String(trades))
    // Pick the third trade: it is selected on the chart, with its SL / TP lines drawn.
    await page.getByTestId('bt-trade-row').nth(2).click()
    await expect(page.getByTestId('bt-trade-chart')).toHaveAttribute('data-selected', '2')
    await page.waitForTimeout(300)
    expect(await countPixels(page, '[data-testid="bt-trade-chart"]', [239, 83, 80], 30)).toBeGreaterThan(50)
    await shot(page, 'backtests-set')

    await page.getByTestId('bt-keep').click()
    await expect(page.getByTestId('bt-keep')).toContainText('Kept')

    // A second run with another tie policy, then the two side by side.
    await page.getByTestId('bt-tie').selectOption('target')
    await page.getByTestId('bt-launch').click()
    await expect(page.getByTestId('bt-run-item')).toHaveCount(2)
    await expect(page.getByTestId('bt-queue-item').first()).toHaveAttribute('data-status', 'done')
    await page.getByTestId('bt-compare-toggle').nth(1).check()
    await expect(page.getByTestId('bt-compare')).toBeVisible()
    await page.getByTestId('bt-metric').selectOption('winRate')
    // One colour scale for both heatmaps, stated under each.
    const scales = page.getByTestId('bt-compare-scale')
    await expect(scales).toHaveCount(2)
    await expect(scales.first()).toContainText('one colour scale for both runs')
    expect(await scales.first().textContent()).toBe(await scales.nth(1).textContent())
    await shot(page, 'backtests-compare')
    await page.getByTestId('bt-compare-close').click()
    await expect(page.getByTestId('bt-heatmap')).toBeVisible()
  })

  test('a long sweep shows progress and can be cancelled; bad input is named before launching', async ({ page }) => {
    await openScreen(page)
    await page.getByTestId('bt-signals-formula').click()
    await page.getByTestId('bt-long').fill('close > delay(close, 1)')
    await page.getByTestId('bt-short').fill('close < delay(close, 1)')
    await page.getByTestId('bt-overlap').check()
    await page.getByText('only where the condition becomes true').click()
    await fillGrid(page, ['0.01', '10', '0.01'], ['0.02', '20', '0.04'])
    await expect(page.getByTestId('bt-launch')).toHaveText('Launch 500,000 sets')
    await page.getByTestId('bt-launch').click()
    const item = page.getByTestId('bt-queue-item').first()
    await expect(item.getByTestId('bt-cancel')).toBeVisible()
    await expect(item.getByTestId('bt-eta')).toBeVisible()
    await expect(item).toContainText(/[1-9]\d?%/, { timeout: 30_000 })
    await shot(page, 'backtests-progress')
    await item.getByTestId('bt-cancel').click()
    await expect(item).toHaveAttribute('data-status', 'cancelled')
    await expect(item).toContainText('nothing was stored')

    await page.getByTestId('bt-sl-from').fill('-1')
    await expect(page.getByTestId('bt-launch')).toBeDisabled()
    await expect(page.locator('.bt-problem')).toContainText('SL from: at least')
    await page.getByTestId('bt-sl-from').fill('1')
    await page.getByTestId('bt-long').fill('close > ts_mxa(high, 5)')
    await page.getByTestId('bt-sl-to').fill('2')
    await page.getByTestId('bt-sl-step').fill('1')
    await page.getByTestId('bt-launch').click()
    await expect(page.getByTestId('bt-queue-item').first()).toHaveAttribute('data-status', 'failed')
    await expect(page.getByTestId('bt-queue-item').first()).toContainText("unknown function 'ts_mxa'")
    await shot(page, 'backtests-errors')
  })
})
