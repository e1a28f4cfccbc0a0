import type { Browser, CDPSession, Page } from '@playwright/test';
import { appendFileSync, writeFileSync } from 'node:fs';

/**
 * One soak case of bench/sections/soak.ts: a page of the built app playing one scenario at the
 * highest speed for a given wall time, its heap measured after a forced collection every ~15 s.
 */
export interface SoakCase {
  readonly mode: 'pv-tcp' | 'zero-copy';
  readonly sizeBytes: number;
  /** Short name for the fields: `PvTcp64B`. */
  readonly key: string;
}

export interface SoakFigures {
  /** Heap after collection at the end of the warm-up (the first minute), MB (10⁶ bytes). */
  heapStartMB: number;
  heapEndMB: number;
  /** Array buffers' backing stores (typed arrays, outside the heap) at the same two times, MB. */
  buffersStartMB: number;
  buffersEndMB: number;
  /** The longest frames after the warm-up with what ran in them (long-animation-frame entries). */
  longFrames: string[];
  /** False when the live run ended before the soak did (it then measured an idle page). */
  stillPlaying: boolean;
  /** True when the charts' sweep fell back to running on the page during the soak. */
  sweepOnPage: boolean;
  /** Least-squares slope of the heap after collection over the samples after the warm-up, MB per minute. */
  slopeMBPerMin: number;
  /** Longest time between two animation frames after the warm-up, ms (forced collections left out). */
  longestFrameMs: number;
  /** Longest frame over the whole run, the page's start included, ms. */
  longestFrameAllMs: number;
  framesOver200Ms: number;
  events: number;
  simulatedMs: number;
  samples: number;
}

/** The highest speed the app offers (SPEED_LIMITS.max): 100 ms of simulated time per second. */
const MAX_SPEED_NS_PER_S = 100_000_000;
const SAMPLE_EVERY_MS = 15_000;
const VMS_PER_HOST = 16;
const WINDOW = 256;

/**
 * Installed before the page's scripts: a requestAnimationFrame loop that keeps the longest gap between
 * frames. A gap that overlaps a collection the bench forced is not the page's fault and is left out.
 * A string: tsx wraps named functions in a helper the page does not have.
 */
export const FRAME_WATCH = `(() => {
  const f = { max: 0, maxAll: 0, over200: 0, prev: null, gcStart: -1, gcEnd: -1, counting: false };
  window.__soakFrames = f;
  const tick = (t) => {
    if (f.prev !== null) {
      const d = t - f.prev;
      const gcEnd = f.gcEnd < f.gcStart ? Infinity : f.gcEnd;
      const forced = f.gcStart >= 0 && f.prev <= gcEnd && t >= f.gcStart;
      if (!forced) {
        f.maxAll = Math.max(f.maxAll, d);
        if (f.counting) {
          f.max = Math.max(f.max, d);
          if (d > 200) f.over200++;
        }
      }
    }
    f.prev = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  // What ran in the longest frames (Chromium's long-animation-frame entries): the five longest after
  // the warm-up, each with its scripts, to say what a stall was.
  f.long = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (!f.counting || e.duration < 100) continue;
        const gcEnd = f.gcEnd < f.gcStart ? Infinity : f.gcEnd;
        if (f.gcStart >= 0 && e.startTime <= gcEnd && e.startTime + e.duration >= f.gcStart) continue;
        f.long.push({
          ms: Math.round(e.duration),
          style: Math.round(e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0),
          scripts: (e.scripts || []).map((x) => [x.invoker, x.sourceFunctionName, Math.round(x.duration)].join(' ')),
        });
        f.long.sort((a, b) => b.ms - a.ms);
        f.long.length = Math.min(f.long.length, 5);
      }
    }).observe({ type: 'long-animation-frame', buffered: false });
  } catch {
    /* no long-animation-frame entries in this browser */
  }
})()`;

/**
 * Heap in use after a full collection, MB, and the array buffers' backing stores (outside the heap:
 * typed arrays); the frame watch is told when the collection ran.
 */
async function heapAfterGcMB(page: Page, cdp: CDPSession): Promise<{ heap: number; buffers: number }> {
  await page.evaluate('window.__soakFrames.gcStart = performance.now()');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
  await page.evaluate('window.__soakFrames.gcEnd = performance.now()');
  return { heap: usage.usedSize / 1e6, buffers: (usage.backingStorageSize ?? NaN) / 1e6 };
}

