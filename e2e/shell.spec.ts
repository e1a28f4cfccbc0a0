import { expect, openApp, test } from './fixtures.ts';

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test(`one screen without scrolling at ${viewport.width}×${viewport.height}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await openApp(page);
    await expect(page.getByRole('heading', { name: 'Xen HPC I/O' })).toBeVisible();
    for (const region of ['diagram', 'charts'])
      await expect(page.locator(`[data-region="${region}"]`)).toBeVisible();
    const controls = page.locator('[data-region="controls"]');
    await expect(controls).toBeHidden();
    await page.getByTestId('settings-toggle').click();
    await expect(controls).toBeVisible();
    await expect(page.locator('[data-region="controls"]').getByText('About')).toBeVisible();
    // The poster's idea in three sentences, one click from the header.
    await page.getByTestId('about-toggle').click();
    await expect(page.getByRole('dialog', { name: 'About' })).toContainText(
      'with no copy, no TCP/IP and no bridge',
    );
    const overflow = await page.evaluate(() => ({
      y: document.documentElement.scrollHeight - window.innerHeight,
      x: document.documentElement.scrollWidth - window.innerWidth,
    }));
    expect(overflow.y).toBeLessThanOrEqual(0);
    expect(overflow.x).toBeLessThanOrEqual(0);
    // Every number on the diagram's gauges and readouts carries a unit.
    await expect(page.getByTestId('speed-readout')).toContainText(
      /1 s on screen = [\d.]+ (ns|µs|ms|s) simulated/,
    );
  });
}
