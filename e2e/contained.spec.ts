import { test as plain, type Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/**
 * Contained failures: a refused settings change leaves the previous settings in effect, with its
 * message by the field; a panel that throws shows what failed and comes back with Reset, the rest
 * of the page working.
 */
async function openApp(page: Page, search = ''): Promise<void> {
  await page.goto(`/${search}`);
  // The hook is there before the first render (a transition, over several tasks): wait for the
  // diagram's first drawing, after the controls are on the page.
  await page.waitForFunction(
    () => document.querySelector('[data-testid=diagram]')?.hasAttribute('data-now-ns') ?? false,
    null,
    { timeout: 30_000 },
  );
}

const sweepReady = (page: Page) =>
  page.waitForFunction(() => window.__xenviz.state().sweepReady, null, { timeout: 90_000 });

test.describe('a refused change', () => {
  test.describe.configure({ timeout: 150_000 });

  test('a wake below its CPU part: a message by the field, the run unchanged, the app still works', async ({
    page,
  }) => {
    await openApp(page, '?mode=pv-tcp&workload=pingpong');
    await sweepReady(page);
    await page.getByTestId('settings-toggle').click();
    const constants = page.getByTestId('model-constants');
    await constants.locator('summary').click();
    const row = constants.locator('[data-param="wakeThreadUs"]');
    // 1.5 µs is inside the field's own range (1–8 µs) but below wakeThreadCpuUs (2 µs).
    await row.locator('input').fill('1.5');
    await row.locator('input').press('Enter');
    await expect(row.locator('.field-error')).toHaveText(
      'wakeThreadCpuUs (2 µs) cannot exceed wakeThreadUs (1.5 µs)',
    );
    await expect(constants.locator('summary .badge')).toHaveText('defaults');
    await page.waitForTimeout(400); // past the link's throttle
    expect(page.url()).not.toContain('wakeThread');
    // The live run still runs the old settings: it advances without a word.
    await page.evaluate(() => window.__xenviz.advanceNs(200_000));
    await expect(page.getByTestId('notices')).toHaveCount(0);

    // Another setting afterwards applies everywhere: the diagram, the link, the charts (which add
    // the what-if's curves: more points than before, however quickly they come in).
    const pointsBefore = await page.evaluate(() => window.__xenviz.state().sweepPoints);
    await page.locator('[data-testid=choice-mode] [data-value=sr-iov]').click();
    await expect(page.locator('svg[data-mode]')).toHaveAttribute('data-mode', 'sr-iov');
    await expect(page).toHaveURL(/mode=sr-iov/);
    expect(page.url()).not.toContain('wakeThread');
    await page.waitForFunction(
      (before) => {
        const s = window.__xenviz.state();
        return s.sweepReady && s.sweepPoints > before;
      },
      pointsBefore,
      { timeout: 90_000 },
    );
    expect(await page.evaluate(() => window.__xenviz.advanceNs(100_000))).toBeGreaterThan(0);
  });

  test('a burst into pktgen with a stale size ends on a valid frame', async ({ page }) => {
    await openApp(page, '?mode=pv-tcp&workload=stream&size=32768');
    // The click and the slider's input in one task: the slider still has the message range (1 B–4 MiB).
    await page.evaluate(() => {
      const pktgen = document.querySelector<HTMLElement>(
        '[data-testid=choice-workload] [data-value=pktgen]',
      )!;
      pktgen.click();
      const slider = document.querySelector<HTMLInputElement>('[data-testid=size-slider]')!;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(slider, '15');
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await expect(page.locator('[data-testid=choice-workload] [data-value=pktgen]')).toHaveAttribute(
      'aria-checked',
      'true',
    );
    await expect(page).toHaveURL(/workload=pktgen.*size=1514/);
    expect(await page.evaluate(() => window.__xenviz.advanceNs(100_000))).toBeGreaterThan(0);
  });
});

/** The test hook's failure on demand (src/ui/testHook.ts): the panel's next render throws. */
const failPanel = (page: Page, name: string) =>
  page.evaluate((n) => (window.__xenviz as unknown as { failPanel(name: string): void }).failPanel(n), name);

/** The page's console errors and uncaught exceptions, but for the failures a test injects. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  const keep = (text: string) => !text.includes('injected failure in the');
  page.on('console', (m) => m.type() === 'error' && keep(m.text()) && errors.push(m.text()));
  page.on('pageerror', (e) => keep(e.message) && errors.push(e.message));
  return errors;
}

plain.describe('a panel that throws', () => {
  plain.describe.configure({ timeout: 120_000 });

  plain('shows what failed; Reset brings it back; the rest of the page works meanwhile', async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page, '?mode=pv-tcp&workload=pingpong');
    await expect(page.locator('svg[data-mode]')).toBeVisible();

    await failPanel(page, 'diagram');
    const failed = page.getByTestId('panel-failed-diagram');
    await expect(failed).toContainText('The diagram failed: injected failure in the diagram panel');
    await expect(page.locator('svg[data-mode]')).toHaveCount(0);
    // The rest works: a chart tab, a setting, the live run.
    await page.getByTestId('tab-latency').click();
    await expect(page.getByTestId('tab-latency')).toHaveAttribute('aria-selected', 'true');
    await page.locator('[data-testid=choice-mode] [data-value=zero-copy]').click();
    await expect(page).toHaveURL(/mode=zero-copy/);
    expect(await page.evaluate(() => window.__xenviz.advanceNs(50_000))).toBeGreaterThan(0);

    await page.getByTestId('panel-reset-diagram').click();
    await expect(failed).toHaveCount(0);
    await expect(page.locator('svg[data-mode]')).toHaveAttribute('data-mode', 'zero-copy');

    // A chart tab's body alone: the tab bar stays.
    await sweepReady(page);
    await failPanel(page, 'latency');
    await expect(page.getByTestId('panel-failed-latency')).toContainText('The Latency tab failed');
    await expect(page.getByTestId('tab-cpu')).toBeVisible();
    await page.getByTestId('panel-reset-latency').click();
    await expect(page.getByTestId('panel-failed-latency')).toHaveCount(0);
    await expect(page.locator('[data-chart-tab=latency] svg').first()).toBeVisible();

    expect(errors, 'console errors other than the injected ones').toEqual([]);
  });
});
