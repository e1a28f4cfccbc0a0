import { advance, expect, openApp, test } from './fixtures.ts';

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
});
