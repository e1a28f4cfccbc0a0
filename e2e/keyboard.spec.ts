import type { Page } from '@playwright/test';
import { formatBytes } from '../src/lib/format.ts';
import { SHORTCUTS } from '../src/ui/keyboard/shortcuts.ts';
import { advance, expect, simState, test } from './fixtures.ts';

/** Opens the app; these tests need the live run and the controls, not the sweep's charts. */
async function openApp(page: Page, query: string): Promise<void> {
  await page.goto(`/${query}`);
  await page.waitForFunction(() => window.__xenviz?.state().rendered);
  await expect(page.locator('svg[data-mode]')).toBeVisible();
}

/**
 * The keyboard never surprises: a focused control keeps the keys it uses (Space presses a button,
 * arrows move a radio group, the chart tabs or a slider), a clicker's keys always reach the app,
 * `?` lists every shortcut, and skip links jump past the header.
 */

const focusedTestId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
const focusedIn = (page: Page, selector: string) =>
  page.evaluate((s) => !!document.activeElement?.closest(s), selector);
const sizeSlider = (page: Page) => page.getByTestId('size-slider');

test('Space and Enter on a focused button press it and do not toggle play', async ({ page }) => {
  await openApp(page, '?mode=pv-tcp');
  const forward = page.getByRole('button', { name: 'Step forward' });
  await forward.focus();
  const before = await simState(page);
  await page.keyboard.press('Space');
  await expect.poll(async () => (await simState(page)).events).toBe(before.events + 1);
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await simState(page)).events).toBe(before.events + 2);
  await page.waitForTimeout(200);
  expect((await simState(page)).playing).toBe(false);

  // A button that has nothing to do with time: Space opens the settings, the run stays paused.
  await page.getByTestId('settings-toggle').focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('settings-toggle')).toHaveAttribute('aria-expanded', 'true');
  expect((await simState(page)).playing).toBe(false);

  // With nothing focused, Space is play / pause.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Space');
  await expect.poll(async () => (await simState(page)).playing).toBe(true);
});

test('← → in a radio group move the choice (one Tab stop per group) and do not step', async ({ page }) => {
  await openApp(page, '?mode=pv-tcp');
  const group = page.getByTestId('choice-mode');
  const radios = group.getByRole('radio');
  // Roving tabindex: only the chosen option is a Tab stop.
  await expect(group.locator('[role=radio][tabindex="0"]')).toHaveCount(1);
  await expect(group.locator('[role=radio][tabindex="0"]')).toHaveAttribute('data-value', 'pv-tcp');
  const values = await radios.evaluateAll((els) => els.map((e) => e.getAttribute('data-value')));
  const i = values.indexOf('pv-tcp');
  const next = values[(i + 1) % values.length]!;
  const previous = values[(i - 1 + values.length) % values.length]!;

  await group.locator('[data-value=pv-tcp]').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('svg[data-mode]')).toHaveAttribute('data-mode', next);
  await expect(group.locator(`[data-value="${next}"]`)).toHaveAttribute('aria-checked', 'true');
  await expect(group.locator(`[data-value="${next}"]`)).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('svg[data-mode]')).toHaveAttribute('data-mode', previous);
  await expect(group.locator(`[data-value="${previous}"]`)).toBeFocused();
  // A new mode starts the run afresh; had the arrows also stepped, an event would have run.
  await page.waitForTimeout(200);
  expect((await simState(page)).events).toBe(0);
});

test('← → Home End in the chart tabs move between tabs and do not step', async ({ page }) => {
  await openApp(page, '?mode=pv-tcp');
  await advance(page, 50_000);
  const events = (await simState(page)).events;
  expect(events).toBeGreaterThan(0);
  const tabs = page.getByRole('tablist', { name: 'Charts' });
  await expect(tabs.locator('[role=tab][tabindex="0"]')).toHaveCount(1);
  await page.getByTestId('tab-cpu').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('tab-throughput')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('tab-throughput')).toBeFocused();
  await expect(page.locator('[role=tabpanel]')).toHaveAttribute('aria-labelledby', 'chart-tab-throughput');
  await page.keyboard.press('End');
  await expect(page.getByTestId('tab-journey')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight'); // wraps
  await expect(page.getByTestId('tab-cpu')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Home');
  await expect(page.getByTestId('tab-cpu')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('tab-cpu')).toBeFocused();
  expect((await simState(page)).events).toBe(events);
  expect(await page.getByTestId('clock').getAttribute('data-now-ns')).not.toBe('0'); // Home did not reset
});

test('after clicking the size slider, → moves it, Space plays, PageDown is not the slider’s, B blacks out', async ({
  page,
}) => {
  await openApp(page, '?mode=pv-tcp&size=64');
  const slider = sizeSlider(page);
  await slider.click();
  const clicked = Number(await slider.inputValue());
  await expect(slider).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveValue(String(clicked + 1));
  await expect(page.getByTestId('size-readout')).toHaveText(formatBytes(2 ** (clicked + 1)));

  // PageDown / PageUp are a clicker's, never the slider's.
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageUp');
  await expect(slider).toHaveValue(String(clicked + 1));

  // Space is play / pause (a slider has no use for it).
  await page.keyboard.press('Space');
  await expect.poll(async () => (await simState(page)).playing).toBe(true);
  await page.keyboard.press('Space');
  await expect.poll(async () => (await simState(page)).playing).toBe(false);

  await expect(slider).toBeFocused();
  await page.keyboard.press('b');
  await expect(page.getByTestId('blackout')).toBeVisible();
  await page.keyboard.press('ArrowRight'); // any key ends the blackout, and does nothing else
  await expect(page.getByTestId('blackout')).toHaveCount(0);
  await expect(slider).toHaveValue(String(clicked + 1));
  // `.` is a clicker's "blank screen" key: the same blackout.
  await page.keyboard.press('.');
  await expect(page.getByTestId('blackout')).toBeVisible();
  await page.keyboard.press('.');
  await expect(page.getByTestId('blackout')).toHaveCount(0);
});

test('after clicking the size slider during a tour, → moves the slider and PageDown the tour', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openApp(page, '?tour=1');
  const card = page.getByTestId('tour-card');
  await expect(card).toHaveAttribute('data-step', '1');
  const slider = sizeSlider(page);
  await slider.click();
  const clicked = Number(await slider.inputValue());
  await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveValue(String(clicked + 1));
  await expect(card).toHaveAttribute('data-step', '1'); // → was the slider's
  await page.keyboard.press('PageDown');
  await expect(card).toHaveAttribute('data-step', '2', { timeout: 30_000 });
  await page.keyboard.press('PageUp');
  await expect(card).toHaveAttribute('data-step', '1', { timeout: 30_000 });
});

