import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/** The test hook's sweep fields (src/ui/testHook.ts). */
interface SweepHookState {
  sweepReady: boolean;
  sweepPoints: number;
  sweepWorkers: number;
}

/** Points of a complete sweep of two modes: 9 sizes each, and pktgen's 3 modes × 6 frame sizes. */
const COMPLETE_POINTS = 2 * 9 + 3 * 6;

const sweepState = (page: Page) => page.evaluate(() => window.__xenviz.state() as unknown as SweepHookState);

async function waitForCurves(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__xenviz?.state().sweepReady, null, { timeout: 150_000 });
}

/** The latency chart's drawn lines: the same data draws the same paths. */
function latencyPaths(page: Page): Promise<string[]> {
  return page
    .locator('[data-chart-tab="latency"] [data-series] path')
    .evaluateAll((paths) => paths.map((p) => p.getAttribute('d') ?? ''));
}

test('changing VMs twice quickly ends with the last setting’s curves, computed on several workers', async ({
  page,
}) => {
  test.setTimeout(480_000); // two full sweeps and part of a third, on a loaded machine
  await page.goto('/?mode=pv-tcp&vms=1');
  await page.getByTestId('tab-latency').click();
  await waitForCurves(page);
  const atOneVm = await latencyPaths(page);

  await page.getByTestId('settings-toggle').click();
  const vms = page.getByTestId('vms-input');
  await vms.fill('4');
  await vms.press('Enter');
  await vms.fill('2');
  await vms.press('Enter');
  // Coarse curves first: the new sweep's partial curves replace the old before it completes.
  const sawPartial = await page.evaluate(
    (complete) =>
      new Promise<boolean>((resolve) => {
        const tick = () => {
          const s = window.__xenviz.state() as unknown as SweepHookState;
          if (!s.sweepReady && s.sweepPoints > 0 && s.sweepPoints < complete) resolve(true);
          else if (s.sweepReady) resolve(false);
          else requestAnimationFrame(tick);
        };
        tick();
      }),
    COMPLETE_POINTS,
  );
  expect(sawPartial, 'partial curves shown before the sweep completes').toBe(true);
  await waitForCurves(page);
  const state = await sweepState(page);
  expect(state.sweepPoints).toBe(COMPLETE_POINTS);
  expect(state.sweepWorkers, 'workers that delivered runs').toBeGreaterThan(1);
  const afterChanges = await latencyPaths(page);

  // A fresh page at the last setting draws exactly the same curves; the first setting's differ.
  await page.goto('/?mode=pv-tcp&vms=2');
  await page.getByTestId('tab-latency').click();
  await waitForCurves(page);
  const fresh = await latencyPaths(page);
  expect(afterChanges).toEqual(fresh);
  expect(afterChanges).not.toEqual(atOneVm);
});
