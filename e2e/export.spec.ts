import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { advance, expect, simState, test } from './fixtures.ts';

/**
 * Exports: every chart tab (and the CPU tab's views) and the diagram, saved as PNG, SVG and CSV and
 * read back: the PNG's size is twice the figure on screen plus its caption, the SVG parses and
 * carries the caption and its own styles, the CSV states its parameters and has a row per point
 * shown. Copy figure puts a PNG on the clipboard, or says why it cannot.
 */

const APP = 'xen-hpc-io-sim 0.1.0';
/** Every exported file is also written here when EXPORT_FILES_DIR is set (to look at them), nowhere otherwise. */
const KEEP = process.env.EXPORT_FILES_DIR;
/** pv-tcp at 64 B, with one model constant changed, so the caption and the CSV must name it. */
const QUERY = '?mode=pv-tcp&workload=pingpong&size=64&seed=1&p.coalUs=10';

// The test reads the files back in the page with DOMParser and fetch(data:), which the app's own
// Content-Security-Policy refuses (Trusted Types, connect-src 'self'), as it should: these tests set
// it aside; e2e/csp.spec.ts exports a PNG and an SVG with the policy in force.
test.use({ bypassCSP: true });

/** Opens the app and waits for the sweep, generously: with a changed constant it is computed afresh, on shared cores. */
async function openApp(page: Page, query: string) {
  await page.goto(`/${query}`);
  await page.waitForFunction(() => window.__xenviz?.state().sweepReady, null, { timeout: 120_000 });
}

interface Saved {
  name: string;
  bytes: Buffer;
}

/** Opens the export panel of `scope` (a chart tab's key or `diagram`) if it is closed. */
async function openPanel(page: Page, scope: string): Promise<Locator> {
  const panel = page.locator(`[data-testid="export-panel"][data-export-scope="${scope}"]`);
  if (!(await panel.isVisible()))
    await page.locator(`[data-testid="export-menu"][data-export-scope="${scope}"]`).click();
  await expect(panel).toBeVisible();
  return panel;
}

