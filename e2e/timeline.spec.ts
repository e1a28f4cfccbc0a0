import { mkdirSync } from 'node:fs';
import { advance, expect, simState, test } from './fixtures.ts';
import type { Locator, Page } from '@playwright/test';

const SHOTS = '/tmp/pw-timeline';

/** Opens the app; the timeline needs the live run only, not the sweeps behind the other charts. */
async function openApp(page: Page, query: string): Promise<void> {
  await page.goto(`/${query}`);
  await page.waitForFunction(() => typeof window.__xenviz?.state === 'function', null, { timeout: 30_000 });
}

/** The canvas' view and what it painted, from the attributes it sets on every paint. */
function painted(canvas: Locator) {
  return canvas.evaluate((el) => {
    const d = (el as HTMLCanvasElement).dataset;
    return {
      spans: Number(d.spansDrawn ?? 0),
      startNs: Number(d.viewStartNs ?? 0),
      endNs: Number(d.viewEndNs ?? 0),
      nowNs: Number(d.nowNs ?? 0),
    };
  });
}

// The machine that runs these may be busy: the timeline's own waits are generous.
test.setTimeout(180_000);
const POLL = { timeout: 30_000 };

/** Opens pv-tcp ping-pong, plays it, and opens the timeline tab while it plays. */
async function openPlaying(page: Page): Promise<Locator> {
  await openApp(page, '?mode=pv-tcp&workload=pingpong&size=64');
  await advance(page, 300_000);
  await page.getByTestId('play').click();
  await page.getByTestId('tab-timeline').click();
  const canvas = page.getByTestId('timeline-canvas');
  await expect(page.getByTestId('timeline')).toBeVisible();
  await expect.poll(async () => (await painted(canvas)).spans, POLL).toBeGreaterThan(50);
  // Playing moves the cursor, and the view follows it.
  const first = await painted(canvas);
  await expect.poll(async () => (await painted(canvas)).nowNs, POLL).toBeGreaterThan(first.nowNs);
  await page.getByTestId('play').click(); // pause: the rest reads a still picture
  return canvas;
}

test('the timeline paints the live run, zooms with the wheel, pans with A and D', async ({ page }) => {
  const canvas = await openPlaying(page);
  const box = (await canvas.boundingBox())!;
  const before = await painted(canvas);
  expect(before.endNs - before.startNs).toBeGreaterThan(0);

  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
  await page.mouse.wheel(0, -400);
  await expect
    .poll(async () => {
      const v = await painted(canvas);
      return v.endNs - v.startNs;
    }, POLL)
    .toBeLessThan((before.endNs - before.startNs) * 0.6);
  const zoomed = await painted(canvas);

  await canvas.focus();
  await page.keyboard.press('a');
  const left = await painted(canvas);
  expect(left.startNs).toBeLessThan(zoomed.startNs);
  expect(left.endNs - left.startNs).toBe(zoomed.endNs - zoomed.startNs);
  await page.keyboard.press('d');
  await page.keyboard.press('d');
  expect((await painted(canvas)).startNs).toBeGreaterThan(left.startNs);
  // W and S zoom; the app's letters (here: none for W/A/S/D) stay the app's elsewhere.
  await page.keyboard.press('w');
  const w = await painted(canvas);
  expect(w.endNs - w.startNs).toBeLessThan(zoomed.endNs - zoomed.startNs);
  await page.keyboard.press('s');
  await page.keyboard.press('s');
  const s = await painted(canvas);
  expect(s.endNs - s.startNs).toBeGreaterThan(w.endNs - w.startNs);
});

test('clicking a span opens its message’s journey', async ({ page }) => {
  const canvas = await openPlaying(page);
  await canvas.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('w'); // closer: spans wide enough to aim at
  const probe = (await canvas.getAttribute('data-probe')) ?? '';
  expect(probe).not.toBe('');
  const [x, y] = probe.split(',').map(Number);
  await canvas.click({ position: { x, y } });
  const journey = page.getByTestId('journey');
  await expect(journey).toBeVisible(POLL);
  await expect(journey).toHaveAttribute('data-message', /^\d+$/);
});

test('shift-drag sums a range; clicking the axis moves the simulated time', async ({ page }) => {
  const canvas = await openPlaying(page);
  let box = (await canvas.boundingBox())!;
  const v = await painted(canvas);
  const plotLeft = Math.min(150, Math.round(box.width * 0.3));
  const xOf = (t: number) =>
    box.x + plotLeft + ((t - v.startNs) / (v.endNs - v.startNs)) * (box.width - plotLeft);
  const y = box.y + box.height * 0.6;
  await page.mouse.move(xOf(v.startNs + (v.nowNs - v.startNs) * 0.1), y);
  await page.keyboard.down('Shift');
  await page.mouse.down();
  await page.mouse.move(xOf(v.startNs + (v.nowNs - v.startNs) * 0.9), y, { steps: 5 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  const summary = page.getByTestId('timeline-summary');
  await expect(summary).toBeVisible(POLL);
  expect(Number(await summary.getAttribute('data-cpu-ns'))).toBeGreaterThan(0);
  await expect(page.getByTestId('timeline-summary-cpu')).toContainText(/µs|ns/);

  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/timeline-1366x768.png` });

  // Back in time: a click on the axis moves the cursor there, paused (a lookup in the recording).
  box = (await canvas.boundingBox())!;
  const target = v.startNs + (v.nowNs - v.startNs) * 0.5;
  await page.mouse.click(xOf(target), box.y + 10);
  await expect.poll(async () => (await simState(page)).nowNs, POLL).toBeLessThan(v.nowNs);
  expect(Math.abs((await simState(page)).nowNs - target)).toBeLessThan((v.endNs - v.startNs) / 50);
});

test('a link opens the timeline tab; screenshots at 1920×1080 and in presenter mode', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openApp(page, '?mode=zero-copy&workload=stream&size=64K&vms=2&tab=timeline');
  await advance(page, 400_000);
  const canvas = page.getByTestId('timeline-canvas');
  await expect.poll(async () => (await painted(canvas)).spans, POLL).toBeGreaterThan(50);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/timeline-1920x1080.png` });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.keyboard.press('p');
  await page.getByTestId('presenter-view-charts').click();
  await expect.poll(async () => (await painted(canvas)).spans, POLL).toBeGreaterThan(10);
  await page.screenshot({ path: `${SHOTS}/timeline-presenter-1366x768.png` });
});
