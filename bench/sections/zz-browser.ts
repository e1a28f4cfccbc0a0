import { chromium, type Browser } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromiumPath, FRAME_STAMPS, waitForPage, waitForServer } from '../browser.ts';

/**
 * Browser figures, measured in Chromium on a production build: frames per second and frame time
 * while streaming with 8 VMs per host; the time from a size change to updated charts; the size of
 * the JavaScript shipped (gzip). Goals: ≥ 55 fps median, p95 update ≤ 100 ms, ≤ 300 KB of JS.
 */
export const title = 'Browser (Chromium, production build)';

const PORT = Number(process.env.BENCH_PORT ?? 4399);
const root = new URL('../../', import.meta.url);

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
}

function gzippedJsKiB(): number {
  const dir = new URL('dist/assets/', root);
  let total = 0;
  for (const f of readdirSync(dir))
    if (f.endsWith('.js')) total += gzipSync(readFileSync(new URL(f, dir)), { level: 9 }).length;
  return Math.round((total / 1024) * 10) / 10;
}

export async function run(): Promise<Record<string, number | string>> {
  const executablePath = chromiumPath();
  if (!executablePath && !existsSync(chromium.executablePath()))
    return { browser: 'skipped: no Chromium found (set CHROMIUM_PATH)' };
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const jsGzipKiB = gzippedJsKiB();
  const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], {
    cwd: root,
    stdio: 'ignore',
    detached: true,
  });
  let browser: Browser | null = null;
  try {
    const base = `http://127.0.0.1:${PORT}/`;
    await waitForServer(base);
    browser = await chromium.launch({
      executablePath,
      args: executablePath ? ['--no-sandbox', '--disable-gpu'] : [],
    });
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${base}?mode=pv-tcp&workload=stream&size=65536&vms=8&speed=10000000`);
    await waitForPage(page, 'window.__xenviz && window.__xenviz.state().sweepReady', 60_000);

    // Frames: play for 6 s and keep every requestAnimationFrame timestamp (after a 1 s warm-up).
    await page.getByTestId('play').click();
    // Page scripts go in as strings: tsx wraps named functions in a helper the page does not have.
    const stamps = (await page.evaluate(FRAME_STAMPS)) as number[];
    const frameMs = stamps.slice(1).map((t, i) => t - stamps[i]);
    const fps = frameMs.map((d) => 1000 / d);
    await page.keyboard.press('Space');

    // Size changes: time from the input to the chart marker at the new size.
    await page.getByTestId('tab-throughput').click();
    const updates: number[] = [];
    const sizes = ['4K', '64K', '1M', '256', '16K', '4M'];
    for (let i = 0; i < 30; i++) {
      const text = sizes[i % sizes.length];
      const ms = (await page.evaluate(`(async () => {
        const input = document.querySelector('[data-testid="size-input"]');
        const marker = () => document.querySelector('[data-testid="marker-x"]')?.getAttribute('data-marker-x');
        const before = marker();
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
        const t0 = performance.now();
        setter.call(input, ${JSON.stringify(text)});
        input.dispatchEvent(new Event('input', { bubbles: true }));
        while (marker() === before) await new Promise((r) => requestAnimationFrame(r));
        return performance.now() - t0;
      })()`)) as number;
      updates.push(ms);
    }
    return {
      browserFpsMedian: Math.round(percentile(fps, 0.5) * 10) / 10,
      browserFrameMsP95: Math.round(percentile(frameMs, 0.95) * 10) / 10,
      browserFrames: frameMs.length,
      sizeChangeToChartsMsP95: Math.round(percentile(updates, 0.95) * 10) / 10,
      jsGzipKiB,
    };
  } finally {
    await browser?.close();
    if (server.pid) process.kill(-server.pid);
  }
}
