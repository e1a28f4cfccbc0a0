import type { Page } from '@playwright/test';
import { generateLink } from '../src/store/link/fuzzLinks.ts';
import { seededRandom } from '../src/store/link/fuzzValues.ts';
import { expect, test } from './fixtures.ts';

/**
 * Generated links opened in Chromium, with the generator and seed of the Node fuzz test
 * (src/store/link/fuzzLinks.test.ts, which checks what each link decodes to): here, that each one
 * renders the diagram with no console error, no dialog, no request off the origin (the fixture) and
 * nothing injected into the page from the link's markup and script payloads.
 */
/** Links opened (the issue asks for at least 200); FUZZ_LINKS=<n> for a quicker look. */
const LINKS = Number(process.env.FUZZ_LINKS ?? 200);
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);

/** Elements a payload (`<img src=x onerror=alert(1)>`, `"><svg onload=…>`) would have made. */
const INJECTED = '[onerror], [onload], img[src="x"], svg script, iframe[src^="javascript:"]';

/**
 * In the page, in one round trip: waits for the diagram (the app does not wait for its sweep to
 * show it), then counts injected elements and lists the scripts.
 */
const look = (page: Page) =>
  page.evaluate(async (injected) => {
    const start = performance.now();
    while (!document.querySelector('[data-box]') && performance.now() - start < 30_000)
      await new Promise((r) => setTimeout(r, 50));
    return {
      rendered: document.querySelector('[data-box]') !== null,
      injected: document.querySelectorAll(injected).length,
      scripts: [...document.scripts].map((s) => s.src || `inline:${s.textContent?.length}`).sort(),
    };
  }, INJECTED);

test(`${LINKS} generated links open the app and inject nothing (seed ${SEED})`, async ({ page, errors }) => {
  // About 0.5 s a link on a quiet machine; ten times that on a loaded one.
  test.setTimeout(60_000 + LINKS * 6_000);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto('/');
  const appScripts = (await look(page)).scripts;

  const r = seededRandom(SEED);
  const failed: string[] = [];
  const slow: string[] = [];
  const started = Date.now();
  for (let n = 0; n < LINKS; n++) {
    const { search } = generateLink(r, { browser: true });
    const before = errors.length;
    await page.goto(`/${search}`, { waitUntil: 'commit' });
    let seen = await look(page);
    if (!seen.rendered) {
      // Once in a few hundred links on a busy machine the page has not drawn within 30 s: it is
      // opened again, fully loaded, and a link that still draws nothing fails.
      slow.push(`#${n}`);
      await page.goto(`/${search}`, { waitUntil: 'load' });
      seen = await look(page);
    }
    const why = [
      !seen.rendered && 'no diagram',
      seen.injected > 0 && `${seen.injected} injected element(s)`,
      JSON.stringify(seen.scripts) !== JSON.stringify(appScripts) &&
        `scripts ${JSON.stringify(seen.scripts)}`,
      errors.length > before && `console: ${errors.slice(before).join(' | ')}`,
      dialogs.length > 0 && `dialog: ${dialogs.join(' | ')}`,
    ].filter(Boolean);
    if (why.length > 0) failed.push(`#${n} ${search.slice(0, 200)}: ${why.join('; ')}`);
  }
  console.log(
    `fuzz links in Chromium: ${LINKS} tried, ${LINKS - failed.length} passed, ${failed.length} failed, ${((Date.now() - started) / 1000).toFixed(0)} s` +
      (slow.length > 0
        ? `; opened twice (nothing drawn within 30 s the first time): ${slow.join(', ')}`
        : ''),
  );
  expect(failed).toEqual([]);
  expect(dialogs).toEqual([]);
});
