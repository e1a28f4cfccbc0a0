import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { advance, expect, openApp, simState, test } from './fixtures.ts';

/**
 * Seeing time with A beside B: a card's "spent so far" read at the cursor (a step back shows what
 * the page showed at that event), the diagram's export holding both diagrams while they are side by
 * side, and a click on a token of A's diagram opening that message's journey in A's run.
 */

// The SVG is read back in the page with DOMParser, which the app's Trusted Types policy refuses (as
// it should): set aside here, as in export.spec.ts; csp.spec.ts exports with the policy in force.
test.use({ bypassCSP: true });

/** Every exported file is also written here when EXPORT_FILES_DIR is set (to look at them), nowhere otherwise. */
const KEEP = process.env.EXPORT_FILES_DIR;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Saves the diagram as `action` from its export menu; the file's name and bytes. */
async function saveDiagram(page: Page, action: 'png' | 'svg'): Promise<{ name: string; bytes: Buffer }> {
  const panel = page.locator('[data-testid="export-panel"][data-export-scope="diagram"]');
  if (!(await panel.isVisible()))
    await page.locator('[data-testid="export-menu"][data-export-scope="diagram"]').click();
  await expect(panel).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByTestId(`export-${action}`).click(),
  ]);
  await expect(panel.getByTestId('export-status')).toContainText(`Saved ${download.suggestedFilename()}`);
  const saved = { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
  if (KEEP) {
    await mkdir(KEEP, { recursive: true });
    await writeFile(`${KEEP}/${saved.name}`, saved.bytes);
  }
  return saved;
}

/** Pins pv-tcp ping-pong as A and makes B the framework; both diagrams side by side. */
async function pinTcpAgainstFramework(page: Page) {
  await openApp(page, '?mode=pv-tcp&workload=pingpong&size=64&seed=1');
  await page.getByTestId('tab-ab').click();
  await page.getByTestId('ab-pin').click();
  await page.getByTestId('choice-mode').locator('[data-value="zero-copy"]').click();
  await expect(page.getByTestId('ab-diagram-a')).toBeVisible();
  await expect(page.getByTestId('ab-diagram-b')).toBeVisible();
}

/** Both stages drawn at the shared clock's time (A has caught up with B). */
async function bothAt(page: Page): Promise<number> {
  const { nowNs } = await simState(page);
  await expect(page.getByTestId('diagram')).toHaveAttribute('data-now-ns', String(nowNs));
  await expect(page.getByTestId('ab-diagram-a-stage')).toHaveAttribute('data-now-ns', String(nowNs), {
    timeout: 20_000,
  });
  return nowNs;
}

const tokensOf = async (stage: Locator) =>
  JSON.parse((await stage.getAttribute('data-tokens')) ?? '[]') as [number, number, number][];

test('a card’s spent so far is read at the cursor: a step back shows what the page showed at that event', async ({
  page,
}) => {
  await openApp(page, '?mode=pv-tcp&workload=pingpong&size=64');
  await advance(page, 300_000);
  await page.locator('[data-box="h0/dom0/netback"]').click();
  const card = page.getByTestId('box-card');
  await expect(card).toBeVisible();
  const dom0 = card.getByTestId('card-spent').locator('[data-domain=dom0]');
  const ns = async () => Number(await dom0.getAttribute('data-ns'));
  // Forward by events at the head, noting what the card shows after each batch.
  const seen: { events: number; ns: number }[] = [];
  for (let i = 0; i < 6; i++) {
    const { events, nowNs } = await simState(page);
    await expect(page.getByTestId('clock')).toHaveAttribute('data-now-ns', String(nowNs));
    seen.push({ events, ns: await ns() });
    await page.evaluate(() => {
      for (let k = 0; k < 150; k++) window.__xenviz.step();
    });
  }
  const last = await simState(page);
  await expect(page.getByTestId('clock')).toHaveAttribute('data-now-ns', String(last.nowNs));
  const head = { events: last.events, ns: await ns() };
  expect(seen[0].ns).toBeLessThan(head.ns); // netback worked meanwhile: the head shows more
  // Back to each noted event: exactly what the card showed there (before, it kept the head's).
  for (let i = seen.length - 1; i >= 0; i--) {
    const steps = (await simState(page)).events - seen[i].events;
    await page.evaluate((n) => {
      for (let k = 0; k < n; k++) window.__xenviz.back();
    }, steps);
    const s = await simState(page);
    expect(s.events).toBe(seen[i].events);
    expect(s.replaying).toBe(false);
    await expect(dom0).toHaveAttribute('data-ns', String(seen[i].ns));
  }
  await expect(card.getByTestId('card-spent')).toContainText(`in the first`);
  // Forward again to the head: the head's figure.
  await page.evaluate((n) => {
    for (let k = 0; k < n; k++) window.__xenviz.step();
  }, head.events - seen[0].events);
  expect((await simState(page)).events).toBe(head.events);
  await expect(dom0).toHaveAttribute('data-ns', String(head.ns));
});

