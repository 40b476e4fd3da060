import { expect, test } from '@playwright/test'
import { appUrl, shot } from './helpers'

// Browser mode as the user sees the hardening: a backend-side path outside the import folder.
test.describe('CSV import by path (browser mode)', () => {
  test('a path outside the import folder is refused with a clear error, and the app keeps working', async ({ page }) => {
    await page.goto(appUrl())
    await page.getByTestId('import-button').click()
    await page.getByTestId('import-mode-path').click()
    await expect(page.getByTestId('import-dialog')).toContainText('only inside its import folder')
    await page.getByTestId('import-path-input').fill('/etc/passwd')
    await page.getByTestId('import-next').click()
    const preview = page.getByTestId('import-preview')
    await expect(preview).toHaveAttribute('data-state', 'error')
    await expect(preview).toContainText('outside the import folder')
    await shot(page, 'import-path-forbidden')
    // The backend is still there: the sample datasets still list.
    await page.keyboard.press('Escape')
    await expect(page.locator('[data-testid="dataset-option"]').first()).toBeVisible()
  })
})
