import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/**
 * Watching a page for what an attack would leave: Content-Security-Policy violations, elements a
 * payload would create if parsed as markup, and dialogs (shared by csp.spec.ts and xss.spec.ts).
 */

/** Recorded in the page from its first script on: policy violations and suspicious new elements. */
interface Watched {
  __csp: string[];
  __injected: string[];
}

/** Runs in the page before its own scripts (page.addInitScript). */
export function watchPage(): void {
  const w = window as unknown as Watched;
  w.__csp = [];
  w.__injected = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    w.__csp.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`.trim()),
  );
  // Elements a payload would create if it were parsed as markup rather than shown as text.
  const suspicious = (el: Element) =>
    el.matches('script, iframe, object, embed, base, img[src="x"], svg[onload], a[href^="javascript:" i]') ||
    [...el.attributes].some((a) => /^on/i.test(a.name));
  new MutationObserver((records) => {
    for (const r of records)
      for (const n of r.addedNodes)
        if (n instanceof Element)
          for (const el of [n, ...n.querySelectorAll('*')])
            if (suspicious(el)) w.__injected.push(el.outerHTML.slice(0, 120));
  }).observe(document, { childList: true, subtree: true });
}

/** What the page recorded, plus a scan of the document as it is now. */
export async function findings(page: Page): Promise<{ csp: string[]; injected: string[] }> {
  return page.evaluate(() => {
    const w = window as unknown as Watched;
    const own = (s: HTMLScriptElement) => s.src.startsWith(`${location.origin}/assets/`);
    const now = [...document.querySelectorAll('*')]
      .filter(
        (el) =>
          (el instanceof HTMLScriptElement && !own(el)) ||
          el.matches('iframe, object, embed, base, img[src="x"], svg[onload], a[href^="javascript:" i]') ||
          [...el.attributes].some((a) => /^on/i.test(a.name)),
      )
      .map((el) => el.outerHTML.slice(0, 120));
    // The entry script (and the preloads vite adds) are the app's own; anything else is not.
    const added = w.__injected.filter(
      (h) => !/^<script type="module" crossorigin="" src="\.\/assets\//.test(h),
    );
    return { csp: [...w.__csp], injected: [...added, ...now] };
  });
}

export async function expectClean(page: Page, where: string): Promise<void> {
  const f = await findings(page);
  expect(f.csp, `policy violations ${where}`).toEqual([]);
  expect(f.injected, `injected elements ${where}`).toEqual([]);
}

/** Opens the app, not waiting for the charts' sweep (these tests do not need it). */
export async function open(page: Page, query: string): Promise<void> {
  await page.goto(`/${query}`);
  await page.waitForFunction(() => window.__xenviz?.state(), null, { timeout: 60_000 });
}

/** Fails the test on any dialog (alert, confirm, prompt): a payload that ran would open one. */
export function failOnDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  return dialogs;
}
