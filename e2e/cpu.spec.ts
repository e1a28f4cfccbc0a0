import type { Page } from '@playwright/test';
import { advance, expect, test } from './fixtures.ts';

/** Screenshots go here when CPU_SHOTS_DIR is set (to look at them), nowhere otherwise. */
const SHOTS = process.env.CPU_SHOTS_DIR;

/** Opens the app and waits for the sweep (generously: other suites may share the machine's cores). */
async function open(page: Page, query: string) {
  await page.goto(`/${query}`);
  await page.waitForFunction(() => window.__xenviz?.state().sweepReady, null, { timeout: 90_000 });
}

const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

test.describe('the CPU tab', () => {
  test.setTimeout(120_000);

  for (const viewport of VIEWPORTS) {
    for (const size of [64, 1048576]) {
      test(`at ${viewport.width}×${viewport.height}, ${size} B: every bar reads, no title is cut`, async ({
        page,
      }) => {
        await page.setViewportSize(viewport);
        await open(page, `?mode=pv-tcp&workload=pingpong&size=${size}`);
        await page.getByTestId('tab-cpu').click();
        const view = page.getByTestId('cpu-size-view');
        await expect(view).toBeVisible();
        await expect(view.getByTestId('chart-title').first()).toContainText(
          size === 64 ? 'at 64 B' : 'at 1 MiB',
        );

        const totals = view.locator('[data-total]');
        await expect(totals).toHaveCount(4);
        for (const group of ['Driver domain (Dom0)', 'Guest VM'])
          await expect(view.getByTestId('bar-group').filter({ hasText: group })).toHaveCount(1);
        if (size === 64) {
          // At 64 B every bar of both domains is long enough to see its parts.
          for (const t of await totals.all()) {
            const lengthPx =
              Number(await t.getAttribute('data-bar-end')) - Number(await t.getAttribute('data-bar-start'));
            expect(lengthPx, (await t.getAttribute('data-row')) ?? '').toBeGreaterThan(20);
          }
        }
        // Nothing on the tab is shortened with an ellipsis, and the y title is whole.
        const cut = await view
          .locator('text')
          .evaluateAll((ns) => ns.map((n) => n.textContent ?? '').filter((t) => t.includes('…')));
        expect(cut).toEqual([]);
        await expect(view.getByTestId('y-label')).toHaveText('total (µs)');
        // Every text sits inside the chart's box.
        const box = (await view.boundingBox())!;
        const outside = await view.locator('text').evaluateAll(
          (ns, b) =>
            ns
              .map((n) => ({ t: n.textContent, r: n.getBoundingClientRect() }))
              .filter(
                ({ t, r }) =>
                  t && (r.left < b.x - 1 || r.right > b.x + b.width + 1 || r.bottom > b.y + b.height + 1),
              )
              .map(({ t }) => t),
          box,
        );
        expect(outside).toEqual([]);
        if (SHOTS) await page.screenshot({ path: `${SHOTS}/cpu-${viewport.width}-${size}.png` });
      });
    }
  }

  test('the read-out of a bar stays inside the window, even at the right edge', async ({ page }) => {
    await open(page, '?mode=pv-tcp&workload=pingpong&size=64');
    await page.getByTestId('tab-cpu').click();
    const bars = page.getByTestId('cpu-bars');
    const parts = bars.locator('rect[data-row="dom0:pv-tcp"]');
    const last = parts.last();
    await last.hover();
    const tooltip = page.getByTestId('tooltip');
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toContainText('Driver domain (Dom0) · VM · TCP');
    const t = (await tooltip.boundingBox())!;
    const b = (await bars.boundingBox())!;
    const vp = page.viewportSize()!;
    expect(t.x).toBeGreaterThanOrEqual(b.x - 1);
    expect(t.x + t.width).toBeLessThanOrEqual(Math.min(b.x + b.width, vp.width) + 1);
    expect(t.y).toBeGreaterThanOrEqual(b.y - 1);
    expect(t.y + t.height).toBeLessThanOrEqual(Math.min(b.y + b.height, vp.height) + 1);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/cpu-tooltip.png` });
  });

  test('the log toggle switches the totals’ y axis only', async ({ page }) => {
    await open(page, '?mode=pv-tcp&workload=pingpong&size=64');
    await page.getByTestId('tab-cpu').click();
    const totals = page.getByTestId('cpu-totals');
    await expect(totals).toHaveAttribute('data-y-scale', 'log');
    const before = await page.getByTestId('cpu-bars').innerHTML();
    await page.getByTestId('cpu-scale').click();
    await expect(totals).toHaveAttribute('data-y-scale', 'linear');
    expect(await page.getByTestId('cpu-bars').innerHTML()).toBe(before);
  });
});

test('the running chart in ping-pong states its averaging window', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, '?mode=pv-tcp&workload=pingpong&size=64');
  await page.getByTestId('tab-live').click();
  await advance(page, 2_000_000);
  const chart = page.getByTestId('chart-live');
  await expect
    .poll(async () => Number(await chart.getAttribute('data-window-ns')))
    .toBeGreaterThanOrEqual(500_000);
  await expect(chart.getByTestId('chart-title')).toHaveText('Running: means over the last 500 µs');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/live-pingpong.png` });
});