/** Least-squares slope of y over x. */
export function slope(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  if (n < 2) return 0;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
  }
  return sxx > 0 ? sxy / sxx : 0;
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A heap snapshot into `file` (the frame watch leaves the pause it causes out, as for a collection). */
async function snapshot(page: Page, cdp: CDPSession, file: string): Promise<void> {
  await page.evaluate('window.__soakFrames.gcStart = performance.now()');
  // Chunk by chunk to the file: a snapshot of a grown heap is longer than a string may be.
  writeFileSync(file, '');
  const onChunk = (e: { chunk: string }) => appendFileSync(file, e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await page.evaluate('window.__soakFrames.gcEnd = performance.now()');
}

/** Waits for the charts' sweep, up to `timeoutMs`; true when it finished. */
async function sweepDone(page: Page, timeoutMs: number): Promise<boolean> {
  // Polled from here, not with waitForFunction's interval polling: that evaluates the string with
  // eval in the page, which the page's CSP refuses (it failed at once, and the soak never waited).
  const until = Date.now() + timeoutMs;
  for (;;) {
    const ready = await page
      .evaluate('!!(window.__xenviz && window.__xenviz.state().sweepReady)')
      .catch(() => false); // a page still loading
    if (ready) return true;
    if (Date.now() >= until) return false;
    await sleep(1000);
  }
}

/**
 * One page for every case: the first case's link, the frame watch installed before the app. The charts'
 * sweep at 16 VMs takes minutes on a loaded machine (and, when its workers answer too slowly, runs on
 * the page and blocks it): the cases start once it is done (up to `sweepWaitMin`), so they measure the live run.
 * The cases share it (their scenarios differ only in mode and size, which the sweep covers).
 */
export async function openSoakPage(
  browser: Browser,
  base: string,
  first: SoakCase,
  sweepWaitMin = 0,
): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.addInitScript(FRAME_WATCH);
  const q = `mode=${first.mode}&workload=stream&size=${first.sizeBytes}&vms=${VMS_PER_HOST}&window=${WINDOW}`;
  await page.goto(`${base}?${q}&speed=${MAX_SPEED_NS_PER_S}`);
  const started = Date.now();
  const swept = await sweepDone(page, sweepWaitMin * 60_000);
  const waited = Math.round((Date.now() - started) / 1000);
  console.error(`soak: charts ${swept ? 'ready' : 'still computing'} after ${waited} s`);
  return page;
}

/** Switches the page to case `c` through its controls (a fresh live run), paused. */
async function switchTo(page: Page, c: SoakCase): Promise<void> {
  await page.evaluate('window.__xenviz.pause()');
  await page.locator(`[data-testid="choice-mode"] [data-value="${c.mode}"]`).click();
  const exponent = Math.round(Math.log2(c.sizeBytes));
  await page.evaluate(`(() => {
    const slider = document.querySelector('[data-testid="size-slider"]');
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    setter.call(slider, ${JSON.stringify(String(exponent))});
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    slider.dispatchEvent(new Event('change', { bubbles: true }));
  })()`);
  await page.waitForFunction(`window.__xenviz.state().events === 0`, null, { timeout: 60_000 });
  // Mode and size do not change the charts' sweep (it covers both compared modes at every size).
}

/**
 * Plays `c` on `page` for `minutes` of wall time; the first `warmupMin` of it are the warm-up (the
 * run's start, the JIT). With `snapshotDir`, heap snapshots are written there after the warm-up and
 * at the end (to compare what grew).
 */
export async function soakCase(
  page: Page,
  c: SoakCase,
  minutes: number,
  warmupMin: number,
  snapshotDir?: string,
): Promise<SoakFigures> {
  await switchTo(page, c);
  await page.evaluate(
    'Object.assign(window.__soakFrames, { max: 0, over200: 0, long: [], counting: false, prev: null })',
  );
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await page.getByTestId('play').click();
  await page.waitForFunction('window.__xenviz.state().playing', null, { timeout: 60_000 });
  const t0 = Date.now();
  const elapsedMin = () => (Date.now() - t0) / 60_000;
  await sleep(warmupMin * 60_000);
  await page.evaluate('window.__soakFrames.counting = true');
  const xs: number[] = [];
  const ys: number[] = [];
  const buffers: number[] = [];
  const sample = async () => {
    xs.push(elapsedMin());
    const m = await heapAfterGcMB(page, cdp);
    ys.push(m.heap);
    buffers.push(m.buffers);
  };
  await sample();
  if (snapshotDir) await snapshot(page, cdp, `${snapshotDir}/${c.key}-start.heapsnapshot`);
  while (elapsedMin() < minutes) {
    await sleep(Math.min(SAMPLE_EVERY_MS, Math.max(0, (minutes - elapsedMin()) * 60_000)));
    await sample();
  }
  if (snapshotDir) await snapshot(page, cdp, `${snapshotDir}/${c.key}-end.heapsnapshot`);
  const state = (await page.evaluate('window.__xenviz.state()')) as {
    events: number;
    nowNs: number;
    playing: boolean;
  };
  // On a machine too loaded for the sweep's workers to answer in time, the pool runs the sweep on
  // the page, blocking its frames: said, since the frame figures then measure the sweep.
  const sweepOnPage = (await page.evaluate(
    "document.body.innerText.includes('sweeps run on the page')",
  )) as boolean;
  await cdp.detach();
  const frames = (await page.evaluate('window.__soakFrames')) as {
    max: number;
    maxAll: number;
    over200: number;
    long: { ms: number; style: number; scripts: string[] }[];
  };
  return {
    heapStartMB: round(ys[0]),
    heapEndMB: round(ys[ys.length - 1]),
    buffersStartMB: round(buffers[0]),
    buffersEndMB: round(buffers[buffers.length - 1]),
    longFrames: frames.long.map((l) => `${l.ms} ms (style+layout ${l.style}): ${l.scripts.join('; ')}`),
    stillPlaying: state.playing,
    sweepOnPage,
    slopeMBPerMin: round(slope(xs, ys), 2),
    longestFrameMs: round(frames.max),
    longestFrameAllMs: round(frames.maxAll),
    framesOver200Ms: frames.over200,
    events: state.events,
    simulatedMs: round(state.nowNs / 1e6),
    samples: ys.length,
  };
}
