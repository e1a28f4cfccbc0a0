import { chromium, type Browser, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { MIB } from '../../src/lib/units.ts';
import { SpanStore } from '../../src/live/recordingSpans.ts';
import { chromiumPath, ensureBuild, FRAME_STAMPS, waitForPage, waitForServer } from '../browser.ts';

/**
 * Seeing time, in Chromium on a production build: total blocking time at load, frames while
 * playing with the timeline open at 16 VMs per host, and, after 10^6 events of that run, stepping
 * back and moving the timeline's cursor (scrubbing), each from the action to the repainted page;
 * and the recording's memory per 10^6 spans. Goals: blocking ≤ 200 ms, ≥ 55 fps median, scrub
 * p95 ≤ 16 ms, step back p95 ≤ 5 ms (its main-thread work: the wait for the display's next frames
 * alone is up to 33 ms at 60 Hz, so it is printed apart), ≤ 64 MiB per 10^6 spans. (The page's heap over a long run:
 * the soak section, `--soak-minutes 30`.)
 */
export const title = 'Seeing time: blocking at load, timeline frames, step back, scrub, recording';

const PORT = Number(process.env.BENCH_TIME_PORT ?? 4397);
const DIST_DIR = process.env.BENCH_DIST_DIR ?? 'dist';
const root = new URL('../../', import.meta.url);
/** The run stepped back and scrubbed: the heavy case, pv-tcp streaming 64 B, 16 VMs. */
const HEAVY = '?mode=pv-tcp&workload=stream&size=64&vms=16&window=256';
/**
 * Frames are timed at 16 VMs with the default window: with a window of 256 the charts' sweep needs
 * more than the event budget at 4 MiB, so it never settles, and its workers would share the cores.
 */
const FRAMES = '?mode=pv-tcp&workload=stream&size=64&vms=16';
const EVENTS_BEFORE_STEPPING = 1_000_000;
/** Cursor moves timed: each may replay the run, so a few. */
const ACTIONS = 5;
/** Steps back timed (each a lookup). */
const STEPS = 20;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
}
const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Long tasks from the first script on (a string: tsx wraps named functions in a helper the page
 * does not have). Total blocking time counts each task's part past 50 ms, as Lighthouse does.
 */
const WATCH_LONG_TASKS = `window.__longTasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
  .observe({ type: 'longtask', buffered: true });`;

async function blockingAtLoadMs(page: Page, base: string): Promise<number> {
  await page.addInitScript(WATCH_LONG_TASKS);
  await page.goto(base);
  await waitForPage(page, 'window.__xenviz && window.__xenviz.state().sweepReady', 60_000);
  await page.waitForTimeout(3_000); // what runs after the first paint counts too
  const tasks = (await page.evaluate('window.__longTasks')) as number[];
  return tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0);
}

/** Frame intervals while playing at the highest speed with the timeline tab open, ms. */
async function timelineFrameMs(page: Page): Promise<number[]> {
  await page.getByTestId('tab-timeline').click();
  await page.getByTestId('play').click();
  const stamps = (await page.evaluate(FRAME_STAMPS)) as number[];
  await page.evaluate('window.__xenviz.pause()');
  return stamps.slice(1).map((t, i) => t - stamps[i]);
}

/** Runs the live run on to `events`, in slices that let the page paint between them. */
async function runTo(page: Page, events: number): Promise<number> {
  return (await page.evaluate(`(async () => {
    while (window.__xenviz.state().events < ${events}) {
      window.__xenviz.advanceNs(200000);
      await new Promise((r) => requestAnimationFrame(r));
    }
    return window.__xenviz.state().events;
  })()`)) as number;
}

/**
 * One step back: `toPaintMs`, from the call to the second frame after it (what a user waits,
 * including up to two vsync intervals in which nothing runs); `workMs`, the main thread's work it
 * costs: the call itself, plus the next frame from its start (the frame time rAF is given) until
 * its rendering is done (a task posted from the last rAF callback runs after it).
 */
