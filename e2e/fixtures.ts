import { expect, test as base, type Page } from '@playwright/test';

/** The app's test hook, as the page exposes it (one declaration for the page and the tests). */
import type { XenvizHook } from '../src/ui/testHookApi.ts';
export type { XenvizHook };

declare global {
  interface Window {
    __xenviz: XenvizHook;
  }
}

/**
 * A page that fails the test on any console error or uncaught exception, and on any request that
 * leaves the app's origin (it must work offline in a lecture hall: no CDN, fonts or analytics).
 */
export const test = base.extend<{ errors: string[] }>({
  errors: [
    async ({ page, baseURL }, use) => {
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('request', (r) => {
        const url = r.url();
        if (!url.startsWith(baseURL ?? '') && !url.startsWith('data:') && !url.startsWith('blob:')) {
          errors.push(`request outside the origin: ${url}`);
        }
      });
      await use(errors);
      expect(errors, 'console errors and outside requests').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Opens the app and waits until the sweep charts have data and the page has settled: the first
 * render and each measured resize are React transitions, committed over several tasks, so the DOM
 * is taken as settled once it has not changed for three frames (at most 3 s: a playing page never is).
 */
export async function openApp(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query}`);
  await page.waitForFunction(() => window.__xenviz?.state().sweepReady, null, { timeout: 30_000 });
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let quiet = 0;
        const seen = new MutationObserver(() => (quiet = 0));
        seen.observe(document.body, { subtree: true, childList: true, attributes: true });
        const until = performance.now() + 3_000;
        const frame = () => {
          if (++quiet >= 3 || performance.now() > until) {
            seen.disconnect();
            resolve();
          } else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
  );
}

export const advance = (page: Page, ns: number) => page.evaluate((n) => window.__xenviz.advanceNs(n), ns);
export const simState = (page: Page) => page.evaluate(() => window.__xenviz.state());
