import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { advance, expect, simState, test } from './fixtures.ts';

/**
 * Opens the app at `search` once it has rendered (the test hook is up before the first render, and a
 * file dropped before then has no page to land on). Links do not need the sweep's curves, which on a
 * busy machine take longer than the whole test.
 */
async function openApp(page: Page, search = ''): Promise<void> {
  await page.goto(`/${search}`);
  await page.waitForFunction(() => window.__xenviz?.state().rendered, null, { timeout: 30_000 });
}

/** The page's link as it stands (after the throttled rewrite has caught up with `expected`). */
async function linkWith(page: Page, expected: RegExp): Promise<string> {
  await expect(page).toHaveURL(expected);
  return new URL(page.url()).search;
}

/** Opens `search` in a new page of the same browser, its console errors failing the test as the first page's do. */
async function openElsewhere(page: Page, errors: string[], search: string): Promise<Page> {
  const other = await page.context().newPage();
  other.on('console', (m) => m.type() === 'error' && errors.push(`second page: ${m.text()}`));
  other.on('pageerror', (e) => errors.push(`second page: ${e.message}`));
  await openApp(other, search);
  return other;
}

test.describe('a link opens exactly where it was made', () => {
  test.describe.configure({ timeout: 120_000 });

  test('settings typed with units, the chart tab and the settings panel', async ({ page, errors }) => {
    await openApp(page, '?mode=pv-tcp&workload=stream');
    await page.getByTestId('size-input').fill('1MiB');
    await page.getByTestId('size-input').press('Enter');
    await page.getByTestId('tab-throughput').click();
    await page.getByTestId('settings-toggle').click();
    const link = await linkWith(page, /size=1048576.*tab=throughput&panel=settings/);
    expect(link).toMatch(/^\?v=2&mode=pv-tcp&op=write&workload=stream&/);

    const other = await openElsewhere(page, errors, link);
    await expect(other.getByTestId('size-readout')).toHaveText('1 MiB');
    await expect(other.locator('svg[data-mode]')).toHaveAttribute('data-mode', 'pv-tcp');
    await expect(other.getByTestId('tab-throughput')).toHaveAttribute('aria-selected', 'true');
    await expect(other.getByTestId('settings-toggle')).toHaveAttribute('aria-expanded', 'true');
    await expect(other.locator('#settings')).toBeVisible();
    await expect(other.getByTestId('notices')).toHaveCount(0);
  });

  test('the simulated time: paused where the link says, the clock the same', async ({ page, errors }) => {
    await openApp(page, '?mode=zero-copy&workload=pingpong&size=64&speed=1000000');
    await page.getByTestId('play').click();
    await page.waitForTimeout(800);
    await page.getByTestId('play').click();
    const { nowNs } = await simState(page);
    expect(nowNs).toBeGreaterThan(0);
    const link = await linkWith(page, new RegExp(`[?&]t=${nowNs}(&|$)`));
    const clock = await page.getByTestId('clock-value').textContent();

    const other = await openElsewhere(page, errors, link);
    await expect(other.getByTestId('clock')).toHaveAttribute('data-now-ns', String(nowNs));
    await expect(other.getByTestId('clock-value')).toHaveText(clock!);
    const s = await simState(other);
    expect(s.playing).toBe(false);
    expect(s.nowNs).toBe(nowNs);
  });

  test('the selected message: its journey open at the same moment', async ({ page, errors }) => {
    await openApp(page, '?mode=pv-tcp&workload=pingpong&size=64');
    await advance(page, 110_000); // message #1 is on its way back
    const stage = page.getByTestId('diagram');
    const tokensNow = async () =>
      JSON.parse((await stage.getAttribute('data-tokens')) ?? '[]') as [number, number, number][];
    // Drawn on the next frame when the readouts' new numbers moved the diagram's box.
    await expect.poll(async () => (await tokensNow()).length).toBeGreaterThan(0);
    const [id, x, y] = (await tokensNow())[0];
    await stage.click({ position: { x, y } });
    await expect(page.getByTestId('journey')).toHaveAttribute('data-message', String(id));
    const link = await linkWith(page, new RegExp(`tab=journey&t=110000&msg=${id}(&|$)`));

    const other = await openElsewhere(page, errors, link);
    await expect(other.getByTestId('tab-journey')).toHaveAttribute('aria-selected', 'true');
    await expect(other.getByTestId('journey')).toHaveAttribute('data-message', String(id));
    await expect(other.getByTestId('clock')).toHaveAttribute('data-now-ns', '110000');
  });

  test('the tour step', async ({ page, errors }) => {
    await openApp(page);
    await page.getByTestId('tour-start').click();
    await expect(page.getByTestId('tour-card')).toHaveAttribute('data-step', '1');
    await page.getByTestId('tour-next').click();
    await expect(page.getByTestId('tour-card')).toHaveAttribute('data-step', '2');
    const pausedNs = await page.getByTestId('tour-card').getAttribute('data-paused-ns');
    const link = await linkWith(page, /[?&]tour=2(&|$)/);

    const other = await openElsewhere(page, errors, link);
    await expect(other.getByTestId('tour-card')).toHaveAttribute('data-step', '2');
    await expect(other.getByTestId('tour-card')).toHaveAttribute('data-paused-ns', pausedNs!);
    await expect(other.getByTestId('journey')).toHaveAttribute('data-message', '2');
    await expect(other.getByTestId('notices')).toHaveCount(0);
  });
});

