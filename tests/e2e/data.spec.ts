import { expect, test } from '@playwright/test'
import { appUrl, countPixels, shot } from './helpers'

test.describe('browser mode: token', () => {
  test('a request without the token is refused', async ({ page }) => {
    const origin = new URL(appUrl()).origin
    const response = await page.goto(origin + '/')
    expect(response?.status()).toBe(401)
    await expect(page.locator('body')).toContainText('needs its token')
    const wrong = await page.goto(origin + '/?token=not-the-token')
    expect(wrong?.status()).toBe(401)
  })
})

test.describe('data screen', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(appUrl())
    await expect(page.getByTestId('statusbar')).toContainText(/Engine: 2\/2 workers/)
  })

  test('opens on the sample data, finds a stock and draws its candles with volume and an engine overlay', async ({ page }) => {
    await expect(page.getByTestId('nav-data')).toHaveAttribute('aria-current', 'page')
    await page.getByTestId('instrument-search').fill('AAPL')
    const row = page.locator('[data-testid="instrument-row"][data-symbol="AAPL"]')
    await expect(row).toBeVisible()
    await row.click()
    await expect(page.getByTestId('instrument-row')).toHaveCount(1)
    await expect(page.getByTestId('instrument-symbol')).toHaveText('AAPL')
    const chart = page.getByTestId('price-chart')
    await expect(chart).toHaveAttribute('data-state', 'ready')
    await expect(chart.locator('canvas').first()).toBeVisible()
    await expect(page.getByText('Apple Inc.').first()).toBeVisible()
    // Candles in the up colour (teal #26a69a) are really on the canvas.
    await expect.poll(() => countPixels(page, '[data-testid="price-chart"]', [0x26, 0xa6, 0x9a]), { timeout: 15_000 }).toBeGreaterThan(200)
    await expect(page.getByText(/engine [\d.]+ ms/)).toBeVisible()
    // The statistics follow the visible range (1Y by default) as well as the whole history.
    await expect(page.getByTestId('range-stats')).toContainText('Visible')
    await expect(page.getByTestId('summary-stats-n')).toContainText('1,258 returns')
    await shot(page, 'data-aapl')
  })

  test('shows futures contracts by root with expiry, and settlement-only curves', async ({ page }) => {
    await page.locator('[data-testid="dataset-option"][data-dataset-key="vx"]').click()
    await page.getByTestId('instrument-search').fill('VXF18')
    await page.locator('[data-testid="instrument-row"][data-symbol="VXF18"]').click()
    await expect(page.getByTestId('instrument-symbol')).toHaveText('VXF18')
    await expect(page.getByTestId('instrument-expiry')).toContainText('2018-01-17')
    await expect(page.getByTestId('price-chart')).toHaveAttribute('data-state', 'ready')
    await expect.poll(() => countPixels(page, '[data-testid="price-chart"]', [0x26, 0xa6, 0x9a]), { timeout: 15_000 }).toBeGreaterThan(50)
    await shot(page, 'data-vx')
    await page.locator('[data-testid="dataset-option"][data-dataset-key="cl_ng"]').click()
    await page.getByTestId('root-filter').locator('[data-root="CL"]').click()
    await page.getByTestId('instrument-search').fill('CLK20')
    await page.locator('[data-testid="instrument-row"][data-symbol="CLK20"]').click()
    await expect(page.getByTestId('instrument-symbol')).toHaveText('CLK20')
    await expect(page.getByTestId('settlement-only')).toBeVisible()
    await expect(page.getByTestId('price-chart')).toHaveAttribute('data-state', 'ready')
    await expect(page.getByTestId('price-chart').locator('canvas').first()).toBeVisible()
    await shot(page, 'data-clk20')
  })

  test('shows the intraday bars', async ({ page }) => {
    await page.locator('[data-testid="dataset-option"][data-dataset-key="spx_1min"]').click()
    await page.getByTestId('instrument-row').first().click()
    await expect.poll(() => countPixels(page, '[data-testid="price-chart"]', [0x26, 0xa6, 0x9a]), { timeout: 15_000 }).toBeGreaterThan(50)
    await shot(page, 'data-intraday')
  })
})

test.describe('CSV import', () => {
  const good = [
    'Date,Ticker,Open,High,Low,Close,Volume',
    '2024-01-02,ACME,10,11,9.5,10.5,1000',
    '2024-01-03,ACME,10.5,11.2,10.1,11,1200',
    '2024-01-04,ACME,11,11.5,10.8,11.4,900',
    '2024-01-02,BOLT,20,21,19,20.5,500',
    '2024-01-03,BOLT,20.5,20.9,19.8,20,700',
  ].join('\n')

  test.beforeEach(async ({ page }) => {
    await page.goto(appUrl())
    await page.getByTestId('import-button').click()
    await expect(page.getByTestId('import-dialog')).toBeVisible()
  })

  test('previews with auto-detected columns and imports in one go', async ({ page }) => {
    await page.getByTestId('import-file-input').setInputFiles({ name: 'acme.csv', mimeType: 'text/csv', buffer: Buffer.from(good) })
    await page.getByTestId('import-next').click()
    const preview = page.getByTestId('import-preview')
    await expect(preview).toContainText('ACME')
    await expect(page.getByTestId('import-row-count')).toContainText('5')
    await expect(page.getByTestId('import-symbol-count')).toContainText('2')
    // Auto-detected mapping: the Ticker column (index 1) is the symbol, Close (index 5) the close.
    await expect(page.locator('[data-testid="import-mapping-select"][data-column="1"]')).toHaveValue('symbol')
    await expect(page.locator('[data-testid="import-mapping-select"][data-column="5"]')).toHaveValue('close')
    await shot(page, 'import-preview')
    await page.getByTestId('import-dataset-name').fill('E2E bars')
    await page.getByTestId('import-submit').click()
    await expect(page.getByTestId('import-result-rows')).toHaveText('5')
    await expect(page.getByTestId('import-result-instruments')).toHaveText('2')
    await shot(page, 'import-done')
  })

  test('a malformed file gets an error naming file, line and field, and nothing is written', async ({ page }) => {
    const bad = good.replace('2024-01-03,ACME,10.5', '2024-01-03,ACME,abc')
    await page.getByTestId('import-file-input').setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) })
    await page.getByTestId('import-next').click()
    await expect(page.getByTestId('import-dialog')).toContainText(/broken\.csv:3/)
    await expect(page.getByTestId('import-dialog')).toContainText(/open/i)
    await expect(page.getByTestId('import-submit')).toBeDisabled()
    await shot(page, 'import-error')
    // Nothing of the broken file reached the database.
    await page.keyboard.press('Escape')
    await expect(page.locator('[data-testid="dataset-option"]', { hasText: 'broken' })).toHaveCount(0)
  })
})