test('? lists every shortcut of the table; Esc closes it and the focus comes back', async ({ page }) => {
  await openApp(page, '?mode=zero-copy');
  const play = page.getByTestId('play');
  await play.focus();
  await page.keyboard.press('?');
  const dialog = page.getByTestId('shortcuts-dialog');
  await expect(dialog).toBeVisible();
  // One row per shortcut of the table the handler reads, with its keys and what it does.
  await expect(dialog.locator('[data-shortcut]')).toHaveCount(SHORTCUTS.length);
  for (const s of SHORTCUTS) {
    const row = dialog.locator(`[data-shortcut="${s.id}"]`);
    await expect(row.locator('dt')).toHaveText(s.label);
    await expect(row.locator('dd')).toHaveText(s.does);
  }
  await expect(dialog.locator('[data-shortcut=blackout] kbd')).toHaveText(['B', '.']);
  // While it is open, the page's shortcuts rest.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('b');
  await expect(page.getByTestId('blackout')).toHaveCount(0);
  expect((await simState(page)).events).toBe(0);

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(play).toBeFocused();
  // And it opens again; its Close button closes it too.
  await page.keyboard.press('?');
  await expect(dialog).toBeVisible();
  await page.getByTestId('shortcuts-close').click();
  await expect(dialog).toHaveCount(0);
  await expect(play).toBeFocused();
});

test('skip links, seen on focus, move the focus to the diagram, the charts and the controls', async ({
  page,
}) => {
  await openApp(page, '?mode=pv-tcp');
  await page.keyboard.press('Tab');
  expect(await focusedTestId(page)).toBe('skip-diagram');
  // Out of sight until focused, then on screen.
  const box = (await page.getByTestId('skip-diagram').boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(
    await page
      .getByTestId('skip-charts')
      .boundingBox()
      .then((b) => b!.y + b!.height),
  ).toBeLessThanOrEqual(0);

  await page.keyboard.press('Enter');
  expect(await focusedIn(page, '[data-region="diagram"]')).toBe(true);

  await page.getByTestId('skip-charts').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('tab-cpu')).toBeFocused(); // the chosen tab: the tab list's one stop

  await page.getByTestId('skip-controls').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-testid=choice-mode] [data-value=pv-tcp]')).toBeFocused();

  await page.getByTestId('skip-shortcuts').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
});

test('Tab reaches the chart tabs past fewer stops: each choice group is one stop', async ({ page }) => {
  test.setTimeout(150_000); // a hundred key presses on a busy machine
  await openApp(page, '?mode=pv-tcp');
  const stops: { testId: string | null; role: string | null; region: string | null }[] = [];
  for (let i = 0; i < 100; i++) {
    await page.keyboard.press('Tab');
    const here = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el.closest('[data-region="charts"]')) return null;
      const region = el.closest('[data-region]')?.getAttribute('data-region') ?? null;
      return { testId: el.getAttribute('data-testid'), role: el.getAttribute('role'), region };
    });
    if (here === null) break;
    stops.push(here);
  }
  expect(stops.length).toBeLessThan(100);
  // The three choice groups (7 paths, 2 operations, 3 workloads: 12 buttons) are one stop each.
  expect(stops.filter((s) => s.role === 'radio')).toHaveLength(3);
  // Skip links, header and toolbar: 4 + 8 + 5 stops (they were 8 + 14 before the groups roved).
  const outsideDiagram = stops.filter((s) => s.region !== 'diagram');
  expect(outsideDiagram.length).toBeLessThanOrEqual(17);
  // With the skip links first, the charts are two keys and Enter away.
  expect(stops.slice(0, 2).map((s) => s.testId)).toEqual(['skip-diagram', 'skip-charts']);
  test.info().annotations.push({
    type: 'tab stops before the charts',
    description: `${stops.length} (${outsideDiagram.length} outside the diagram)`,
  });
});
