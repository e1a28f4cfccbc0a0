/**
 * `npm run screenshots`: the main states of the app, at fixed simulated times, into docs/*.png
 * (used by the README). Builds, serves the production build, drives it through the test hook.
 */
import { chromium } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { waitForPage } from '../bench/browser.ts';

const PORT = 4398;
const root = new URL('../', import.meta.url);
const shots: {
  file: string;
  query: string;
  width: number;
  height: number;
  advanceNs: number;
  tab?: string;
  settings?: boolean;
}[] = [
  {
    file: 'pv-tcp-pingpong',
    query: '?mode=pv-tcp&workload=pingpong&size=64',
    width: 1366,
    height: 768,
    advanceNs: 190_000,
    tab: 'journey',
  },
  {
    file: 'zero-copy-pingpong',
    query: '?mode=zero-copy&workload=pingpong&size=64',
    width: 1366,
    height: 768,
    advanceNs: 70_000,
    tab: 'journey',
  },
  {
    file: 'cpu-breakdown',
    query: '?mode=zero-copy&workload=stream&size=65536&vms=2',
    width: 1920,
    height: 1080,
    advanceNs: 400_000,
    tab: 'cpu',
  },
  {
    file: 'throughput',
    query: '?mode=pv-tcp&workload=stream&size=1048576&vms=8',
    width: 1920,
    height: 1080,
    advanceNs: 2_000_000,
    tab: 'throughput',
  },
  {
    file: 'sr-iov-settings',
    query: '?mode=sr-iov&workload=stream&size=4096&vms=4',
    width: 1366,
    height: 768,
    advanceNs: 60_000,
    tab: 'latency',
    settings: true,
  },
];

const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync(chromium.executablePath()) ? undefined : '/usr/bin/chromium');
execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], {
  cwd: root,
  stdio: 'ignore',
  detached: true,
});
try {
  await new Promise((r) => setTimeout(r, 1500));
  const browser = await chromium.launch({
    executablePath,
    args: executablePath ? ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'] : [],
  });
  for (const s of shots) {
    const page = await browser.newPage({ viewport: { width: s.width, height: s.height } });
    await page.goto(`http://127.0.0.1:${PORT}/${s.query}`);
    await waitForPage(page, 'window.__xenviz && window.__xenviz.state().sweepReady', 60_000);
    await page.evaluate(`window.__xenviz.advanceNs(${s.advanceNs})`);
    if (s.tab) await page.getByTestId(`tab-${s.tab}`).click();
    if (s.settings) await page.getByTestId('settings-toggle').click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: new URL(`docs/${s.file}.png`, root).pathname });
    await page.close();
    console.log(`docs/${s.file}.png`);
  }
  // Every step of the poster's tour, in presenter mode at 1366×768 (what a lecture hall sees); at a
  // predict step, also after a guess (the first shape offered) is revealed.
  const tour = JSON.parse(readFileSync(new URL('public/tours/poster.json', root), 'utf8')) as {
    steps: { predict?: unknown; scene?: { pauseAt?: unknown } }[];
  };
  for (let n = 1; n <= tour.steps.length; n++) {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`http://127.0.0.1:${PORT}/?presenter=1&tour=${n}`);
    await page.getByTestId('tour-card').waitFor({ timeout: 60_000 });
    await page.waitForFunction(
      (step) => document.querySelector(`[data-testid=tour-card][data-step="${step}"]`) !== null,
      String(n),
    );
    // The scene is set when the step's run has paused at its moment (if it has one) and its numbers,
    // filled from the sweep, are in the text (an unfilled number shows as "…").
    if (tour.steps[n - 1].scene?.pauseAt) await page.getByTestId('tour-paused').waitFor({ timeout: 180_000 });
    await waitForPage(page, 'window.__xenviz && window.__xenviz.state().sweepReady', 180_000);
    await page.waitForFunction(
      () => !(document.querySelector('[data-testid=tour-text]')?.textContent ?? '…').includes('…'),
      null,
      { timeout: 180_000 },
    );
    await page.waitForTimeout(500);
    const name = `tour-${String(n).padStart(2, '0')}`;
    await page.screenshot({ path: new URL(`docs/${name}.png`, root).pathname });
    console.log(`docs/${name}.png`);
    if (tour.steps[n - 1].predict) {
      await page.locator('[data-testid^=predict-shape-]').first().click();
      await page.getByTestId('predict-reveal').click();
      await page.getByTestId('predict-real').waitFor({ timeout: 120_000 });
      await page.waitForTimeout(300);
      await page.screenshot({ path: new URL(`docs/${name}-revealed.png`, root).pathname });
      console.log(`docs/${name}-revealed.png`);
    }
    await page.close();
  }
  await browser.close();
} finally {
  if (server.pid) process.kill(-server.pid);
}
