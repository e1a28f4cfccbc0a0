import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { advance, expect, openApp, simState, test } from './fixtures.ts';

/** A number from a cell such as "76.83". */
const num = (text: string | null) => Number((text ?? '').replace(/[^\d.-]/g, ''));

test.describe('A/B on one clock', () => {
  test('pin TCP as A, switch to the framework as B: both advance together, the panel says what changed and what it did', async ({
    page,
  }) => {
    await openApp(page, '?mode=pv-tcp&workload=pingpong&size=64');
    await page.getByTestId('tab-ab').click();
    const panel = page.getByTestId('ab-panel');
    await expect(panel).toHaveAttribute('data-pinned', 'false');
    await page.getByTestId('ab-pin').click();
    await expect(panel).toHaveAttribute('data-pinned', 'true');
    await page.getByTestId('choice-mode').locator('[data-value="zero-copy"]').click();
    await expect(panel.getByTestId('ab-changes')).toContainText('I/O path');
    await advance(page, 400_000);
    const results = panel.getByTestId('ab-results');
    await expect(results).toContainText('t = ');
    const latency = results.locator('[data-metric="latency"] td');
    await expect(latency.nth(0)).not.toHaveText('—');
    const a = num(await latency.nth(0).textContent());
    const b = num(await latency.nth(1).textContent());
    // Both measured at the same simulated time, from their own runs: TCP's one-way latency is the larger.
    expect(a).toBeGreaterThan(b);
    await expect(results.locator('[data-metric="latency"] .ab-change')).toHaveClass(/ab-better/);
    // The CPU rows come from both runs' accounting: the guest's TCP/IP work appears under A only.
    await expect(results.locator('[data-metric="cpu-vm-tcpip"] td').nth(1)).toHaveText('—');
    // The link holds A: a reload opens the same comparison.
    await page.waitForFunction(() => location.search.includes('ab='));
    await page.reload();
    await page.getByTestId('tab-ab').click();
    await expect(page.getByTestId('ab-a')).toContainText('pv-tcp');
    await expect(page.getByTestId('ab-b')).toContainText('zero-copy');
  });

  test('a change the sweep reads (VMs per host) draws A’s curves dotted over B’s', async ({ page }) => {
    await openApp(page, '?mode=pv-tcp&workload=stream&size=64K&vms=1');
    await page.getByTestId('tab-ab').click();
    await page.getByTestId('ab-pin').click();
    await page.getByTestId('settings-toggle').click();
    const vms = page.getByTestId('vms-input');
    await vms.fill('2');
    await vms.press('Enter');
    await page.getByTestId('settings-toggle').click();
    await page.getByTestId('tab-throughput').click();
    const chart = page.getByTestId('throughput-chart');
    await expect(chart.locator('[data-series="A:pv-tcp"]')).toHaveCount(1, { timeout: 120_000 });
    await expect(chart.locator('[data-series="pv-tcp"]')).toHaveCount(1);
    await expect(chart).toContainText('A · ');
  });

  test('side by side: A’s diagram left of B’s, each labelled, tokens of both advancing on one clock; unpinning leaves one', async ({
    page,
  }) => {
    await openApp(page, '?mode=pv-tcp&workload=pingpong&size=64');
    await page.getByTestId('tab-ab').click();
    await expect(page.getByTestId('ab-diagram-a')).toHaveCount(0);
    await page.getByTestId('ab-pin').click();
    await page.getByTestId('choice-mode').locator('[data-value="zero-copy"]').click();
    const a = page.getByTestId('ab-diagram-a');
    const b = page.getByTestId('ab-diagram-b');
    await expect(a).toBeVisible();
    await expect(b).toBeVisible();
    await expect(page.getByTestId('ab-diagram-a-label')).toHaveText(/^A · .*\(pv-tcp\), .*64 B/);
    await expect(page.getByTestId('ab-diagram-b-label')).toHaveText(/^B · .*\(zero-copy\), .*64 B/);
    // A on the left, B on the right, the main diagram (and its tests' contract) inside B.
    const ra = (await a.boundingBox())!;
    const rb = (await b.boundingBox())!;
    expect(ra.x + ra.width).toBeLessThanOrEqual(rb.x + 1);
    expect(ra.width).toBeGreaterThan(300);
    await expect(b.getByTestId('diagram')).toHaveCount(1);
    // Page-wide queries still find one diagram, B's: A's attributes are its own (data-a-…).
    await expect(page.locator('svg[data-mode]')).toHaveAttribute('data-mode', 'zero-copy');
    await expect(a.locator('svg[data-a-mode]')).toHaveAttribute('data-a-mode', 'pv-tcp');
    const mainBoxes = await page.getByTestId('diagram').locator('[data-box]').count();
    expect(mainBoxes).toBeGreaterThan(10);
    expect(await page.locator('[data-box]').count()).toBe(mainBoxes);
    expect(await a.locator('[data-a-box]').count()).toBeGreaterThan(10);
    await expect(page.getByTestId('token-canvas')).toHaveCount(1);
    // Each draws its own route: TCP's netback is A's, the framework's backend B's.
    await expect(a.locator('[data-a-box="h0/dom0/netback"]')).toHaveAttribute('data-a-used', 'true');
    await expect(page.locator('[data-box="h0/dom0/netback"]')).toHaveAttribute('data-used', 'false');
    await expect(page.locator('[data-box="h0/dom0/backend"]')).toHaveAttribute('data-used', 'true');
    // Two diagrams on one page: no duplicate ids, no unnamed groups (axe: nothing serious or critical).
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(
      violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);

    // Play, then pause: A follows B's clock, and each stage says the time of the run it drew.
    const aStage = page.getByTestId('ab-diagram-a-stage');
    const bStage = page.getByTestId('diagram');
    const tokensOf = async (p: Page, id: string) =>
      JSON.parse((await p.getByTestId(id).getAttribute('data-tokens')) ?? '[]') as number[][];
    await page.getByTestId('play').click();
    await expect.poll(async () => (await simState(page)).nowNs, { timeout: 20_000 }).toBeGreaterThan(2_000);
    await page.getByTestId('play').click();
    const now = (await simState(page)).nowNs;
    await expect(bStage).toHaveAttribute('data-now-ns', String(now));
    await expect(aStage).toHaveAttribute('data-now-ns', String(now), { timeout: 20_000 });
    // Tokens on both, moving as the shared clock moves: step it and collect what each canvas shows.
    const seenA = new Set<string>();
    const seenB = new Set<string>();
    let t = now;
    for (let i = 0; i < 8; i++) {
      await advance(page, 5_000);
      t += 5_000;
      await expect(aStage).toHaveAttribute('data-now-ns', String(t));
      await expect(bStage).toHaveAttribute('data-now-ns', String(t));
      const shownA = await tokensOf(page, 'ab-diagram-a-stage');
      const shownB = await tokensOf(page, 'diagram');
      if (shownA.length > 0) seenA.add(JSON.stringify(shownA));
      if (shownB.length > 0) seenB.add(JSON.stringify(shownB));
    }
    expect(seenA.size).toBeGreaterThan(1);
    expect(seenB.size).toBeGreaterThan(1);

    // "Side by side" off: B alone; on again: both.
    const toggle = page.getByTestId('ab-side-by-side');
    await toggle.uncheck();
    await expect(a).toHaveCount(0);
    await expect(page.getByTestId('diagram')).toBeVisible();
    await toggle.check();
    await expect(a).toBeVisible();
    // Unpinned: one diagram, no labels.
    await page.getByTestId('ab-unpin').click();
    await expect(a).toHaveCount(0);
    await expect(page.getByTestId('ab-diagram-b-label')).toHaveCount(0);
    await expect(page.locator('svg[data-mode]')).toHaveCount(1);
    await expect(page.getByTestId('diagram')).toBeVisible();
  });
});