const stepBack = (page: Page) =>
  page.evaluate(`(async () => {
    await new Promise((r) => setTimeout(r, 30));
    const t0 = performance.now();
    window.__xenviz.back();
    const t1 = performance.now();
    const frame = await new Promise((resolve) =>
      requestAnimationFrame((frameStart) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve({ frameStart, end: performance.now() });
        channel.port2.postMessage(0);
      }),
    );
    await new Promise((r) => requestAnimationFrame(r));
    return { toPaintMs: performance.now() - t0, workMs: t1 - t0 + (frame.end - Math.max(frame.frameStart, t1)) };
  })()`) as Promise<{ toPaintMs: number; workMs: number }>;

/**
 * One move of the timeline's cursor (a click on its axis, as a user scrubs) to a tenth of the view
 * further back each time, from the click to the next painted frame after the clock moved, ms.
 */
async function scrubMs(page: Page, k: number): Promise<number> {
  const canvas = page.getByTestId('timeline-canvas');
  const box = (await canvas.boundingBox())!;
  const x = box.x + box.width * (0.9 - 0.1 * k);
  const before = (await page.evaluate('window.__xenviz.state().nowNs')) as number;
  const t0 = Date.now();
  await page.mouse.click(x, box.y + 10);
  await waitForPage(page, `window.__xenviz.state().nowNs !== ${before}`, 600_000, 1);
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  return Date.now() - t0;
}

/** Bytes the recording's span arrays take per 10^6 spans, measured on a store filled with them. */
function recordingMiBPerMillionSpans(): number {
  const n = 1_000_000;
  const store = new SpanStore(n);
  for (let i = 0; i < n; i++) store.push(i, i + 1, i % 64, i % 16, i % 4, i, i % 200);
  return round1(store.byteLength / MIB);
}

export async function run(): Promise<Record<string, number | string>> {
  const executablePath = chromiumPath();
  if (!executablePath && !existsSync(chromium.executablePath()))
    return { seeTime: 'skipped: no Chromium found (set CHROMIUM_PATH)' };
  ensureBuild(DIST_DIR);
  const server = spawn(
    'npx',
    ['vite', 'preview', '--outDir', DIST_DIR, '--port', String(PORT), '--strictPort'],
    { cwd: root, stdio: 'ignore', detached: true },
  );
  let browser: Browser | null = null;
  try {
    const base = `http://127.0.0.1:${PORT}/`;
    await waitForServer(base);
    browser = await chromium.launch({
      executablePath,
      args: executablePath ? ['--no-sandbox', '--disable-gpu'] : [],
    });
    const viewport = { width: 1366, height: 768 };
    const blockingMs = await blockingAtLoadMs(await browser.newPage({ viewport }), base);

    const page = await browser.newPage({ viewport });
    await page.goto(`${base}${FRAMES}&speed=100000000`);
    // Frames while playing, once the charts' sweep is done: its workers would share the two cores.
    await waitForPage(page, 'window.__xenviz && window.__xenviz.state().sweepReady', 300_000);
    const frames = await timelineFrameMs(page);
    await page.goto(`${base}${HEAVY}&speed=100000000`);
    await waitForPage(page, 'window.__xenviz && window.__xenviz.state().rendered', 60_000);
    await page.getByTestId('tab-timeline').click();
    const events = await runTo(page, EVENTS_BEFORE_STEPPING);
    const steps: { toPaintMs: number; workMs: number }[] = [];
    for (let i = 0; i < STEPS; i++) steps.push(await stepBack(page));
    const scrubs: number[] = [];
    for (let k = 0; k < ACTIONS; k++) scrubs.push(await scrubMs(page, k));
    return {
      blockingAtLoadMs: Math.round(blockingMs),
      timelineFpsMedian16Vms: round1(
        percentile(
          frames.map((d) => 1000 / d),
          0.5,
        ),
      ),
      timelineFrameMsP95: round1(percentile(frames, 0.95)),
      eventsBeforeStepping: events,
      stepBackMsP95: round1(
        percentile(
          steps.map((x) => x.workMs),
          0.95,
        ),
      ),
      stepBackToPaintMsP95: round1(
        percentile(
          steps.map((x) => x.toPaintMs),
          0.95,
        ),
      ),
      scrubMsP95: round1(percentile(scrubs, 0.95)),
      recordingMiBPer1MSpans: recordingMiBPerMillionSpans(),
    };
  } finally {
    await browser?.close();
    if (server.pid) process.kill(-server.pid);
  }
}
