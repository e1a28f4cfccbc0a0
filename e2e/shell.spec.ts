import { expect, test } from '@playwright/test';

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test(`app shell opens without console errors at ${viewport.width}×${viewport.height}`, async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setViewportSize(viewport);
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Xen HPC I/O' })).toBeVisible();
    for (const region of ['diagram', 'charts', 'controls']) {
      await expect(page.locator(`[data-region="${region}"]`)).toBeVisible();
    }
    await expect(page.getByText('About')).toBeVisible();
    // One screen, no page scroll.
    const scroll = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
    expect(scroll).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `test-results/shell-${viewport.width}x${viewport.height}.png` });
    expect(errors).toEqual([]);
  });
}
