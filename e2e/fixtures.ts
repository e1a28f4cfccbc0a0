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

/** Opens the app and waits until the sweep charts have data. */
export async function openApp(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query}`);
  await page.waitForFunction(() => window.__xenviz?.state().sweepReady, null, { timeout: 30_000 });
}

export const advance = (page: Page, ns: number) => page.evaluate((n) => window.__xenviz.advanceNs(n), ns);
export const simState = (page: Page) => page.evaluate(() => window.__xenviz.state());
