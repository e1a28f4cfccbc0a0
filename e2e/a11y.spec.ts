/**
 * Accessibility: axe-core finds no serious or critical violation in five states of the app (first
 * load, playing, settings open, a journey open, a chart hovered); reduced motion is honoured; the
 * readouts speak in a polite live region; every sweep chart's data is a table a keyboard reaches;
 * the diagram is described by its route.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { advance, expect, openApp, simState, test } from './fixtures.ts';

/** The serious and critical violations on the page (every violation is printed, for the record). */
async function seriousViolations(page: Page, state: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const all = violations.map((v) => `${v.id} (${v.impact}) ×${v.nodes.length}`);
  console.log(`axe, ${state}: ${violations.length} violations${all.length ? `: ${all.join(', ')}` : ''}`);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

test.describe('axe: no serious or critical violations', () => {
  test('on first load', async ({ page }) => {
    await openApp(page);
    expect(await seriousViolations(page, 'first load')).toEqual([]);
  });

  test('while playing', async ({ page }) => {
    await openApp(page, '?mode=pv-tcp&workload=pingpong&size=64');
    await page.getByTestId('play').click();
    await expect.poll(async () => (await simState(page)).nowNs).toBeGreaterThan(0);
    expect((await simState(page)).playing).toBe(true);
    expect(await seriousViolations(page, 'playing')).toEqual([]);
  });

  test('with the settings open', async ({ page }) => {
    await openApp(page);
    const toggle = page.getByTestId('settings-toggle');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(page.locator('#settings')).toBeVisible();
    expect(await seriousViolations(page, 'settings open')).toEqual([]);
  });

  test('with a journey open', async ({ page }) => {
    await openApp(page, '?mode=pv-tcp&workload=pingpong&size=64');
    await advance(page, 200_000);
    await page.getByTestId('tab-journey').click();
    await page.getByTestId('journey-id').fill('1');
    await page.getByTestId('journey-id').press('Enter');
    await expect(page.getByTestId('journey')).toHaveAttribute('data-message', '1');
    expect(await seriousViolations(page, 'journey open')).toEqual([]);
  });

  test('with a sweep chart hovered', async ({ page }) => {
    await openApp(page, '?tab=latency');
    const svg = page.locator('svg[data-testid="latency-chart"]');
    const box = (await svg.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect(svg.getByTestId('tooltip')).toBeVisible();
    expect(await seriousViolations(page, 'chart hovered')).toEqual([]);
  });
});

/**
 * How many places, on average, a message's token is seen at over `steps` steps of `stepNs`: a gliding
 * token passes through many points between stations, a jumping one is only ever at a station.
 */
async function placesPerMessage(page: Page, steps: number, stepNs: number): Promise<number> {
  const seen = new Map<number, Set<string>>();
  const stage = page.getByTestId('diagram');
  for (let i = 0; i < steps; i++) {
    await advance(page, stepNs);
    const tokens = JSON.parse((await stage.getAttribute('data-tokens')) ?? '[]') as [
      number,
      number,
      number,
    ][];
    for (const [id, x, y] of tokens) {
      if (!seen.has(id)) seen.set(id, new Set());
      seen.get(id)!.add(`${x},${y}`);
    }
  }
  const counts = [...seen.values()].map((s) => s.size);
  return counts.reduce((a, b) => a + b, 0) / Math.max(1, counts.length);
}

test.describe('reduced motion', () => {
  test('tokens jump between stations instead of gliding; nothing plays or scrolls smoothly', async ({
    page,
  }) => {
    const query = '?mode=pv-tcp&workload=pingpong&size=64';
    await openApp(page, query);
    await advance(page, 20_000);
    const gliding = await placesPerMessage(page, 100, 20);

    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openApp(page, query);
    await advance(page, 20_000);
    const jumping = await placesPerMessage(page, 100, 20);
    console.log(
      `token places per message in 100 steps of 20 ns: gliding ${gliding}, reduced motion ${jumping}`,
    );
    // A gliding token passes through many points on its way; a jumping one only through stations.
    expect(gliding).toBeGreaterThan(2 * jumping);
    expect(jumping).toBeGreaterThan(0);

    expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);
    expect((await simState(page)).playing).toBe(false);
    const smooth = await page.evaluate(() =>
      [document.documentElement, document.body, ...document.querySelectorAll('*')]
        .filter((el) => getComputedStyle(el).scrollBehavior === 'smooth')
        .map((el) => el.tagName),
    );
    expect(smooth).toEqual([]);
  });
});

test('the readouts speak in a polite live region, a few seconds apart at most', async ({ page }) => {
  await openApp(page, '?mode=pv-tcp&workload=pingpong&size=64');
  const live = page.getByTestId('readouts-live');
  await expect(live).toHaveAttribute('aria-live', 'polite');
  await advance(page, 200_000);
  await expect(live).toContainText('messages delivered');
  const first = await live.textContent();
  // Numbers that move at once are not spoken again before the quiet interval is over…
  await advance(page, 2_000_000);
  await page.waitForTimeout(500);
  expect(await live.textContent()).toBe(first);
  // …and are spoken when it ends, without another change to prompt it.
  await expect(live).not.toHaveText(first!, { timeout: 8_000 });
  await expect(live).toContainText(await page.getByTestId('readout-delivered').innerText());
});

test('a sweep chart’s data table is reached by Tab and holds the rows the chart draws', async ({ page }) => {
  await openApp(page, '?tab=latency');
  const svg = page.locator('svg[data-testid="latency-chart"]');
  const drawn = await svg
    .locator('[data-series]')
    .evaluateAll((gs) => gs.map((g) => Number(g.getAttribute('data-points'))).reduce((a, b) => a + b, 0));
  expect(drawn).toBeGreaterThan(0);
  await page.getByTestId('tab-latency').focus();
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
  // Tab from the chart's tab to the Data table button, press it, then Tab into the table.
  for (let i = 0; i < 10 && (await focused()) !== 'data-table-toggle'; i++) await page.keyboard.press('Tab');
  expect(await focused()).toBe('data-table-toggle');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('data-table-toggle')).toHaveAttribute('aria-expanded', 'true');
  for (let i = 0; i < 30 && (await focused()) !== 'data-table'; i++) await page.keyboard.press('Tab');
  expect(await focused()).toBe('data-table');

  const table = page.getByTestId('data-table').locator('table');
  await expect(table.locator('caption')).toContainText('latency');
  await expect(table.locator('thead th')).toHaveText(['mode', 'label', 'size (bytes)', 'latency (µs)']);
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  expect(rows.length).toBe(drawn);
  for (const [mode, , size, latency] of rows) {
    expect(mode).toMatch(/^[a-z0-9-]+$/);
    expect(Number(size)).toBeGreaterThan(0);
    expect(Number(latency)).toBeGreaterThan(0);
  }
  // Pressed again, the table goes away and the chart is whole again.
  await page.getByTestId('data-table-toggle').click();
  await expect(page.getByTestId('data-table')).toHaveCount(0);
});

test('the diagram is described by its route', async ({ page }) => {
  await openApp(page, '?mode=zero-copy&op=write');
  const svg = page.locator('svg.io-path-diagram');
  const desc = svg.locator('desc');
  await expect(desc).toContainText(
    'A WRITE in mode zero-copy (VM · zero-copy) goes from the application in the guest VM through the HPC frontend',
  );
  await expect(desc).toContainText('b₁ the event channel');
  await expect(svg).toHaveAttribute('aria-describedby', (await desc.getAttribute('id'))!);
  // The boxes keep their own labels.
  await expect(page.locator('[data-box]').first()).toBeAttached();
});