test.describe('one reader for the link and the fields', () => {
  test('the size field and the link refuse 4194305 with the same words, and take 1MiB', async ({ page }) => {
    await openApp(page, '?size=4194305&vms=2.5');
    const list = page.getByTestId('notices-list').locator('li');
    await expect(list).toHaveText([
      'size: 4194305 is outside 1 B–4 MiB (using 64 B).',
      'vms: 2.5 is not a whole number (1–16 VMs) (using 1 VM).',
    ]);
    await page.getByTestId('size-input').fill('4194305');
    await page.getByTestId('size-input').press('Enter');
    await expect(page.locator('.field-error')).toHaveText('size: 4194305 is outside 1 B–4 MiB');
    await expect(page.getByTestId('size-readout')).toHaveText('64 B');
    await page.getByTestId('size-input').fill('1MiB');
    await page.getByTestId('size-input').press('Enter');
    await expect(page.getByTestId('size-readout')).toHaveText('1 MiB');
    await expect(page).toHaveURL(/size=1048576/);
  });

  test('a bad link: one notice lists every problem, stays short, and Dismiss clears it', async ({ page }) => {
    await openApp(
      page,
      '?v=2&mode=warp&size=1e309&vms=99&seed=0x10&window=0&speed=fast&p.coalUs=900&p.nope=1&tab=map&panel=x&t=1s&msg=-1',
    );
    await expect(page.getByTestId('notices')).toHaveCount(1);
    const items = page.getByTestId('notices-list').locator('li');
    await expect(items).toHaveCount(12);
    await expect(items.first()).toHaveText(/^mode: "warp" is not one of/);
    await expect(page.getByTestId('notices')).toContainText('12 problems');
    // However many, the notice stays a few lines tall: the diagram keeps the screen.
    const box = (await page.getByTestId('notices').boundingBox())!;
    expect(box.height).toBeLessThan(200);
    const diagram = (await page.getByTestId('diagram').boundingBox())!;
    expect(diagram.height).toBeGreaterThan(250);
    await page.getByTestId('notices-dismiss').click();
    await expect(page.getByTestId('notices')).toHaveCount(0);
  });

  test('an old v=1 link opens, upgraded, with a note only where it had to change', async ({ page }) => {
    await openApp(
      page,
      '?v=1&mode=pv-tcp&op=write&workload=stream&size=67108864&vms=2&window=8&seed=1&speed=10000',
    );
    await expect(page.getByTestId('notices-list').locator('li')).toHaveText([
      'size: 67108864 came from a v=1 link, which went to 64 MiB; this version goes to 4 MiB: using 4 MiB.',
    ]);
    await expect(page.getByTestId('size-readout')).toHaveText('4 MiB');
    await expect(page).toHaveURL(/^[^?]*\?v=2&mode=pv-tcp&op=write&workload=stream&size=4194304&vms=2&/);
  });
});

