import { chromium, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';

/**
 * What the bench's browser sections share: which Chromium to launch, when a build is stale, and
 * waiting for `vite preview` to answer. (Here, not in sections/: the runner loads every file there
 * as a section.)
 */

/** CHROMIUM_PATH, else Playwright's own browser (undefined), else a system Chromium. */
export function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync(chromium.executablePath())) return undefined;
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) =>
    existsSync(p),
  );
}

/** Newest modification time under a folder, ms. */
export function newestMs(dir: URL): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const url = new URL(e.name + (e.isDirectory() ? '/' : ''), dir);
    newest = Math.max(newest, e.isDirectory() ? newestMs(url) : statSync(url).mtimeMs);
  }
  return newest;
}

/** Waits until `url` answers, polling every 100 ms, at most `tries` times. */
export async function waitForServer(url: string, tries = 100): Promise<void> {
  for (let i = 0; i < tries; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`preview server did not start at ${url}`);
}

const root = new URL('../', import.meta.url);

/** Builds the app into `outDir` (from the project's root, or absolute) unless that build is newer than every source. */
export function ensureBuild(outDir: string): void {
  const built = new URL(`${outDir.replace(/\/$/, '')}/index.html`, root);
  const sources = Math.max(newestMs(new URL('src/', root)), statSync(new URL('index.html', root)).mtimeMs);
  if (existsSync(built) && statSync(built).mtimeMs > sources) return;
  execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/**
 * In the page: every requestAnimationFrame timestamp from 1 s to 7 s after it starts (the first
 * second is a warm-up). A string: tsx wraps named functions in a helper the page does not have.
 */
export const FRAME_STAMPS = `new Promise((resolve) => {
  const out = [];
  const t0 = performance.now();
  const tick = (t) => {
    if (t - t0 > 1000) out.push(t);
    if (t - t0 < 7000) requestAnimationFrame(tick);
    else resolve(out);
  };
  requestAnimationFrame(tick);
})`;

/**
 * Waits until `expression` (page JavaScript, a string) is truthy in the page, polling from here
 * every `everyMs`. Not waitForFunction with a string: once its first look is false it evaluates the
 * string with eval in the page, which the page's CSP refuses (and the page is ready only some tasks
 * after its load event: start-up and the first render run in slices).
 */
export async function waitForPage(
  page: Page,
  expression: string,
  timeoutMs: number,
  everyMs = 50,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const ok = await page.evaluate(`!!(${expression})`).catch(() => false); // a page still loading
    if (ok) return;
    if (Date.now() >= until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${expression}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
