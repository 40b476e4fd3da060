import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { appUrl, countPixels, shot } from './helpers'

// The trade book in browser mode: trades come in by CSV import (as a user would) and over the live API.
const instruments = ['AAPL', 'MSFT', 'XOM']
function statementCsv(): string {
  const lines = ['symbol,side,qty,entry_time,entry_price,exit_time,exit_price,fees,exit_reason,notes']
  let day = Date.UTC(2016, 0, 4)
  for (let i = 0; i < 60; i++) {
    const sym = instruments[i % 3]
    const entry = 50 + (i % 7)
    const exit = entry + ((i * 37) % 11) - 5
    const iso = (t: number) => new Date(t).toISOString().slice(0, 10)
    lines.push(
      `${sym},${i % 4 === 0 ? 'sell' : 'buy'},${1 + (i % 3)},${iso(day)},${entry},${iso(day + 5 * 86_400_000)},${exit},1.5,${i % 2 ? 'tp' : 'sl'},${i === 7 ? 'earnings gap' : ''}`,
    )
    day += 3 * 86_400_000
  }
  return `${lines.join('\n')}\n`
}

test.describe('trade book', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(appUrl())
    await page.getByTestId('nav-book').click()
    await expect(page.getByTestId('book-screen')).toBeVisible()
  })

  test('imports a statement, filters, tags a trade (and undoes), sees it on its chart, exports the filter as CSV', async ({ page }) => {
    // Other specs may have put trades in the book already (kept backtest sets): count them first.
    await expect(page.getByTestId('trade-table')).toHaveAttribute('data-total', /^\d+$/)
    const before = Number(await page.getByTestId('trade-table').getAttribute('data-total'))
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: 'statement.csv', mimeType: 'text/csv', buffer: Buffer.from(statementCsv()) })
    await expect(page.getByTestId('import-result')).toContainText('Imported 60 trades from statement.csv')
    await expect(page.getByTestId('trade-table')).toHaveAttribute('data-total', String(before + 60))

    // Filter: one instrument, longs only, a minimum P&L — the count, the rows and the summary follow.
    await page.getByTestId('filter-instrument').selectOption('MSFT')
    await page.getByTestId('filter-direction').selectOption('long')
    await page.getByTestId('filter-pnl-min').fill('0')
    await page.getByTestId('filter-pnl-min').press('Enter')
    const expected = statementCsv()
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','))
      .filter((c) => c[0] === 'MSFT' && c[1] === 'buy' && Number(c[2]) * (Number(c[6]) - Number(c[4])) - 1.5 >= 0)
    await expect(page.getByTestId('book-total')).toHaveText(`${expected.length} trades`)
    await expect(page.getByTestId('book-summary')).toHaveAttribute('data-count', String(expected.length))
    await expect(page.getByTestId('stat-win-rate')).toHaveText(/%$/)
    const rows = page.locator('[data-testid^="trade-row-"]')
    await expect(rows).toHaveCount(expected.length)
    await shot(page, 'book-filtered')

    // Tag the first trade; the tag filter finds it; undo removes the tag.
    await rows.first().click()
    await expect(page.getByTestId('trade-detail')).toContainText('MSFT')
    await expect(page.getByTestId('trade-chart')).toBeVisible()
    await expect.poll(() => countPixels(page, '[data-testid="trade-chart"]', [0x26, 0xa6, 0x9a]), { timeout: 15_000 }).toBeGreaterThan(50)
    await page.getByTestId('tag-input').fill('review')
    await page.getByTestId('tag-input').press('Enter')
    await expect(page.getByTestId('tags-editor')).toContainText('#review')
    await page.getByTestId('note-input').fill('entered late')
    await page.getByTestId('tag-input').click() // leaving the note saves it
    await expect(page.getByTestId('undo-edit')).toContainText('Undo note edit')
    await shot(page, 'book-trade-detail')
    await page.getByTestId('undo-edit').click()
    await expect(page.getByTestId('note-input')).toHaveValue('')
    await expect(page.getByTestId('tags-editor')).toContainText('#review')
    await page.getByTestId('filter-tag').selectOption('review')
    await expect(page.getByTestId('book-total')).toHaveText('1 trade')

    // Export what the filter shows: the download's content is the filtered trade.
    const download = page.waitForEvent('download')
    await page.getByTestId('export-format').selectOption('csv')
    await page.getByTestId('export-filter').click()
    const file = await download
    await expect(page.getByTestId('export-job')).toHaveAttribute('data-state', 'done')
    const csv = readFileSync((await file.path())!, 'utf8')
      .trim()
      .split('\n')
    expect(csv[0].split(',')).toEqual(expect.arrayContaining(['id', 'instrument', 'direction', 'pnlNet', 'tags']))
    expect(csv).toHaveLength(2)
    const header = csv[0].split(',')
    const cells = csv[1].split(',')
    expect(cells[header.indexOf('instrument')]).toBe('MSFT')
    expect(cells[header.indexOf('direction')]).toBe('long')
    expect(cells[header.indexOf('tags')]).toBe('review')
    expect(Number(cells[header.indexOf('pnlNet')])).toBeGreaterThanOrEqual(0)
    await shot(page, 'book-exported')
  })

  test('a trade pushed over the live API appears in the open-trades view at once', async ({ page }) => {
    await page.getByTestId('book-tab-settings').click()
    const port = 20_000 + Math.floor(Math.random() * 20_000)
    await page.getByTestId('api-port').fill(String(port))
    await page.getByTestId('api-port').blur()
    await page.getByTestId('api-enabled').click()
    await expect(page.getByTestId('api-enabled')).toBeChecked()
    await expect(page.getByTestId('api-url')).toContainText(`127.0.0.1:${port}`)
    const token = (await page.getByTestId('api-token').textContent())!.trim()
    await shot(page, 'book-api-settings')

    await page.getByTestId('book-tab-open').click()
    await expect(page.getByTestId('open-trades')).toBeVisible()
    const base = `http://127.0.0.1:${port}`
    const post = (path: string, body: unknown, auth = token) =>
      fetch(base + path, {
        method: 'POST',
        headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    expect((await post('/api/openTrade', { user: 'e2e', alpha: 'momentum', quantity: 2, stopLoss: 99.5 }, 'wrong')).status).toBe(401)
    const opened = await (await post('/api/openTrade', { user: 'e2e', alpha: 'momentum', quantity: 2, stopLoss: 99.5 })).json()
    expect(opened).toEqual({ user: 'e2e', alpha: 'momentum', status: 'opened' })
    await expect(page.getByTestId('open-trade-e2e-momentum')).toBeVisible()
    const v1 = await post('/v1/trades', { user: 'e2e', alpha: 'carry', instrument: 'CL', side: 'sell', quantity: 1, price: 71.2 })
    expect(v1.status).toBe(201)
    await expect(page.getByTestId('open-trade-e2e-carry')).toContainText('short')
    await shot(page, 'book-open-trades')
    const closed = await (await post('/api/closeTrade', { user: 'e2e', alpha: 'momentum' })).json()
    expect(closed.status).toBe('closed')
    await expect(page.getByTestId('open-trade-e2e-momentum')).toHaveCount(0)

    const pushed = await (
      await post('/api/tradingCalendar/push/e2e', [{ user: 'e2e', alpha: 'carry', start: '2024-05-01', end: '2024-05-09' }])
    ).json()
    expect(pushed).toEqual({ user: 'e2e', status: 'pushed', entriesPushed: 1 })
    await page.getByTestId('book-tab-calendar').click()
    await expect(page.getByTestId('calendar-view')).toContainText('2024-05-09')
    await shot(page, 'book-calendar')
    await page.getByTestId('book-tab-settings').click()
    await page.getByTestId('api-enabled').click()
    await expect(page.getByTestId('api-settings')).toContainText('stopped')
  })
})