test('side by side, the diagram’s SVG and PNG hold both diagrams, A left and B right, each with its label', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await pinTcpAgainstFramework(page);
  await advance(page, 60_000);
  for (let i = 0; i < 3; i++) await page.evaluate(() => window.__xenviz.step());
  const nowNs = await bothAt(page);
  const split = page.locator('.ab-split[data-side-by-side="true"]');
  const box = (await split.boundingBox())!;
  const bStage = (await page.getByTestId('diagram').boundingBox())!;

  const svgFile = await saveDiagram(page, 'svg');
  expect(svgFile.name).toBe(`xen-hpc-io-diagram-ab-zero-copy-64B-seed1-t${nowNs}ns.svg`);
  const facts = await page.evaluate((src) => {
    const doc = new DOMParser().parseFromString(src, 'image/svg+xml');
    const root = doc.documentElement;
    const a = doc.querySelector('svg[data-a-mode]');
    const b = doc.querySelector('svg[data-mode]');
    const label = (side: string) =>
      [...doc.querySelectorAll(`[data-export="label-${side}"] text`)].map((t) => t.textContent).join(' ');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      figureWidth: Number(root.getAttribute('data-figure-width')),
      aMode: a?.getAttribute('data-a-mode'),
      bMode: b?.getAttribute('data-mode'),
      aX: Number(a?.getAttribute('x')),
      bX: Number(b?.getAttribute('x')),
      aBoxes: doc.querySelectorAll('[data-a-box]').length,
      bBoxes: doc.querySelectorAll('[data-box]').length,
      aNetbackUsed: doc.querySelector('[data-a-box="h0/dom0/netback"]')?.getAttribute('data-a-used'),
      labelA: label('A'),
      labelB: label('B'),
      tokenImages: doc.querySelectorAll('image[data-export="tokens"]').length,
      caption: [...doc.querySelectorAll('[data-export="caption"] text')].map((t) => t.textContent).join(' '),
    };
  }, svgFile.bytes.toString('utf8'));
  expect(facts.error).toBeNull();
  expect(facts.figureWidth).toBe(Math.round(box.width));
  expect(facts.figureWidth).toBeGreaterThan(1.8 * bStage.width);
  expect([facts.aMode, facts.bMode]).toEqual(['pv-tcp', 'zero-copy']);
  expect(facts.aX).toBeLessThan(facts.bX); // A on the left
  expect(facts.bX).toBeGreaterThan(bStage.width * 0.8);
  expect(facts.aBoxes).toBeGreaterThan(10);
  expect(facts.bBoxes).toBeGreaterThan(10);
  expect(facts.aNetbackUsed).toBe('true');
  expect(facts.labelA).toMatch(/^A · .*\(pv-tcp\)/);
  expect(facts.labelB).toMatch(/^B · .*\(zero-copy\)/);
  expect(facts.tokenImages).toBe(2);
  expect(facts.caption).toContain('A (left):');
  expect(facts.caption).toContain('B (right):');

  const png = await saveDiagram(page, 'png');
  expect(png.name).toBe(`xen-hpc-io-diagram-ab-zero-copy-64B-seed1-t${nowNs}ns.png`);
  const size = pngSize(png.bytes);
  expect(size.width).toBe(2 * Math.round(box.width));
  expect(size.width).toBeGreaterThan(2 * 1.8 * bStage.width);
  expect(size.height).toBeGreaterThan(2 * box.height);

  // B alone again: the export is B's diagram alone.
  await page.getByTestId('ab-side-by-side').uncheck();
  await expect(page.getByTestId('ab-diagram-a')).toHaveCount(0);
  const alone = await saveDiagram(page, 'png');
  expect(alone.name).toBe(`xen-hpc-io-diagram-zero-copy-64B-seed1-t${nowNs}ns.png`);
  const bAlone = (await page.getByTestId('diagram').locator('svg.io-path-diagram').boundingBox())!;
  expect(pngSize(alone.bytes).width).toBe(2 * Math.round(bAlone.width));
});

