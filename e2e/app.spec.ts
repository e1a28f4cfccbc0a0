import { advance, expect, openApp, simState, test } from './fixtures.ts';

test.describe('the visualizer', () => {
  test('plays, pauses, steps forward and back', async ({ page }) => {
    await openApp(page, '?mode=pv-tcp&speed=1000000');
    const clock = page.getByTestId('clock');
    await expect(clock).toHaveAttribute('data-now-ns', '0');
    await page.getByTestId('play').click();
    await expect.poll(async () => Number(await clock.getAttribute('data-now-ns'))).toBeGreaterThan(0);
    await page.keyboard.press('Space'); // pause
    await expect.poll(async () => (await simState(page)).playing).toBe(false);
    const paused = await simState(page);
    await page.waitForTimeout(300);
    expect((await simState(page)).nowNs).toBe(paused.nowNs);

    await page.getByRole('button', { name: 'Step forward' }).click();
    await page.getByRole('button', { name: 'Step forward' }).click();
    expect((await simState(page)).events).toBe(paused.events + 2);
    await page.getByRole('button', { name: 'Step back' }).click();
    expect((await simState(page)).events).toBe(paused.events + 1);
    await page.keyboard.press('ArrowLeft');
    expect((await simState(page)).events).toBe(paused.events);

    await page.getByRole('button', { name: 'Reset' }).click();
    await expect(clock).toHaveAttribute('data-now-ns', '0');
  });

  test('a 64-byte write takes about 77 µs over TCP in a VM and 28 µs over the framework', async ({
    page,
  }) => {
    await openApp(page, '?mode=pv-tcp&workload=pingpong&size=64');
    await advance(page, 2_000_000);
    const tcp = Number(await page.getByTestId('readout-latency').getAttribute('data-value'));
    expect(tcp).toBeGreaterThan(74);
    expect(tcp).toBeLessThan(80);
    await page.locator('[data-testid=choice-mode] [data-value=zero-copy]').click();
    await advance(page, 2_000_000);
    const zc = Number(await page.getByTestId('readout-latency').getAttribute('data-value'));
    expect(zc).toBeGreaterThan(26);
    expect(zc).toBeLessThan(30);
  });

  test('switching modes re-routes the path on the diagram', async ({ page }) => {
    await openApp(page, '?mode=pv-tcp');
    const svg = page.locator('svg[data-mode]');
    await expect(svg).toHaveAttribute('data-mode', 'pv-tcp');
    const netback = page.locator('[data-host="0"][data-station="netback"]').first();
    const backend = page.locator('[data-host="0"][data-station="backend"]').first();
    await expect(netback).toHaveAttribute('data-used', 'true');
    await expect(backend).toHaveAttribute('data-used', 'false');
    await page.locator('[data-testid=choice-mode] [data-value=zero-copy]').click();
    await expect(svg).toHaveAttribute('data-mode', 'zero-copy');
    await expect(netback).toHaveAttribute('data-used', 'false');
    await expect(backend).toHaveAttribute('data-used', 'true');
    await expect(page.locator('[data-arrow="b1"]').first()).toBeVisible();
    await expect(page.locator('[data-arrow="d1"]').first()).toBeVisible();
    await expect(page).toHaveURL(/mode=zero-copy/);
  });

  test('changing the size moves the chart markers and changes what the diagram carries', async ({ page }) => {
    await openApp(page, '?mode=zero-copy&workload=stream&size=64');
    await page.getByTestId('tab-throughput').click();
    const marker = page.getByTestId('marker-x');
    await expect(marker).toHaveAttribute('data-marker-x', '64');
    await page.getByTestId('size-input').fill('1MiB');
    await page.getByTestId('size-input').press('Enter');
    await expect(marker).toHaveAttribute('data-marker-x', '1048576');
    await expect(page.getByTestId('size-readout')).toHaveText('1 MiB');
    await expect(page).toHaveURL(/size=1048576/);
    await advance(page, 3_000_000);
    const throughput = await page.getByTestId('readout-throughput').textContent();
    expect(Number(throughput!.replace(/[^\d.]/g, ''))).toBeGreaterThan(900);
  });

  test("the poster's pktgen figure: the VM's vif far below the wire", async ({ page }) => {
    await openApp(page, '?mode=pv-tcp&workload=pktgen&size=1514');
    await page.getByTestId('tab-pktgen').click();
    const chart = page.getByTestId('pktgen-chart');
    for (const mode of ['native', 'dom0', 'pv-tcp'])
      await expect(chart.locator(`[data-series="${mode}"]`).first()).toBeAttached();
    await expect(chart).toContainText('poster: 416 MiB/s');
    await expect(page.getByTestId('marker-x')).toHaveAttribute('data-marker-x', '1514');
  });

  test('changing a constant recomputes the charts, which stay on screen dimmed meanwhile', async ({
    page,
  }) => {
    await openApp(page, '?mode=pv-tcp');
    await page.getByTestId('tab-throughput').click();
    const chart = page.getByTestId('throughput-chart');
    const before = Number(await chart.getAttribute('data-y-max'));
    await page.getByTestId('settings-toggle').click();
    await page.getByTestId('model-constants').locator('summary').click();
    await page.locator('[data-param="linkGbps"] input').fill('1');
    await page.locator('[data-param="linkGbps"] input').press('Enter');
    await expect(chart).toHaveAttribute('data-stale', 'true');
    await expect(chart).toHaveAttribute('data-stale', 'false', { timeout: 30_000 });
    // A 1 Gb/s wire caps both paths near 119 MiB/s: the axis shrinks to match.
    const after = Number(await chart.getAttribute('data-y-max'));
    expect(after).toBeLessThan(before / 4);
    await expect(page).toHaveURL(/p\.linkGbps=1/);
  });

  test('bad input gets a message next to the field and the last good value stays', async ({ page }) => {
    await openApp(page, '?mode=pv-tcp&size=4096');
    await page.getByTestId('size-input').fill('lots');
    await page.getByTestId('size-input').press('Enter');
    await expect(page.getByText('"lots" is not a size')).toBeVisible();
    await expect(page.getByTestId('size-readout')).toHaveText('4 KiB');
    await page.getByTestId('settings-toggle').click();
    await page.getByTestId('coal-input').fill('500');
    await page.getByTestId('coal-input').press('Enter');
    await expect(page.getByText(/coalUs = 500 µs is outside the allowed range 0–100 µs/)).toBeVisible();
    await expect(page).not.toHaveURL(/coalUs/);
  });

  test('a link it cannot read is named, and the rest of it still applies', async ({ page }) => {
    await openApp(page, '?v=1&mode=warp&size=65536&p.coalUs=oops');
    const notices = page.getByTestId('notices');
    await expect(notices).toContainText('mode: "warp" is not one of');
    await expect(notices).toContainText('coalUs');
    await expect(page.getByTestId('size-readout')).toHaveText('64 KiB');
  });

  test('clicking a moving token opens its journey, with the total time', async ({ page }) => {
    await openApp(page, '?mode=pv-tcp&workload=pingpong&size=64');
    await advance(page, 110_000); // message #1 is on its way back
    const stage = page.getByTestId('diagram');
    const tokens = JSON.parse((await stage.getAttribute('data-tokens')) ?? '[]') as [
      number,
      number,
      number,
    ][];
    expect(tokens.length).toBeGreaterThan(0);
    const [id, x, y] = tokens[0];
    await stage.click({ position: { x, y } });
    await expect(page.getByTestId('tab-journey')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('journey')).toHaveAttribute('data-message', String(id));
    await advance(page, 100_000); // let it arrive: its waterfall then spans the whole trip
    const total = page.getByTestId('waterfall-total');
    await expect(total).toContainText('µs end to end');
    expect(Number((await total.textContent())!.replace(/[^\d.]/g, ''))).toBeGreaterThan(70);
    // Or choose a message by its number.
    await page.getByTestId('journey-id').fill('0');
    await page.getByTestId('journey-id').press('Enter');
    await expect(page.getByTestId('journey')).toHaveAttribute('data-message', '0');
    await page.getByTestId('journey-id').fill('99');
    await page.getByTestId('journey-id').press('Enter');
    await expect(page.getByText(/a message number from 0 to/)).toBeVisible();
    await expect(page.getByTestId('journey')).toHaveAttribute('data-message', '0');
  });
});
