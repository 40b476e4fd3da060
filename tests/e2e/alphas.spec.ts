import { expect, test, type Page } from '@playwright/test'
import { appUrl, countPixels, shot } from './helpers'

/** Ticks the alphas with these numbers (searching the list for each). */
async function chooseAlphas(page: Page, numbers: number[]): Promise<void> {
  for (const n of numbers) {
    await page.getByTestId('alphas-search').fill(String(n))
    const option = page.locator(`[data-testid="alpha-option"][data-key="alpha${String(n).padStart(3, '0')}"]`)
    await option.getByTestId('alpha-check').check()
  }
  await page.getByTestId('alphas-search').fill('')
  await expect(page.getByTestId('alphas-selected-count')).toHaveText(`${numbers.length} selected`)
}

/** The value cells of one column in the rendered rows, top to bottom. */
async function columnValues(page: Page, col: number, rows = 12): Promise<(number | null)[]> {
  return page.$$eval(
    `[data-testid="cross-row"] [data-testid="cross-value"][data-col="${col}"]`,
    (cells, limit) =>
      cells
        .map((c) => ({ top: c.closest('[data-testid="cross-row"]')!.getBoundingClientRect().top, v: c.getAttribute('data-value') }))
        .sort((a, b) => a.top - b.top)
        .slice(0, limit)
        .map((c) => (c.v === '' || c.v === null ? null : Number(c.v))),
    rows,
  )
}

const isSorted = (values: (number | null)[], dir: 'asc' | 'desc') => {
  const nums = values.filter((v): v is number => v !== null)
  return nums.every((v, i) => i === 0 || (dir === 'desc' ? nums[i - 1] >= v : nums[i - 1] <= v))
}