test('a click on a token of A’s diagram opens that message’s journey in A’s run; B’s tokens open B’s', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await pinTcpAgainstFramework(page);
  const aStage = page.getByTestId('ab-diagram-a-stage');
  // Step until A's diagram has a token, then click on it.
  await advance(page, 20_000);
  let tokens: [number, number, number][] = [];
  for (let i = 0; i < 40 && tokens.length === 0; i++) {
    await advance(page, 2_000);
    await bothAt(page);
    tokens = await tokensOf(aStage);
  }
  expect(tokens.length).toBeGreaterThan(0);
  const [id, x, y] = tokens[0];
  await aStage.click({ position: { x, y } });
  const journey = page.getByTestId('journey');
  await expect(journey).toBeVisible();
  await expect(journey).toHaveAttribute('data-message', String(id));
  await expect(journey).toHaveAttribute('data-run', 'A');
  await expect(journey.getByTestId('journey-of-a')).toContainText('A’s run');
  // On until the message has arrived: its whole journey is A's, TCP's (the guest's TCP/IP stack).
  await advance(page, 200_000);
  await bothAt(page);
  await expect(journey.getByTestId('waterfall-total')).toContainText('end to end');
  expect(await journey.locator('tr[data-category="tcpip"]').count()).toBeGreaterThan(0);
  // The same number in B's run: the framework, no TCP/IP.
  await journey.getByTestId('journey-show-b').click();
  await expect(journey).toHaveAttribute('data-run', 'B');
  await expect(journey).toHaveAttribute('data-message', String(id));
  await expect(journey.getByTestId('journey-of-a')).toHaveCount(0);
  await expect(journey.getByTestId('waterfall-total')).toBeVisible();
  expect(await journey.locator('tr[data-category="tcpip"]').count()).toBe(0);
  // A's again, then a click on B's token: B's.
  await aStage.click({ position: { x: 1, y: 1 } }); // no token there: nothing changes
  await expect(journey).toHaveAttribute('data-run', 'B');
  const bStage = page.getByTestId('diagram');
  let bTokens: [number, number, number][] = [];
  let aTokens: [number, number, number][] = [];
  for (let i = 0; i < 40 && (bTokens.length === 0 || aTokens.length === 0); i++) {
    await advance(page, 2_000);
    await bothAt(page);
    bTokens = await tokensOf(bStage);
    aTokens = await tokensOf(aStage);
  }
  await aStage.click({ position: { x: aTokens[0][1], y: aTokens[0][2] } });
  await expect(journey).toHaveAttribute('data-run', 'A');
  await expect(journey).toHaveAttribute('data-message', String(aTokens[0][0]));
  await bStage.click({ position: { x: bTokens[0][1], y: bTokens[0][2] } });
  await expect(journey).toHaveAttribute('data-run', 'B');
  await expect(journey).toHaveAttribute('data-message', String(bTokens[0][0]));
});
