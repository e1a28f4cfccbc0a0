import { test as plain, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, openApp, test } from './fixtures.ts';

/**
 * Offline for real: the served build's service worker (a reload with no network), its update
 * notice (a new version never reloads the page by itself), the single-file build from file://,
 * and the normal build from file://, which must say what to do instead of showing a blank page.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SWEEP_TIMEOUT_MS = 90_000; // generous: other suites may share the machine's cores

/** The sweeps finished and the throughput chart drew its curves. */
async function expectChartsFilled(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__xenviz?.state().sweepReady, null, { timeout: SWEEP_TIMEOUT_MS });
  await page.getByTestId('tab-throughput').click();
  const curves = page.locator('[data-testid=series] path[d]');
  await expect.poll(() => curves.count()).toBeGreaterThan(0);
  expect(await curves.first().getAttribute('d')).toMatch(/^M[\d.]/);
}

async function waitForControl(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

test.describe('the served build, offline', () => {
  test.setTimeout(150_000);

  test('after one visit, a reload with no network runs the app and fills the charts', async ({
    page,
    context,
    browser,
    baseURL,
  }) => {
    // The control: with no service worker, the offline emulation does refuse the page.
    const bare = await browser.newContext({ serviceWorkers: 'block' });
    await bare.setOffline(true);
    await expect((await bare.newPage()).goto(baseURL ?? '/')).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
    await bare.close();

    await openApp(page, '?mode=zero-copy&size=65536');
    await waitForControl(page);
    await expect(page.getByTestId('must-serve')).toHaveCount(0); // the app replaced the message

    await context.setOffline(true);
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    const fromCache: boolean[] = [];
    page.on('response', (r) => {
      if (r.url().startsWith(baseURL ?? '')) fromCache.push(r.fromServiceWorker());
    });
    await page.reload();
    await expect(page.locator('[data-box]').first()).toBeVisible();
    await expectChartsFilled(page);
    expect(
      workers.some((u) => /sweep\.worker-[\w-]+\.js$/.test(u)),
      workers.join(', '),
    ).toBe(true);
    expect(fromCache.length).toBeGreaterThan(0);
    expect(fromCache.every(Boolean), 'every response came from the service worker').toBe(true);
    // The tours are precached too (public/tours/*.json).
    const steps = await page.evaluate(() =>
      fetch('tours/poster.json').then((r) => r.json() as Promise<{ steps: unknown[] }>),
    );
    expect(steps.steps.length).toBeGreaterThan(0);
    await context.setOffline(false);
  });

  test('a new version waits for "Reload" and never reloads the page by itself', async ({ page, context }) => {
    await openApp(page);
    await waitForControl(page);
    // The next deploy: the same files with a different sw.js, which the browser sees as a new worker.
    await context.route('**/sw.js', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: `${await response.text()}\n// the next version\n` });
    });
    await page.evaluate(() => {
      (window as unknown as { beforeUpdate: boolean }).beforeUpdate = true;
      return navigator.serviceWorker.getRegistration().then((r) => r?.update());
    });
    const notice = page.getByTestId('update-notice');
    await expect(notice).toBeVisible({ timeout: 30_000 });
    await expect(notice).toContainText('A new version is ready');
    expect(
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!r?.waiting)),
    ).toBe(true);
    // Some seconds later the page is the same page, and the new version still waits.
    await page.waitForTimeout(3000);
    expect(await page.evaluate(() => (window as unknown as { beforeUpdate?: boolean }).beforeUpdate)).toBe(
      true,
    );
    await expect(notice).toBeVisible();

    await Promise.all([page.waitForEvent('load'), page.getByTestId('update-reload').click()]);
    await page.waitForFunction(() => window.__xenviz?.state(), null, { timeout: 30_000 });
    expect(
      await page.evaluate(() => (window as unknown as { beforeUpdate?: boolean }).beforeUpdate),
    ).toBeUndefined();
    await expect(page.getByTestId('update-notice')).toHaveCount(0);
    expect(
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!r?.waiting)),
    ).toBe(false);
    await context.unroute('**/sw.js');
  });
});

/** Console errors, uncaught exceptions and any request that is not the file itself or inline data. */
function watchFilePage(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => {
    if (!/^(file|data|blob):/.test(r.url())) problems.push(`request outside the file: ${r.url()}`);
  });
  return problems;
}

plain.describe('from file://', () => {
  plain.setTimeout(150_000);

  plain.describe('the single-file build', () => {
    plain.beforeAll(() => {
      plain.setTimeout(240_000);
      execFileSync('npm', ['run', 'build:single'], { cwd: ROOT, stdio: 'pipe', timeout: 230_000 });
    });

    plain('runs with no server: the diagram, the sweep worker and the charts', async ({ page }) => {
      const problems = watchFilePage(page);
      const workers: string[] = [];
      page.on('worker', (w) => workers.push(w.url()));
      await page.goto(pathToFileURL(resolve(ROOT, 'dist-single/index.html')).href);
      await expect(page.locator('[data-box]').first()).toBeVisible();
      await expectChartsFilled(page);
      // The sweeps ran in the inlined worker, not in the page's fallback.
      expect(
        workers.some((u) => u.startsWith('blob:') || u.startsWith('data:')),
        workers.join(', '),
      ).toBe(true);
      expect(
        await page.evaluate(() => 'serviceWorker' in navigator && navigator.serviceWorker.controller),
      ).toBeFalsy();
      expect(problems, 'console errors and requests outside the file').toEqual([]);
    });
  });

  plain('the normal build says it must be served instead of showing a blank page', async ({ page }) => {
    const file = resolve(ROOT, 'dist/index.html');
    expect(existsSync(file), 'dist/ is built by the test server (npm run build)').toBe(true);
    await page.goto(pathToFileURL(file).href);
    const message = page.getByTestId('must-serve');
    await expect(message).toBeVisible({ timeout: 10_000 });
    await expect(message).toContainText('This page must be served');
    await expect(message).toContainText('npm run preview');
    await expect(message).toContainText('npm run build:single');
    // Its own stylesheet applied (the delay that hides it while a served page starts).
    expect(await message.evaluate((el) => getComputedStyle(el).animationName)).toBe('must-serve-show');
  });
});