test.describe('alpha screens', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(appUrl())
    await expect(page.getByTestId('statusbar')).toContainText(/Engine: 2\/2 workers/)
    await page.getByTestId('nav-alphas').click()
    await expect(page.getByTestId('screen-alphas')).toBeVisible()
    await expect(page.locator('[data-testid="alpha-option"]')).toHaveCount(101)
  })

  test('a typo in a formula shows the parse error as you type, with the nearest known name', async ({ page }) => {
    await expect(page.getByTestId('alphas-empty')).toBeVisible()
    await page.getByTestId('formula-input').fill('rank(clsoe) * -1')
    const error = page.getByTestId('formula-error')
    await expect(error).toContainText('col 6')
    await expect(error).toContainText("unknown field 'clsoe'")
    await expect(error).toContainText("did you mean 'close'")
    // The offending name is marked in the editor itself.
    await expect(page.getByTestId('formula-error-mark')).toHaveText('clsoe')
    await expect(page.getByTestId('alphas-compute')).toBeDisabled()
    await expect(page.getByTestId('alphas-compute-blocker')).toContainText('does not parse')
    await shot(page, 'alphas-parse-error')

    await page.getByTestId('formula-apply-suggestion').click()
    await expect(page.getByTestId('formula-input')).toHaveValue('rank(close) * -1')
    await expect(page.getByTestId('formula-ok')).toContainText('reads close')
    await expect(page.getByTestId('alphas-compute')).toBeEnabled()

    // An incomplete formula: position and what was expected.
    await page.getByTestId('formula-input').fill('ts_rank(close, 5) +')
    await expect(page.getByTestId('formula-error')).toContainText('col 20')
    await expect(page.getByTestId('formula-error')).toContainText(/expected number or field/)
  })

  test('computes Alpha#1, #12 and #101: cross-section, instrument chart, tear sheet, correlation, backtest', async ({ page }) => {
    test.setTimeout(150_000)
    await expect(page.getByTestId('alphas-dataset').locator('option:checked')).toContainText('S&P 500')
    // Alpha#56 needs market cap, which the sample lacks: it must fail on its own, clearly.
    await chooseAlphas(page, [1, 12, 101, 56])
    await page.getByTestId('alphas-focused-formula').waitFor()
    await page.getByTestId('alphas-compute').click()

    // ---- cross-section ----
    await expect(page.locator('[data-testid="cross-row"]').first()).toBeVisible({ timeout: 60_000 })
    await expect(page.getByTestId('cross-count')).toContainText('505 of 505 instruments')
    const failed = page.locator('[data-testid="run-issue"][data-severity="error"]')
    await expect(failed).toContainText('Alpha#56')
    await expect(failed).toContainText('cap')
    await expect(failed).toContainText('MISSING_FIELD')
    await expect(page.locator('[data-testid="run-chip"][data-key="alpha056"]')).toHaveAttribute('data-ok', 'false')

    // Columns are the alphas that ran, in library order: #1, #12, #101.
    const heads = await page
      .locator('[data-testid^="cross-sort-alpha"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))
    expect(heads).toEqual(['cross-sort-alpha001', 'cross-sort-alpha012', 'cross-sort-alpha101'])
    await page.getByTestId('cross-sort-alpha101').click()
    await expect(page.getByTestId('cross-sort-alpha101')).toHaveAttribute('aria-sort', 'descending')
    const desc = await columnValues(page, 2)
    expect(desc.filter((v) => v !== null).length).toBeGreaterThan(5)
    expect(isSorted(desc, 'desc')).toBe(true)
    await page.getByTestId('cross-sort-alpha101').click()
    await expect(page.getByTestId('cross-sort-alpha101')).toHaveAttribute('aria-sort', 'ascending')
    const asc = await columnValues(page, 2)
    expect(isSorted(asc, 'asc')).toBe(true)
    expect(asc[0]).toBeLessThan(desc[0]!)
    await page.getByTestId('cross-sort-alpha101').click()
    await shot(page, 'alphas-cross-section')

    // ←/→ and [ ] step the date.
    const table = page.getByTestId('cross-table')
    const last = await table.getAttribute('data-date')
    expect(last).toBe('2018-02-07')
    await page.getByTestId('cross-count').click()
    await page.keyboard.press('ArrowLeft')
    await expect(table).toHaveAttribute('data-date', '2018-02-06')
    await page.keyboard.press('[')
    await expect(table).toHaveAttribute('data-date', '2018-02-05')
    await page.keyboard.press(']')
    await expect(table).toHaveAttribute('data-date', '2018-02-06')
    await expect(page.getByTestId('cross-date')).toHaveValue('2018-02-06')
    // A typed date goes to the last run date on or before it (a Sunday → the Friday).
    await page.getByTestId('cross-date').fill('2017-06-18')
    await expect(table).toHaveAttribute('data-date', '2017-06-16')

    // Top 20 by the sort column, and a sector filter.
    await page.getByTestId('cross-extreme-top').click()
    await expect(page.getByTestId('cross-count')).toHaveAttribute('data-rows', '20')
    const top = await columnValues(page, 2, 20)
    expect(isSorted(top, 'desc')).toBe(true)
    await page.getByTestId('cross-extreme-all').click()
    await page.getByTestId('cross-filter').fill('Energy')
    await expect(page.getByTestId('cross-count')).toContainText('matching “Energy”')
    const sectors = await page.locator('[data-testid="cross-row"] .sector').allTextContents()
    expect(sectors.length).toBeGreaterThan(5)
    expect(sectors.every((s) => s === 'Energy')).toBe(true)

    // Click an instrument: its candles with the sorted alpha beneath.
    const first = page.locator('[data-testid="cross-row"]').first()
    const symbol = await first.getAttribute('data-symbol')
    await first.click()
    const chart = page.getByTestId('instrument-chart')
    await expect(chart).toHaveAttribute('data-symbol', symbol!)
    await expect(page.getByTestId('chart-alpha')).toHaveValue('alpha101')
    await expect(page.getByTestId('instrument-price-chart')).toHaveAttribute('data-alpha', 'ready', { timeout: 15_000 })
    await expect
      .poll(() => countPixels(page, '[data-testid="instrument-price-chart"]', [0x26, 0xa6, 0x9a]), { timeout: 15_000 })
      .toBeGreaterThan(100)
    // The alpha line (amber) in its own pane.
    await expect
      .poll(() => countPixels(page, '[data-testid="instrument-price-chart"]', [0xf5, 0xb9, 0x42]), { timeout: 15_000 })
      .toBeGreaterThan(100)
    await expect(page.getByTestId('instrument-legend-alpha')).toContainText('Alpha#101')
    await shot(page, 'alphas-instrument')
    await page.getByTestId('instrument-chart-close').click()
    await page.getByTestId('cross-filter').fill('')

    // ---- tear sheet ----
    await page.getByTestId('alphas-tab-tearsheet').click()
    await page.getByTestId('tear-key').selectOption('alpha101')
    await expect(page.getByTestId('tearsheet')).toBeVisible({ timeout: 60_000 })
    for (const id of ['tear-ic-mean', 'tear-ic-std', 'tear-ic-ir', 'tear-ic-t']) {
      const raw = await page.getByTestId(id).getAttribute('data-value')
      expect(raw, id).not.toBe('')
      expect(Number.isFinite(Number(raw)), `${id} = ${raw}`).toBe(true)
    }
    expect(Number(await page.getByTestId('tear-ic-days').getAttribute('data-value'))).toBeGreaterThan(1000)
    expect(Number(await page.getByTestId('tear-ic-std').getAttribute('data-value'))).toBeGreaterThan(0)
    await expect(page.getByTestId('tear-ic-mean')).toHaveText(/^[−-]?\d\.\d+$/)
    await expect(page.getByTestId('tear-decay')).toHaveAttribute('data-bars', '4')
    await expect(page.getByTestId('tear-quantile-means')).toHaveAttribute('data-bars', '5')
    // Secondary labels show where they fit (the decay's t-stats) and give way where they would overlap (the
    // quantiles' counts in the narrow column; their tooltips keep them).
    await expect(page.getByTestId('tear-decay').locator('.bc-sub')).toHaveCount(4)
    await expect(page.getByTestId('tear-quantile-means').locator('.bc-sub')).toHaveCount(0)
    await expect(page.getByTestId('tear-quantile-cum')).toHaveAttribute('data-series', '5')
    await expect(page.getByTestId('tear-ic-chart').locator('canvas').first()).toBeVisible()
    await shot(page, 'alphas-tearsheet')

    // ---- correlation ----
    await page.getByTestId('alphas-tab-correlation').click()
    const heatmap = page.getByTestId('correlation-heatmap')
    await expect(heatmap).toBeVisible({ timeout: 60_000 })
    await expect(heatmap).toHaveAttribute('data-size', '3')
    await expect(heatmap.getByTestId('heatmap-cell')).toHaveCount(9)
    await expect(heatmap.locator('[data-testid="heatmap-cell"][data-row="1"][data-col="1"]')).toHaveAttribute('data-value', '1')
    const offDiagonal = Number(await heatmap.locator('[data-testid="heatmap-cell"][data-row="0"][data-col="2"]').getAttribute('data-value'))
    expect(offDiagonal).toBeGreaterThan(-1)
    expect(offDiagonal).toBeLessThan(1)
    await heatmap.locator('[data-testid="heatmap-cell"][data-row="0"][data-col="2"]').hover()
    // Clustered order: which pair sits at (0, 2) depends on the correlations; the tip names it.
    await expect(page.getByTestId('heatmap-tip')).toContainText(/Alpha#(1|12|101) × Alpha#(1|12|101)/)
    await expect(page.getByTestId('heatmap-tip')).toContainText('ρ =')
    await shot(page, 'alphas-correlation')

    // ---- backtest ----
    await page.getByTestId('alphas-tab-backtest').click()
    await expect(page.getByTestId('bt-empty')).toBeVisible()
    await page.getByTestId('bt-key').selectOption('alpha101')
    await page.getByTestId('bt-cost').fill('10')
    await page.getByTestId('bt-run').click()
    await expect(page.getByTestId('bt-result')).toBeVisible({ timeout: 60_000 })
    for (const id of ['bt-ann-return', 'bt-ann-vol', 'bt-sharpe', 'bt-max-dd', 'bt-turnover']) {
      const raw = await page.getByTestId(id).getAttribute('data-value')
      expect(Number.isFinite(Number(raw)) && raw !== '', `${id} = ${raw}`).toBe(true)
    }
    expect(Number(await page.getByTestId('bt-days').getAttribute('data-value'))).toBeGreaterThan(1000)
    expect(Number(await page.getByTestId('bt-stored').getAttribute('data-backtest-id'))).toBeGreaterThan(0)
    await expect(page.getByTestId('bt-equity-chart')).toHaveAttribute('data-series', '3')
    // The equity curve (blue) and the drawdown (red) are really drawn.
    await expect
      .poll(() => countPixels(page, '[data-testid="bt-equity-chart"]', [0x4f, 0x9d, 0xff]), { timeout: 15_000 })
      .toBeGreaterThan(100)
    await expect
      .poll(() => countPixels(page, '[data-testid="bt-equity-chart"]', [0xef, 0x53, 0x50], 30), { timeout: 15_000 })
      .toBeGreaterThan(100)
    await shot(page, 'alphas-backtest')
  })

  test('saves a formula under a name, computes it with the run, and deletes it', async ({ page }) => {
    await page.getByTestId('formula-input').fill('-1 * correlation(rank(open), rank(volume), 10)')
    await expect(page.getByTestId('formula-ok')).toBeVisible()
    await page.getByTestId('formula-name').fill('E2E reversal')
    await page.getByTestId('formula-save').click()
    const saved = page.locator('[data-testid="alpha-option"][data-key^="user:"]', { hasText: 'E2E reversal' })
    await expect(saved).toBeVisible()
    await expect(saved.getByTestId('alpha-check')).toBeChecked()
    // Saving takes it out of the ad-hoc slot: it runs once, as the saved formula.
    await expect(page.getByTestId('adhoc-include')).not.toBeChecked()
    await page.getByTestId('alphas-compute').click()
    await expect(page.locator('[data-testid="run-chip"]', { hasText: 'E2E reversal' })).toHaveAttribute('data-ok', 'true', {
      timeout: 60_000,
    })
    await expect(page.locator('[data-testid="cross-row"]').first()).toBeVisible()
    await shot(page, 'alphas-saved-formula')
    await saved.getByTestId('formula-delete').click()
    await page.getByTestId('formula-delete-confirm').click()
    await expect(saved).toHaveCount(0)
  })

  test('research loop: all 101 on the leaderboard, sorted by IR, one opened, an ad-hoc column, back from history', async ({ page }) => {
    test.setTimeout(300_000)
    await page.getByTestId('alphas-select-all').click()
    await expect(page.getByTestId('alphas-selected-count')).toHaveText('101 selected')
    await page.getByTestId('alphas-compute').click()
    await expect(page.getByTestId('run-alpha-count')).toContainText('101 alphas', { timeout: 120_000 })
    const runId = await page.getByTestId('run-summary').getAttribute('data-run-id')
    // Low coverage is visible on the chips, with the reason.
    const low = page.locator('[data-testid="run-chip"][data-low="true"]')
    await expect(low.first()).toBeVisible()
    expect(await page.locator('[data-testid="run-chip"][data-key="alpha096"]').getAttribute('data-low')).toBe('true')
    await expect(page.getByTestId('run-policy')).toHaveText('strict')

    // ---- leaderboard: one job for all alphas ----
    await page.getByTestId('alphas-tab-leaderboard').click()
    await expect(page.locator('[data-testid="leader-row"]')).toHaveCount(101, { timeout: 180_000 })
    await page.getByTestId('leader-sort-ir').click() // a new column sorts descending
    const irs = await page.$$eval('[data-testid="leader-row"]', (rows) => rows.map((r) => r.getAttribute('data-key')))
    expect(irs).toHaveLength(101)
    await shot(page, 'alphas-leaderboard')
    // Alpha#79 is a 0/1 condition: its tied values fill only some quantiles, and its row says so.
    await expect(page.locator('[data-testid="leader-row"][data-key="alpha079"] [data-testid="leader-ties"]')).toBeVisible()
    await page.getByTestId('leader-filter').fill('IR > 0.02 and coverage > 80%')
    const filtered = await page.locator('[data-testid="leader-row"]').count()
    expect(filtered).toBeGreaterThan(0)
    expect(filtered).toBeLessThan(101)
    await page.getByTestId('leader-filter').fill('')

    // All 100 alphas with values in one clustered heatmap, sized to the panel, labels thinned so none overlap.
    await page.getByTestId('alphas-tab-correlation').click()
    await expect(page.getByTestId('correlation-heatmap')).toHaveAttribute('data-size', '100', { timeout: 120_000 })
    const cellBox = await page.locator('[data-testid="heatmap-cell"][data-row="50"][data-col="50"]').boundingBox()
    await page.mouse.move(cellBox!.x + cellBox!.width / 2, cellBox!.y + cellBox!.height / 2)
    await expect(page.locator('.hm-label.active')).toHaveCount(2)
    await shot(page, 'alphas-correlation-101')
    await page.getByTestId('alphas-tab-leaderboard').click()
    const best = page.locator('[data-testid="leader-row"]').first()
    const bestKey = await best.getAttribute('data-key')
    await best.click()
    await expect(page.getByTestId('tearsheet')).toBeVisible({ timeout: 60_000 })
    await expect(page.getByTestId('tear-key')).toHaveValue(bestKey!)
    await expect(page.getByTestId('tear-ic-year')).toBeVisible()
    await shot(page, 'alphas-leaderboard-tearsheet')

    // A low-coverage alpha explains itself in its tear sheet.
    await page.getByTestId('tear-key').selectOption('alpha096')
    await expect(page.getByTestId('tear-coverage-note')).toContainText('correlation', { timeout: 60_000 })
    await shot(page, 'alphas-low-coverage-tearsheet')
    await page.getByTestId('tear-key').selectOption('alpha079')
    await expect(page.getByTestId('tear-empty-quantiles')).toContainText('tied values share a quantile', { timeout: 60_000 })
    await shot(page, 'alphas-tied-quantiles-tearsheet')

    // ---- an ad-hoc formula joins the open run ----
    await page.getByTestId('formula-input').fill('rank(delta(close, 3)) * -1')
    await expect(page.getByTestId('formula-ok')).toBeVisible()
    await page.getByTestId('adhoc-add-to-run').click()
    await expect(page.getByTestId('run-alpha-count')).toContainText('102 alphas', { timeout: 60_000 })
    expect(await page.getByTestId('run-summary').getAttribute('data-run-id')).toBe(runId)

    // ---- as its own run, then back to the 101-alpha run from the history ----
    await page.getByTestId('alphas-clear').click()
    await page.getByTestId('alphas-compute').click()
    await expect(page.getByTestId('run-alpha-count')).toContainText('1 alpha', { timeout: 60_000 })
    expect(await page.getByTestId('run-summary').getAttribute('data-run-id')).not.toBe(runId)
    await page.getByTestId('alphas-history-toggle').first().click()
    const row = page.locator(`[data-testid="history-row"][data-run-id="${runId}"]`)
    await expect(row).toBeVisible()
    await shot(page, 'alphas-history')
    await row.getByTestId('history-open').click()
    await expect(page.getByTestId('run-summary')).toHaveAttribute('data-run-id', runId!)
    await expect(page.getByTestId('run-alpha-count')).toContainText('102 alphas')
  })
})