/** Chooses `figure` (where the tab has several), clicks `action` and returns the file the browser saved. */
async function save(
  page: Page,
  scope: string,
  action: 'png' | 'svg' | 'csv',
  figure?: string,
): Promise<Saved> {
  const panel = await openPanel(page, scope);
  if (figure) await panel.locator(`[data-testid="export-figure"][data-figure="${figure}"]`).click();
  const button = panel.getByTestId(`export-${action}`);
  if (figure) await expect(button).toHaveAttribute('data-figure', figure);
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await download.path();
  await expect(panel.getByTestId('export-status')).toContainText(`Saved ${download.suggestedFilename()}`);
  const saved = { name: download.suggestedFilename(), bytes: await readFile(path) };
  if (KEEP) {
    await mkdir(KEEP, { recursive: true });
    await writeFile(`${KEEP}/${saved.name}`, saved.bytes);
  }
  return saved;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

interface SvgFacts {
  error: string | null;
  width: number;
  height: number;
  figureWidth: number;
  figureHeight: number;
  caption: string;
  hasStyle: boolean;
  varsLeft: number;
  styledTexts: number;
  texts: number;
}

/** Parses the SVG in the page with DOMParser (as a viewer would) and reports what it holds. */
function readSvg(page: Page, text: string): Promise<SvgFacts> {
  return page.evaluate((src) => {
    const doc = new DOMParser().parseFromString(src, 'image/svg+xml');
    const root = doc.documentElement;
    const error =
      doc.querySelector('parsererror')?.textContent ?? (root.localName === 'svg' ? null : root.localName);
    const texts = [...doc.querySelectorAll('text')].filter((t) => !t.closest('[data-export="caption"]'));
    return {
      error,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      figureWidth: Number(root.getAttribute('data-figure-width')),
      figureHeight: Number(root.getAttribute('data-figure-height')),
      caption: [...doc.querySelectorAll('[data-export="caption"] text')].map((t) => t.textContent).join(' '),
      hasStyle: doc.querySelector('style') !== null,
      varsLeft: (src.match(/var\(--/g) ?? []).length,
      styledTexts: texts.filter((t) => /(^|;)\s*fill:/.test(t.getAttribute('style') ?? '')).length,
      texts: texts.length,
    };
  }, text);
}

/** The CSV's `# key=value` lines, its header row and its data rows (no field here holds a newline). */
function readCsv(text: string) {
  const lines = text.trimEnd().split('\n');
  const meta = new Map(
    lines
      .filter((l) => l.startsWith('# '))
      .map((l) => [l.slice(2, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  const table = lines.filter((l) => !l.startsWith('#'));
  return { meta, header: table[0], rows: table.slice(1) };
}

/**
 * The number of points the chart draws: its series' `data-points` summed, its bars, or (the running
 * chart, whose series all draw every sample) the samples.
 */
type Shown = 'series' | 'bars' | 'samples';
async function pointsShown(svg: Locator, kind: Shown): Promise<number> {
  if (kind === 'bars') return svg.locator('[data-total]').count();
  const counts = await svg
    .locator('[data-series]')
    .evaluateAll((gs) => gs.map((g) => Number(g.getAttribute('data-points'))));
  return kind === 'samples' ? Math.max(...counts) : counts.reduce((a, b) => a + b, 0);
}

async function onScreen(el: Locator): Promise<{ width: number; height: number }> {
  const b = (await el.boundingBox())!;
  return { width: Math.round(b.width), height: Math.round(b.height) };
}

/** PNG, SVG and CSV of one figure, each read back against the figure on screen. */
async function checkFigure(
  page: Page,
  o: { scope: string; figure?: string; id: string; box: Locator; svg: Locator; kind?: Shown; extra?: string },
) {
  const screen = await onScreen(o.box);
  const stem = `xen-hpc-io-${o.id}-pv-tcp-64B-seed1${o.extra ?? ''}`;

  const svgFile = await save(page, o.scope, 'svg', o.figure);
  expect(svgFile.name).toMatch(new RegExp(`^${stem}.*\\.svg$`));
  const svg = await readSvg(page, svgFile.bytes.toString('utf8'));
  expect(svg.error).toBeNull();
  expect([svg.figureWidth, svg.figureHeight]).toEqual([screen.width, screen.height]);
  expect(svg.width).toBe(screen.width);
  expect(svg.height).toBeGreaterThan(screen.height);
  expect(svg.caption).toContain('VM · TCP (pv-tcp), RDMA WRITE, ping-pong, 64 B');
  expect(svg.caption).toContain('seed 1');
  expect(svg.caption).toContain('coalUs=10');
  expect(svg.caption).toContain(APP);
  // Styles travel inside the file: a style sheet, every chart text's fill written in, no page variables.
  expect(svg.hasStyle).toBe(true);
  expect(svg.varsLeft).toBe(0);
  expect(svg.texts).toBeGreaterThan(3);
  expect(svg.styledTexts).toBeGreaterThan(0);

  const png = await save(page, o.scope, 'png', o.figure);
  expect(png.name).toMatch(new RegExp(`^${stem}.*\\.png$`));
  // Twice the figure on screen, plus the caption under it (twice the SVG's caption too).
  expect(pngSize(png.bytes)).toEqual({ width: 2 * screen.width, height: 2 * svg.height });

  if (!o.kind) return;
  const shown = await pointsShown(o.svg, o.kind);
  const csvFile = await save(page, o.scope, 'csv', o.figure);
  expect(csvFile.name).toMatch(new RegExp(`^${stem}.*\\.csv$`));
  const csv = readCsv(csvFile.bytes.toString('utf8'));
  expect(csv.meta.get('figure')).toBe(o.id);
  expect(csv.meta.get('mode')).toBe('pv-tcp');
  expect(csv.meta.get('sizeBytes')).toBe('64');
  expect(csv.meta.get('seed')).toBe('1');
  expect(csv.meta.get('app')).toBe(APP);
  expect(csv.meta.get('p.coalUs')).toBe('10');
  expect(shown).toBeGreaterThan(0);
  expect(csv.rows).toHaveLength(shown);
  expect(csv.meta.get('rows')).toBe(String(shown));
  return csv;
}

test.describe('exports', () => {
  test.setTimeout(240_000);

  test('the sweep charts and the CPU views: PNG, SVG and CSV', async ({ page }) => {
    await openApp(page, QUERY);
    const area = page.locator('.chart-area');

    await page.getByTestId('tab-cpu').click();
    const bars = area.locator('svg[data-testid="cpu-bars"]');
    const totals = area.locator('svg[data-testid="cpu-totals"]');
    await expect(bars).toBeVisible();
    const both = area.getByTestId('cpu-size-view');
    await checkFigure(page, { scope: 'cpu', figure: 'cpu', id: 'cpu', box: both, svg: both });
    await expect(page.locator('[data-testid="export-csv"][data-export-scope="cpu"]')).toBeDisabled();
    const barsCsv = await checkFigure(page, {
      scope: 'cpu',
      figure: 'cpu-bars',
      id: 'cpu-bars',
      box: bars,
      svg: bars,
      kind: 'bars',
    });
    expect(barsCsv?.header).toContain('total (µs)');
    expect(barsCsv?.rows.some((r) => r.startsWith('dom0,pv-tcp,VM · TCP,64,'))).toBe(true);
    await checkFigure(page, {
      scope: 'cpu',
      figure: 'cpu-totals',
      id: 'cpu-totals',
      box: totals,
      svg: totals,
      kind: 'series',
    });

    for (const tab of ['throughput', 'latency', 'pktgen'] as const) {
      await page.getByTestId(`tab-${tab}`).click();
      const svg = area.locator(`svg[data-testid="${tab}-chart"]`);
      await expect(svg).toBeVisible();
      const csv = await checkFigure(page, { scope: tab, id: tab, box: svg, svg, kind: 'series' });
      expect(csv?.header.split(',').slice(0, 3)).toEqual([
        'mode',
        'label',
        tab === 'pktgen' ? 'frame_bytes' : 'size_bytes',
      ]);
    }
  });

  test('the running chart: its samples, and the time of its last one in the name', async ({ page }) => {
    await openApp(page, QUERY);
    await advance(page, 3_000_000);
    await page.getByTestId('tab-live').click();
    const chart = page.getByTestId('chart-live');
    await expect(chart).not.toHaveAttribute('data-samples', '0');
    const svg = chart.locator('svg[data-testid="live-chart"]');
    await expect(svg).toBeVisible();
    const samples = Number(await chart.getAttribute('data-samples'));
    const csv = await checkFigure(page, {
      scope: 'live',
      id: 'running',
      box: svg,
      svg,
      kind: 'samples',
      extra: '-t',
    });
    expect(csv?.rows).toHaveLength(samples);
    expect(csv?.header.split(',').slice(0, 3)).toEqual(['t_ns', 'window_ns', 'throughput (MiB/s)']);
    // The last row is the last sample: the time the file name and the caption give.
    expect(csv?.meta.get('nowNs')).toBe(csv?.rows.at(-1)?.split(',')[0]);
  });

  test('the diagram at a paused simulated time, tokens included', async ({ page }) => {
    await openApp(page, QUERY);
    await advance(page, 60_000);
    for (let i = 0; i < 3; i++) await page.evaluate(() => window.__xenviz.step());
    const stage = page.getByTestId('diagram');
    await expect
      .poll(async () => JSON.parse((await stage.getAttribute('data-tokens')) ?? '[]').length)
      .toBeGreaterThan(0);
    const tokens = JSON.parse((await stage.getAttribute('data-tokens'))!) as [number, number, number][];
    const { nowNs } = await simState(page);
    const svgEl = stage.locator('svg.io-path-diagram');
    const screen = await onScreen(svgEl);
    // The token canvas's colour at each token's centre, as on screen.
    const onCanvas = await page.evaluate((ts) => {
      const c = document.querySelector<HTMLCanvasElement>('[data-testid="token-canvas"]')!;
      const ctx = c.getContext('2d')!;
      const k = c.width / c.getBoundingClientRect().width;
      return ts.map(([, x, y]) => [...ctx.getImageData(Math.round(x * k), Math.round(y * k), 1, 1).data]);
    }, tokens);
    expect(onCanvas.some((p) => p[3] === 255)).toBe(true);

    const stem = `xen-hpc-io-diagram-pv-tcp-64B-seed1-t${nowNs}ns`;
    const svgFile = await save(page, 'diagram', 'svg');
    expect(svgFile.name).toBe(`${stem}.svg`);
    const text = svgFile.bytes.toString('utf8');
    const svg = await readSvg(page, text);
    expect(svg.error).toBeNull();
    expect([svg.figureWidth, svg.figureHeight]).toEqual([screen.width, screen.height]);
    expect(svg.caption).toContain('t = ');
    expect(svg.caption).toContain(APP);
    const pngFile = await save(page, 'diagram', 'png');
    expect(pngFile.name).toBe(`${stem}.png`);
    expect(pngSize(pngFile.bytes)).toEqual({ width: 2 * screen.width, height: 2 * svg.height });

    // Both files, drawn in the page, have the token's colour at every token's centre.
    const colours = await page.evaluate(
      async ({ svgText, pngB64, ts }) => {
        const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
        const href = doc.querySelector('image[data-export="tokens"]')?.getAttribute('href') ?? '';
        const pixels = async (src: Blob | string, scale: number) => {
          const blob = typeof src === 'string' ? await (await fetch(src)).blob() : src;
          const bmp = await createImageBitmap(blob);
          const c = new OffscreenCanvas(bmp.width, bmp.height);
          const ctx = c.getContext('2d')!;
          ctx.drawImage(bmp, 0, 0);
          return ts.map(([, x, y]) => [
            ...ctx.getImageData(Math.round(x * scale), Math.round(y * scale), 1, 1).data,
          ]);
        };
        const png = Uint8Array.from(atob(pngB64), (ch) => ch.charCodeAt(0));
        return {
          href: href.slice(0, 22),
          inSvg: href ? await pixels(href, 1) : [],
          inPng: await pixels(new Blob([png], { type: 'image/png' }), 2),
        };
      },
      { svgText: text, pngB64: pngFile.bytes.toString('base64'), ts: tokens },
    );
    expect(colours.href).toBe('data:image/png;base64,');
    const close = (a: number[], b: number[]) => a.slice(0, 3).every((v, i) => Math.abs(v - b[i]) <= 24);
    onCanvas.forEach((c, i) => {
      if (c[3] !== 255) return; // a token's rim may sit on a half-transparent pixel
      expect(colours.inSvg[i]).toEqual(c);
      expect(close(colours.inPng[i], c), `token ${i}: ${colours.inPng[i]} vs ${c}`).toBe(true);
    });
  });

  test('Copy figure puts a 2× PNG on the clipboard', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await openApp(page, QUERY);
    await page.getByTestId('tab-throughput').click();
    const svg = page.locator('svg[data-testid="throughput-chart"]');
    await expect(svg).toBeVisible();
    const screen = await onScreen(svg);
    const panel = await openPanel(page, 'throughput');
    await panel.getByTestId('export-copy').click();
    await expect(panel.getByTestId('export-status')).toHaveText('Figure copied to the clipboard as a PNG.');
    const got = await page.evaluate(async () => {
      const items = await navigator.clipboard.read();
      const item = items.find((i) => i.types.includes('image/png'));
      if (!item) return null;
      const bmp = await createImageBitmap(await item.getType('image/png'));
      return { width: bmp.width, height: bmp.height };
    });
    expect(got?.width).toBe(2 * screen.width);
    expect(got!.height).toBeGreaterThan(2 * screen.height);
  });

  test('Copy figure says so where the browser cannot copy images', async ({ page }) => {
    await page.addInitScript(() => {
      // A browser without the asynchronous clipboard's ClipboardItem.
      delete (window as { ClipboardItem?: unknown }).ClipboardItem;
    });
    await openApp(page, QUERY);
    const panel = await openPanel(page, 'cpu');
    await panel.getByTestId('export-copy').click();
    await expect(panel.getByTestId('export-status')).toContainText('does not let a page copy images');
  });

  test('the menus: small, beside the tabs and the diagram, and usable from the keyboard', async ({
    page,
  }) => {
    await openApp(page, QUERY);
    const menu = page.locator('[data-testid="export-menu"][data-export-scope="cpu"]');
    const toggle = page.getByTestId('cpu-scale');
    const m = (await menu.boundingBox())!;
    const t = (await toggle.boundingBox())!;
    const tabs = (await page.locator('.tabs').boundingBox())!;
    const panelBox = (await page.locator('.charts-panel').boundingBox())!;
    // Under the tab row, beside the scale toggle (not over it), inside the charts panel.
    expect(m.y).toBeGreaterThanOrEqual(tabs.y + tabs.height - 1);
    expect(m.x).toBeGreaterThanOrEqual(t.x + t.width);
    expect(m.x + m.width).toBeLessThanOrEqual(panelBox.x + panelBox.width);
    expect(m.height).toBeLessThan(32);
    const d = (await page.locator('[data-testid="export-menu"][data-export-scope="diagram"]').boundingBox())!;
    expect(d.width).toBeLessThan(40);
    await expect(menu).toHaveAttribute('aria-label', 'Export the CPU view');

    // Enter opens it with the focus inside, ↓ moves, Esc closes it and gives the focus back; Space
    // on the button opens it and never plays the simulation.
    await menu.focus();
    await page.keyboard.press('Enter');
    const panel = page.locator('[data-testid="export-panel"][data-export-scope="cpu"]');
    await expect(panel).toBeVisible();
    await expect(panel.locator('[data-figure="cpu"][data-testid="export-figure"]')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(panel.locator('[data-figure="cpu-bars"][data-testid="export-figure"]')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(menu).toBeFocused();
    await page.keyboard.press(' ');
    await expect(panel).toBeVisible();
    expect((await simState(page)).playing).toBe(false);
    await page.mouse.click(5, 5);
    await expect(panel).toBeHidden();
  });
});
