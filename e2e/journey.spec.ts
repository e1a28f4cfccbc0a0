import { advance, expect, openApp, test } from './fixtures.ts';
import type { Locator, Page } from '@playwright/test';

/** A number from a text such as "76.8 µs end to end". */
const numberIn = async (l: Locator) => Number(((await l.textContent()) ?? '').replace(/[^\d.]/g, ''));

/** Whether `inner` lies wholly inside `outer` (not clipped by it) and inside the window. */
async function whollyInside(page: Page, inner: Locator, outer: Locator): Promise<boolean> {
  const a = (await inner.boundingBox())!;
  const b = (await outer.boundingBox())!;
  const vp = page.viewportSize()!;
  return (
    a.x >= b.x - 1 &&
    a.y >= b.y - 1 &&
    a.x + a.width <= b.x + b.width + 1 &&
    a.y + a.height <= b.y + b.height + 1 &&
    a.y + a.height <= vp.height
  );
}

test.describe('the journey explains itself at 1366×768', () => {
  test.beforeEach(async ({ page }) => {
    await openApp(page, '?mode=pv-tcp&workload=pingpong&size=64');
    await advance(page, 200_000); // messages #0 and #1 have arrived, with their acknowledgements
    await page.getByTestId('tab-journey').click();
    await page.getByTestId('journey-id').fill('1');
    await page.getByTestId('journey-id').press('Enter');
    await expect(page.getByTestId('journey')).toHaveAttribute('data-message', '1');
  });

  test('totals by kind and domain, and the sentence, are visible without scrolling', async ({ page }) => {
    const panel = page.getByTestId('journey');
    const total = panel.getByTestId('waterfall-total');
    await expect(total).toContainText('µs end to end');
    const endToEnd = await numberIn(total);
    const sentence = panel.getByTestId('journey-sentence');
    // The sentence names the largest share of the end-to-end time, computed from the stages.
    await expect(sentence).toContainText(`of ${endToEnd.toFixed(1)} µs`);
    for (const id of [
      'waterfall-total',
      'journey-sentence',
      'journey-by-kind',
      'journey-by-domain',
      'journey-paths',
    ]) {
      const l = panel.getByTestId(id);
      await expect(l).toBeVisible();
      expect(await whollyInside(page, l, panel), `${id} inside the panel, on screen`).toBe(true);
    }
    await expect(panel.getByTestId('journey-by-kind')).toContainText('waiting');
    await expect(panel.getByTestId('journey-by-domain')).toContainText('Dom0');
    await expect(panel.getByTestId('journey-paths')).toContainText('on the critical path');
    // Sides named: pair 0's destination (h1) answers in ping-pong, so it sends message #1.
    await expect(panel.getByTestId('journey-direction')).toHaveText('sender h1 → receiver h0');
  });

  test('stages are grouped into rows that open to name every stage', async ({ page }) => {
    const panel = page.getByTestId('journey');
    const groups = panel.locator('tbody[data-group]');
    const stages = panel.locator('tr[data-category]');
    const groupCount = await groups.count();
    expect(groupCount).toBeGreaterThan(3);
    expect(groupCount * 3).toBeLessThan(await stages.count());
    await expect(panel.locator('tbody[data-group="critical"]').first()).toBeVisible();
    await expect(panel.locator('tbody[data-group="off"]').first()).toBeAttached();
    // The first group (the sender's guest) opens to list its stages, names in full.
    const first = groups.first();
    await expect(first.locator('tr[data-category]').first()).toBeHidden();
    await first.locator('tr').first().click();
    await expect(first.locator('tr[data-category="syscall"]').first()).toBeVisible();
    await expect(first.locator('tr[data-category]').first()).toContainText('writev');
  });

  test('compares with the framework: both journeys side by side, on one scale', async ({ page }) => {
    await page.getByTestId('journey-compare').click();
    const view = page.getByTestId('journey-comparison');
    await expect(view).toBeVisible();
    const mine = view.getByTestId('journey-this');
    const other = view.getByTestId('journey-other');
    await expect(other).toBeVisible({ timeout: 20_000 });
    await expect(mine.getByTestId('waterfall-total')).toContainText('µs end to end');
    await expect(other.getByTestId('waterfall-total')).toContainText('µs end to end');
    const tcpUs = await numberIn(mine.getByTestId('waterfall-total'));
    const fwUs = await numberIn(other.getByTestId('waterfall-total'));
    expect(fwUs).toBeLessThan(tcpUs);
    await expect(mine).toContainText('VM · TCP');
    await expect(other).toContainText('VM · zero-copy');
    // Same size, side by side, totals on screen.
    const a = (await mine.boundingBox())!;
    const b = (await other.boundingBox())!;
    expect(Math.abs(a.width - b.width)).toBeLessThan(2);
    expect(b.x).toBeGreaterThan(a.x + a.width - 1);
    for (const col of [mine, other]) {
      for (const id of ['journey-sentence', 'journey-by-kind', 'journey-by-domain']) {
        expect(await whollyInside(page, col.getByTestId(id), view), id).toBe(true);
      }
    }
    // One time scale: the framework's by-kind bar is shorter in proportion to its time.
    const barWidth = async (col: Locator) => {
      const segs = col.getByTestId('journey-by-kind').locator('div > div[title]');
      let w = 0;
      for (const box of await segs.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width)))
        w += box;
      return w;
    };
    const ratio = (await barWidth(other)) / (await barWidth(mine));
    expect(ratio).toBeGreaterThan((fwUs / tcpUs) * 0.9);
    expect(ratio).toBeLessThan((fwUs / tcpUs) * 1.1);
    await page.screenshot({ path: test.info().outputPath('journey-compare-1366.png') });
    // A dialog: its close button has the focus, and Esc closes it, giving the focus back to "compare".
    await expect(view.getByTestId('journey-compare-close')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(view).toBeHidden();
    await expect(page.getByTestId('journey-compare')).toBeFocused();
    await page.getByTestId('journey-compare').click();
    await view.getByTestId('journey-compare-close').click();
    await expect(view).toBeHidden();
  });
});
