import { advance, expect, openApp, simState, test } from './fixtures.ts';

/**
 * The cursor over the recording: stepping back and moving the timeline's cursor look the recording
 * up (the run stays where it was, the page shows the past); going back further than the recording
 * keeps replays from the seed a slice per frame, with progress and a cancel.
 */
const tokensOf = (page: import('@playwright/test').Page) =>
  page.locator('[data-tokens]').first().getAttribute('data-tokens');

test('step back and forward again through the recording: the same tokens, gauges and clock, no replay', async ({
  page,
}) => {
  await openApp(page, '?mode=pv-tcp&workload=stream&size=1500&vms=2');
  await advance(page, 300_000);
  const forward: { events: number; nowNs: number; tokens: string | null }[] = [];
  for (let i = 0; i < 12; i++) {
    await page.getByRole('button', { name: 'Step forward' }).click();
    const s = await simState(page);
    forward.push({ events: s.events, nowNs: s.nowNs, tokens: await tokensOf(page) });
  }
  for (let i = forward.length - 2; i >= 0; i--) {
    await page.getByRole('button', { name: 'Step back' }).click();
    const s = await simState(page);
    expect(s.replaying).toBe(false);
    expect({ events: s.events, nowNs: s.nowNs }).toEqual({
      events: forward[i].events,
      nowNs: forward[i].nowNs,
    });
    expect(await tokensOf(page)).toBe(forward[i].tokens);
  }
  await expect(page.getByTestId('clock')).toHaveAttribute('data-now-ns', String(forward[0].nowNs));
  await page.getByRole('button', { name: 'Step forward' }).click();
  expect((await simState(page)).events).toBe(forward[1].events);
  expect(await tokensOf(page)).toBe(forward[1].tokens);
});

test('back past what the recording keeps: a replay with progress lands on the event; Cancel keeps the page as it was', async ({
  page,
}) => {
  test.setTimeout(240_000);
  // Not openApp: at 16 VMs the charts' sweep takes minutes, and this test does not read them.
  await page.goto('/?mode=pv-tcp&workload=stream&size=64&vms=16&window=256');
  await page.waitForFunction(() => window.__xenviz?.state());
  await page.evaluate(() => window.__xenviz.keepEventTimes!(100));
  await advance(page, 120_000_000);
  const before = await simState(page);
  expect(before.events).toBeGreaterThan(100_000);
  // Within the last 100 events: a lookup.
  await page.getByRole('button', { name: 'Step back' }).click();
  expect((await simState(page)).events).toBe(before.events - 1);
  expect((await simState(page)).replaying).toBe(false);
  // Further back than that by the timeline's cursor: a replay in slices, the page drawing meanwhile.
  await page.getByTestId('tab-timeline').click();
  await page.evaluate(() => window.__xenviz.pause());
  const canvas = page.getByTestId('timeline-canvas');
  await page.getByTestId('timeline-fit').click();
  const box = (await canvas.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.5, box.y + 10);
  const progress = page.getByTestId('replay-progress');
  await expect(progress).toBeVisible();
  await expect(progress).toContainText('Replaying from the start');
  await page.getByTestId('replay-cancel').click();
  await expect(progress).toHaveCount(0);
  expect((await simState(page)).events).toBe(before.events - 1); // nothing lost
  expect((await simState(page)).replaying).toBe(false);

  // Let one finish: one event back at the start of the kept window, then once more past it.
  await page.evaluate(() => {
    for (let i = 0; i < 98; i++) window.__xenviz.back(); // to the oldest event time kept (100 − 1 from the head)
  });
  const edge = await simState(page);
  expect(edge.replaying).toBe(false);
  await page.evaluate(() => window.__xenviz.back());
  await expect(progress).toBeVisible();
  await expect.poll(async () => (await simState(page)).replaying, { timeout: 120_000 }).toBe(false);
  await expect(progress).toHaveCount(0);
  const after = await simState(page);
  expect(after.events).toBe(edge.events - 1);
  expect(after.nowNs).toBeLessThanOrEqual(edge.nowNs);
});
