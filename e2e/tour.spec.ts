import { test as plain } from '@playwright/test';
import type { Page } from '@playwright/test';
import { expect, openApp, simState, test } from './fixtures.ts';

const card = (page: Page) => page.getByTestId('tour-card');

/** The step on screen has set its scene: the card shows it and the run stands still at the step's moment. */
async function expectStep(page: Page, n: number, mode: string, tab: string) {
  await expect(card(page)).toHaveAttribute('data-step', String(n));
  await expect(page.locator('svg[data-mode]')).toHaveAttribute('data-mode', mode);
  await expect(page.getByTestId(`tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(new RegExp(`[?&]tour=${n}(&|$)`));
  const pausedNs = Number(await card(page).getAttribute('data-paused-ns'));
  const s = await simState(page);
  expect(s.playing).toBe(false);
  expect(pausedNs).toBeGreaterThan(0);
  expect(s.nowNs).toBe(pausedNs);
  return pausedNs;
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

test.describe('the guided tour', () => {
  // Each step runs the simulation from t = 0 to its moment, on a machine that may be busy.
  test.describe.configure({ timeout: 120_000 });

  test('opens at ?tour=1, steps with PageDown/PageUp and → ←, leaves with Esc and resumes at the same step', async ({
    page,
  }) => {
    await openApp(page, '?tour=1');
    const first = await expectStep(page, 1, 'pv-tcp', 'latency');
    await expect(card(page)).toContainText('The problem: I/O through the hypervisor');
    // The card covers no part of the diagram.
    const cardBox = (await card(page).boundingBox())!;
    const diagramBox = (await page.getByTestId('diagram').boundingBox())!;
    expect(overlaps(cardBox, diagramBox)).toBe(false);
    await expect(page.locator('[data-testid=tour-highlight][data-box-id="h0/xen"]')).toBeVisible();

    await page.keyboard.press('PageDown');
    const netbackNs = await expectStep(page, 2, 'pv-tcp', 'journey');
    expect(netbackNs).toBeGreaterThan(first);
    await expect(page.getByTestId('journey')).toHaveAttribute('data-message', '2');
    await expect(page.locator('[data-testid=tour-highlight][data-box-id="h0/dom0/netback"]')).toBeVisible();
    await expect(page.getByTestId('tour-paused')).toContainText('message #2 inside dom0/netback');

    await page.keyboard.press('PageDown');
    const arrivedNs = await expectStep(page, 3, 'pv-tcp', 'journey');
    expect(arrivedNs).toBeGreaterThan(netbackNs);
    // Numbers in the text come from the sweep, not from the file.
    const latency = card(page).locator('[data-value-of="latency.pv-tcp.64"]');
    await expect(latency).toHaveAttribute('data-state', 'ok');
    await expect(latency).toHaveText(/^\d+(\.\d+)? µs$/);

    // → moves the tour, not the simulation.
    const events = (await simState(page)).events;
    await page.keyboard.press('ArrowRight');
    await expectStep(page, 4, 'zero-copy', 'journey');
    expect((await simState(page)).events).not.toBe(events + 1);
    await page.keyboard.press('PageUp');
    expect(await expectStep(page, 3, 'pv-tcp', 'journey')).toBe(arrivedNs);
    await page.keyboard.press('ArrowLeft');
    expect(await expectStep(page, 2, 'pv-tcp', 'journey')).toBe(netbackNs);

    // Esc leaves: the tour's link goes, the scene stays to explore, and ← → step the simulation again.
    await page.keyboard.press('Escape');
    await expect(card(page)).toHaveCount(0);
    await expect(page.locator('[data-testid=tour-highlight]')).toHaveCount(0);
    await expect(page).not.toHaveURL(/[?&]tour=/);
    const before = (await simState(page)).events;
    await page.keyboard.press('ArrowRight');
    expect((await simState(page)).events).toBe(before + 1);
    await page.locator('[data-testid=choice-mode] [data-value=sr-iov]').click();
    await expect(page.locator('svg[data-mode]')).toHaveAttribute('data-mode', 'sr-iov');

    const resume = page.getByTestId('tour-start');
    await expect(resume).toHaveText('Resume tour · step 2');
    await resume.click();
    expect(await expectStep(page, 2, 'pv-tcp', 'journey')).toBe(netbackNs);
  });

  test('each step has its own link', async ({ page }) => {
    await page.goto('/?tour=6');
    await expect(card(page)).toHaveAttribute('data-step', '6');
    await expect(page.getByTestId('tab-pktgen')).toHaveAttribute('aria-selected', 'true');
    await expect(page).toHaveURL(/workload=pktgen/);
    // The pktgen step plays: the clock moves on from its moment.
    await expect.poll(async () => (await simState(page)).playing).toBe(true);
    // A what-if adds its mode to the sweep: the scene is set before that sweep is done.
    await page.goto('/?tour=11');
    await expect(card(page)).toHaveAttribute('data-step', '11');
    await expect(page.locator('svg[data-mode]')).toHaveAttribute('data-mode', 'stub-domain');
    await expect(page.getByTestId('tour-next')).toBeEnabled();
  });

  test('predict, then reveal: the guess is dragged, the curve revealed over it and the difference named', async ({
    page,
  }) => {
    await openApp(page, '?tour=9');
    const predict = page.getByTestId('predict');
    await expect(predict).toBeVisible();
    // The guess covers the charts, so the answer is not on screen while people guess.
    const charts = (await page.locator('[data-region=charts]').boundingBox())!;
    const panel = (await predict.boundingBox())!;
    expect(panel.width * panel.height).toBeGreaterThan(0.9 * charts.width * charts.height);
    const reveal = page.getByTestId('predict-reveal');
    await expect(reveal).toBeDisabled();

    // Drag the 4 MiB point up: the guess now grows with the size.
    const last = page.getByTestId('predict-point-4');
    const start = Number(await last.getAttribute('data-value'));
    const box = (await last.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y - 120, { steps: 5 });
    await page.mouse.up();
    expect(Number(await last.getAttribute('data-value'))).toBeGreaterThan(start * 10);
    await expect(page.getByTestId('predict-real')).toHaveCount(0);

    await reveal.click();
    await expect(page.getByTestId('predict-real')).toBeVisible();
    const verdict = page.getByTestId('predict-verdict');
    await expect(verdict).toContainText('the model stays about flat');
    await expect(verdict).toContainText('your guess grows');
    await expect(verdict).toContainText('furthest at 4 MiB');

    // The guess is kept: back and forth keeps it revealed.
    await page.keyboard.press('PageUp');
    await expect(predict).toHaveCount(0);
    await page.keyboard.press('PageDown');
    await expect(page.getByTestId('predict-real')).toBeVisible();
  });

  test('a shape can be picked instead of placing points', async ({ page }) => {
    await openApp(page, '?tour=7');
    await expect(page.getByTestId('predict-reveal')).toBeDisabled();
    await page.getByTestId('predict-shape-flat').click();
    await page.getByTestId('predict-reveal').click();
    const verdict = page.getByTestId('predict-verdict');
    await expect(verdict).toContainText('your guess stays about flat');
    await expect(verdict).toContainText(/the model grows \d/);
  });
});

plain('a tour file that cannot be read is named, and the app still works', async ({ page }) => {
  await page.goto('/?tour=2&tourfile=tours/no-such-tour.json');
  await expect(page.getByTestId('tour-errors')).toContainText('tours/no-such-tour.json: no such file');
  await expect(page.getByTestId('tour-card')).toHaveCount(0);
  await expect(page.locator('svg[data-mode]')).toBeVisible();
});
