import { chromium } from '@playwright/test';
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
