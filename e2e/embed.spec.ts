import type { Frame, Page } from '@playwright/test';
import { EMBED_VIEWS } from '../src/ui/embed/embedLink.ts';
import { expect, test } from './fixtures.ts';

/** Opens a page and waits for the sweep's charts (slow on a busy machine: a minute allowed). */
async function openApp(page: Page, query: string): Promise<void> {
  await page.goto(`/${query}`);
  await page.waitForFunction(() => window.__xenviz?.state().sweepReady, null, { timeout: 90_000 });
}

/**
 * Embed mode (`?embed=1&view=…`): one view fills the page for an iframe in a slide, with a link to
 * the full app in the same state, and the keyboard working inside the iframe only.
 */

/** What each view shows, and what it must not show beside it. */
const VIEW_CONTENT: Record<(typeof EMBED_VIEWS)[number], string> = {
  diagram: '[data-testid=diagram] svg[data-mode]',
  cpu: '[data-testid=chart-cpu] svg',
  throughput: '[data-testid=chart-throughput] svg',
  latency: '[data-testid=chart-latency] svg',
  pktgen: '[data-testid=chart-pktgen] svg',
  journey: '[data-testid=journey]',
  live: '[data-testid=chart-live]', // its chart appears once the run plays
  timeline: '[data-testid=timeline-canvas]',
  ab: '[data-testid=ab-panel]',
};

test.use({ viewport: { width: 960, height: 540 } });
test.describe.configure({ timeout: 120_000 });

for (const view of EMBED_VIEWS) {
  test(`view=${view} shows that view alone, filling the page`, async ({ page }) => {
    await openApp(page, `?embed=1&view=${view}&mode=pv-tcp`);
    const embed = page.getByTestId('embed');
    await expect(embed).toHaveAttribute('data-embed-view', view);
    await expect(page.locator(VIEW_CONTENT[view]).first()).toBeVisible();
    // No header, toolbar, settings, tabs or skip links; no other view.
    for (const gone of ['.app-header', '.toolbar', '#settings', '[role=tablist]', '[data-testid=skip-links]'])
      await expect(page.locator(gone), gone).toHaveCount(0);
    for (const [other, selector] of Object.entries(VIEW_CONTENT))
      if (other !== view) await expect(page.locator(selector), other).toHaveCount(0);
    // It fills the page.
    const box = (await page.locator('.embed-view').boundingBox())!;
    expect(box.width).toBeGreaterThan(0.95 * 960);
    expect(box.height).toBeGreaterThan(0.95 * 540);
    // The link keeps the embed flags through the settings' rewrite of the URL.
    await expect(page).toHaveURL(new RegExp(`[?&]embed=1&view=${view}(&|$)`));
  });
}

test('"Open in full app" is the same state without embed and view, in a new tab', async ({ page }) => {
  await openApp(page, '?embed=1&view=cpu&mode=zero-copy&size=4096&op=read');
  const link = page.getByTestId('embed-open-full');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveText(/Open in full app/);
  // A setting changed inside the embed (+: faster) is in the link too.
  const speed = () => page.evaluate(() => new URLSearchParams(location.search).get('speed'));
  const before = await speed();
  await page.locator('.embed').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('+');
  await expect.poll(speed).not.toBe(before);
  await link.focus();
  const href = new URL((await link.getAttribute('href'))!);
  const here = new URL(page.url());
  expect(href.searchParams.has('embed')).toBe(false);
  expect(href.searchParams.has('view')).toBe(false);
  expect(href.pathname).toBe(here.pathname);
  here.searchParams.delete('embed');
  here.searchParams.delete('view');
  expect([...href.searchParams].sort()).toEqual([...here.searchParams].sort());
  expect(href.searchParams.get('mode')).toBe('zero-copy');
  expect(href.searchParams.get('size')).toBe('4096');
  expect(href.searchParams.get('op')).toBe('read');
  // It opens the full app in that state.
  const [full] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
  await full.waitForLoadState();
  await expect(full.locator('.app-header')).toBeVisible();
  await expect(full.locator('[data-testid=choice-mode] [data-value=zero-copy]')).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await expect(full.getByTestId('embed')).toHaveCount(0);
  await full.close();
});

test('a view that cannot be embedded is named, with the valid ones', async ({ page }) => {
  await page.goto('/?embed=1&view=cpus');
  const error = page.getByTestId('embed-error');
  await expect(error).toContainText('"view=cpus"');
  for (const view of EMBED_VIEWS) await expect(error).toContainText(view);
  await expect(page.getByTestId('embed-open-full')).toBeVisible();
  await expect(page.locator('.app-header')).toHaveCount(0);
});

/** A slide deck's page on the app's own origin, with the embed in an iframe beside a control of its own. */
const SLIDE = `<!doctype html><html><head><title>slides</title></head><body style="margin:0">
<button id="parent-button">next slide</button>
<iframe id="embed" title="Xen I/O diagram" src="/?embed=1&view=diagram&mode=pv-tcp&speed=1000000"
  style="width:800px;height:450px;border:0"></iframe>
</body></html>`;

async function openSlide(page: Page): Promise<Frame> {
  await page.route('**/slides-test.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: SLIDE }),
  );
  await page.goto('/slides-test.html');
  await expect.poll(() => page.frames().length).toBe(2);
  const frame = page.frames().find((f) => f !== page.mainFrame())!;
  await frame.waitForFunction(() => window.__xenviz?.state().rendered);
  await expect(frame.locator('svg[data-mode]')).toBeVisible();
  return frame;
}

const frameState = (frame: Frame) => frame.evaluate(() => window.__xenviz.state());

test('inside an iframe, the keyboard works while the embed has the focus, and only then', async ({
  page,
}) => {
  const frame = await openSlide(page);
  // Keys on the slide deck's page do not reach the embed.
  await page.locator('#parent-button').focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(200);
  expect(await frameState(frame)).toMatchObject({ playing: false, events: 0 });

  // Once the embed is clicked, its shortcuts work.
  await frame.locator('.embed').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await frameState(frame)).events).toBe(1);
  await page.keyboard.press('Space');
  await expect.poll(async () => (await frameState(frame)).playing).toBe(true);
  await page.keyboard.press('Space');
  await expect.poll(async () => (await frameState(frame)).playing).toBe(false);
  await page.keyboard.press('b');
  await expect(frame.getByTestId('blackout')).toBeVisible();
  await page.keyboard.press('x');
  await expect(frame.getByTestId('blackout')).toHaveCount(0);
  await page.keyboard.press('?');
  const dialog = frame.getByTestId('shortcuts-dialog');
  await expect(dialog).toBeVisible();
  // The embed lists only what it binds: no tour or presenter keys.
  await expect(dialog.locator('[data-shortcut=presenter]')).toHaveCount(0);
  await expect(dialog.locator('[data-shortcut=tourNext]')).toHaveCount(0);
  await expect(dialog.locator('[data-shortcut=play]')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // Back on the deck's page, the keys are the deck's again.
  await page.locator('#parent-button').focus();
  const events = (await frameState(frame)).events;
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(200);
  expect((await frameState(frame)).events).toBe(events);
  // The page itself is untouched by the app: no test hook there.
  expect(await page.evaluate(() => typeof window.__xenviz)).toBe('undefined');
});