test.describe('the scenario file', () => {
  test.describe.configure({ timeout: 120_000 });

  test('saves the whole state and opens it back by the file picker and by drag and drop', async ({
    page,
    errors,
  }) => {
    await openApp(page, '?mode=pv-tcp&workload=pingpong&size=4096&p.coalUs=10');
    await advance(page, 75_000);
    await page.getByTestId('tab-latency').click();
    await page.getByTestId('settings-toggle').click();
    const download = page.waitForEvent('download');
    await page.getByTestId('scenario-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('xen-hpc-io-pv-tcp-pingpong-4K.json');
    const path = await file.path();
    const json = JSON.parse(readFileSync(path, 'utf8'));
    expect(json).toEqual({
      format: 'xen-hpc-io-scenario',
      v: 2,
      settings: {
        mode: 'pv-tcp',
        op: 'write',
        workload: 'pingpong',
        sizeBytes: 4096,
        vms: 1,
        window: 8,
        seed: 1,
        speedNsPerSec: 10000,
        params: { coalUs: 10 },
      },
      view: { tab: 'latency', settingsOpen: true, timeNs: 75000, message: null },
      tour: null,
    });

    const other = await openElsewhere(page, errors, '?mode=native&size=64');
    await other.getByTestId('scenario-file-input').setInputFiles(path);
    await expect(other.locator('svg[data-mode]')).toHaveAttribute('data-mode', 'pv-tcp');
    await expect(other.getByTestId('size-readout')).toHaveText('4 KiB');
    await expect(other.getByTestId('tab-latency')).toHaveAttribute('aria-selected', 'true');
    await expect(other.getByTestId('settings-toggle')).toHaveAttribute('aria-expanded', 'true');
    await expect(other.getByTestId('clock')).toHaveAttribute('data-now-ns', '75000');
    await expect(other).toHaveURL(/p\.coalUs=10.*tab=latency&panel=settings&t=75000/);

    // Dropped anywhere on the page: the same file, with the journey of message 0 open this time.
    const dropped = JSON.stringify({
      ...json,
      view: { ...json.view, tab: 'journey', message: 0, settingsOpen: false },
    });
    const third = await openElsewhere(page, errors, '');
    await third.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
      for (const type of ['dragenter', 'dragover', 'drop'])
        document.body.dispatchEvent(
          new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }),
        );
    }, dropped);
    await expect(third.getByTestId('journey')).toHaveAttribute('data-message', '0');
    await expect(third.getByTestId('clock')).toHaveAttribute('data-now-ns', '75000');
    await expect(third.getByTestId('settings-toggle')).toHaveAttribute('aria-expanded', 'false');
  });

  test('a bad file names the field and leaves the page as it was', async ({ page }) => {
    await openApp(page, '?mode=dom0&workload=pingpong&size=256');
    await advance(page, 20_000);
    await expect(page).toHaveURL(/[?&]t=20000(&|$)/);
    const before = page.url();
    const bad = {
      format: 'xen-hpc-io-scenario',
      v: 2,
      settings: {
        mode: 'pv-tcp',
        op: 'write',
        workload: 'pingpong',
        sizeBytes: 5000000,
        vms: 1,
        window: 8,
        seed: 1,
        speedNsPerSec: 10000,
        params: {},
      },
      view: { tab: 'journey', settingsOpen: true, timeNs: 1000, message: 'first' },
      tour: null,
    };
    await page.getByTestId('scenario-file-input').setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    const items = page.getByTestId('notices-list').locator('li');
    await expect(items).toHaveText([
      'bad.json: settings.sizeBytes: 5000000 is outside 1 B–4 MiB',
      /^bad\.json: view\.message: "first" is not a number/,
      'Nothing of bad.json was applied: the page is as it was.',
    ]);
    await expect(page.locator('svg[data-mode]')).toHaveAttribute('data-mode', 'dom0');
    await expect(page.getByTestId('size-readout')).toHaveText('256 B');
    await expect(page.getByTestId('clock')).toHaveAttribute('data-now-ns', '20000');
    expect(page.url()).toBe(before);

    await page.getByTestId('scenario-file-input').setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{ not json'),
    });
    await expect(items.first()).toHaveText(/^notes\.json: not JSON/);
  });
});
