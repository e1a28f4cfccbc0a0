import { test as plain, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, test } from './fixtures.ts';

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
  // Runs were made by workers (not taken from the default settings' runs shipped with the app).
  expect(await page.evaluate(() => window.__xenviz.state().sweepWorkers)).toBeGreaterThan(0);
}

/** Opens the served app; its sweeps may still be running (they are waited for where they matter). */
async function open(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query}`);
  await page.waitForFunction(() => window.__xenviz?.state(), null, { timeout: 30_000 });
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

    // Seed 2: not the default settings, whose runs ship with the app, so the workers run offline.
    await open(page, '?mode=zero-copy&size=65536&seed=2');
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
});

/**
 * A private copy of dist/ on its own port, whose sw.js can change as a deploy would change it (the
 * browser fetches a service worker's script itself, past Playwright's request routing).
 */
async function serveCopyOfDist(): Promise<{ origin: string; deployNext(): void; close(): Promise<void> }> {
  const root = mkdtempSync(join(tmpdir(), 'xenviz-offline-'));
  cpSync(join(ROOT, 'dist'), root, { recursive: true });
  let next = false;
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    let body = readFileSync(file);
    if (next && path === '/sw.js') body = Buffer.concat([body, Buffer.from('\n// the next version\n')]);
    res.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    res.end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    deployNext: () => void (next = true),
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
        rmSync(root, { recursive: true, force: true });
      }),
  };
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
};

/** Console errors, uncaught exceptions and any request that does not match `allowed`. */
function watch(page: Page, allowed: RegExp): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => {
    if (!allowed.test(r.url())) problems.push(`request elsewhere: ${r.url()}`);
  });
  return problems;
}

const isSamePage = (page: Page) =>
  page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage === true);
const hasWaitingWorker = (page: Page) =>
  page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!r?.waiting));

plain('a new version waits for "Reload" and never reloads the page by itself', async ({ page }) => {
  plain.setTimeout(150_000);
  const site = await serveCopyOfDist();
  try {
    const escaped = site.origin.replace(/[.]/g, '\\.');
    const problems = watch(page, new RegExp(`^(${escaped}/|data:|blob:)`));
    await page.goto(`${site.origin}/`);
    await page.waitForFunction(() => window.__xenviz?.state(), null, { timeout: 30_000 });
    await waitForControl(page);
    await expect(page.getByTestId('update-notice')).toHaveCount(0);

    site.deployNext();
    await page.evaluate(() => {
      (window as unknown as { samePage: boolean }).samePage = true;
      return navigator.serviceWorker.getRegistration().then((r) => r?.update());
    });
    const notice = page.getByTestId('update-notice');
    await expect(notice).toBeVisible({ timeout: 30_000 });
    await expect(notice).toContainText('A new version is ready');
    expect(await hasWaitingWorker(page)).toBe(true);
    // Seconds later: still the same page, the lecture's run untouched, the new version waiting.
    await page.waitForTimeout(5000);
    expect(await isSamePage(page)).toBe(true);
    expect(await hasWaitingWorker(page)).toBe(true);
    await expect(notice).toBeVisible();

    await page.getByTestId('update-reload').click();
    await page.waitForFunction(
      () => window.__xenviz?.state() && !(window as { samePage?: boolean }).samePage,
      null,
      {
        timeout: 30_000,
      },
    );
    await expect(page.getByTestId('update-notice')).toHaveCount(0);
    expect(await hasWaitingWorker(page)).toBe(false);
    expect(problems, 'console errors and requests elsewhere').toEqual([]);
  } finally {
    await site.close();
  }
});

plain.describe('from file://', () => {
  plain.setTimeout(150_000);

  plain.describe('the single-file build', () => {
    plain.beforeAll(() => {
      plain.setTimeout(240_000);
      execFileSync('npm', ['run', 'build:single'], { cwd: ROOT, stdio: 'pipe', timeout: 230_000 });
    });

    plain('runs with no server: the diagram, the sweep worker and the charts', async ({ page }) => {
      const problems = watch(page, /^(file|data|blob):/);
      const workers: string[] = [];
      page.on('worker', (w) => workers.push(w.url()));
      // Seed 2: not the default settings (whose runs ship with the app), so the worker runs.
      await page.goto(`${pathToFileURL(resolve(ROOT, 'dist-single/index.html')).href}?seed=2`);
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

    plain("the poster's tour opens from the file (its text is inside it)", async ({ page }) => {
      const problems = watch(page, /^(file|data|blob):/);
      await page.goto(`${pathToFileURL(resolve(ROOT, 'dist-single/index.html')).href}?tour=3`);
      await expect(page.getByTestId('tour-card')).toHaveAttribute('data-step', '3', { timeout: 60_000 });
      await expect(page.getByTestId('tour-errors')).toHaveCount(0);
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
