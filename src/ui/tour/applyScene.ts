import { spanStop } from '../../model/routes.ts';
import type { FrameLoop } from '../../frame/frameLoop.ts';
import { actions, appStore, type ChartTab } from '../../store/index.ts';
import type { PauseAt } from '../../tour/format.ts';
import type { Scene } from '../../tour/scene.ts';
import { prefersReducedMotion } from '../a11y/reducedMotion.ts';

/** How far a pause looks for its moment before it gives up (simulated). */
const SEARCH_LIMIT_NS = 20_000_000;
const SEARCH_CHUNK_NS = 2_000;

/**
 * Puts a step's scene on screen through the store's actions, then runs the live run from t = 0 to the
 * step's moment and pauses there (the same moment every time: the run is a function of its settings).
 * Returns where it paused and what it could not do.
 */
export function applyScene(scene: Scene, loop: FrameLoop): { pausedAtNs: number | null; notes: string[] } {
  const want = scene.settings;
  const now = () => appStore.getState().settings;
  // Mode before workload and size: each action keeps the settings valid, so go in the order that
  // never needs a fallback (pktgen exists only on some modes and frame sizes).
  if (now().mode !== want.mode) actions.setMode(want.mode);
  if (now().workload !== want.workload) actions.setWorkload(want.workload);
  if (now().mode !== want.mode) actions.setMode(want.mode);
  if (now().sizeBytes !== want.sizeBytes) actions.setSize(want.sizeBytes);
  if (now().op !== want.op) actions.setOp(want.op);
  if (now().vms !== want.vms) actions.setVms(want.vms);
  if (now().window !== want.window) actions.setWindow(want.window);
  if (now().seed !== want.seed) actions.setSeed(want.seed);
  if (JSON.stringify(now().params) !== JSON.stringify(want.params)) actions.applyParams({ ...want.params });
  if (now().speedNsPerSec !== want.speedNsPerSec) actions.setSpeed(want.speedNsPerSec);
  actions.pause();

  const notes: string[] = [];
  let pausedAtNs: number | null = null;
  if (scene.pauseAt) {
    pausedAtNs = findMoment(scene.pauseAt, loop);
    if (pausedAtNs === null)
      notes.push(`${describePause(scene.pauseAt)} did not happen within the first 20 ms`);
  }
  loop.reset();
  if (pausedAtNs !== null && pausedAtNs > 0) loop.advanceBy(pausedAtNs);
  actions.selectMessage(scene.message);
  actions.setChartTab(scene.tab as ChartTab);
  // A reader who asked for less motion presses Play; nothing starts moving by itself.
  if (scene.play && !prefersReducedMotion()) actions.play();
  return { pausedAtNs, notes };
}

/** A pause in words, for the card. */
export function describePause(at: PauseAt): string {
  if ('us' in at) return `t = ${at.us} µs`;
  if ('arrived' in at) return `message #${at.message} arrived`;
  return `message #${at.message} inside ${at.in}${at.host !== undefined ? ` on host ${at.host}` : ''}`;
}

/** The simulated time of a step's moment, found by running the live run from the start; null if it never comes. */
function findMoment(at: PauseAt, loop: FrameLoop): number | null {
  if ('us' in at) return Math.round(at.us * 1000);
  const live = loop.live;
  live.reset();
  const stop = 'in' in at ? at.in.replace('/', ':') : null;
  for (let t = SEARCH_CHUNK_NS; t <= SEARCH_LIMIT_NS; t += SEARCH_CHUNK_NS) {
    live.advanceTo(t, Number.MAX_SAFE_INTEGER, SEARCH_CHUNK_NS);
    const journey = live.journey(at.message);
    if ('arrived' in at) {
      if (journey.arrivedNs !== null) return journey.arrivedNs;
    } else {
      const span = journey.spans.find((s) => {
        const where = spanStop(s);
        return where !== null && where.stop === stop && (at.host === undefined || where.host === at.host);
      });
      // The middle of the span: the message is inside the box, its token drawn there.
      if (span) return Math.round((span.startNs + span.endNs) / 2);
    }
    if (live.nextEventNs === Infinity) return null;
  }
  return null;
}
