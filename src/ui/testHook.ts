import type { FrameLoop } from '../frame/frameLoop.ts';
import type { AppStore } from '../store/appStore.ts';
import { sweepWorkersUsed } from '../store/sweepSync.ts';
import { resizesPending } from '../charts/index.ts';
import { failPanel } from './ErrorBoundary.tsx';
import { EMBED } from './embed/embedMode.ts';
import type { XenvizHook } from './testHookApi.ts';

export type { XenvizHook } from './testHookApi.ts';

/**
 * The page shows what the store holds: the first render and every measured element's resize are
 * transitions (built in slices over several tasks), so "ready" waits until they are committed and
 * the diagram has drawn.
 */
const rendered = () =>
  (document.getElementById('root')?.hasChildNodes() ?? true) && resizesPending() === 0 && diagramDrawn();

/**
 * The diagram, where the page has one (all but an embedded chart and an embed link that cannot be
 * read), is on the page and has drawn its tokens once: it mounts and registers its painter a few
 * tasks after the first render, once its layout is measured.
 */
const diagramDrawn = () => {
  if (EMBED && (!EMBED.ok || EMBED.view !== 'diagram')) return true;
  return document.querySelector('[data-testid=diagram]')?.hasAttribute('data-now-ns') ?? false;
};

export function installTestHook(loop: FrameLoop, store: AppStore): void {
  const hook: XenvizHook = {
    advanceNs(ns) {
      store.setState({ playing: false });
      loop.advanceBy(ns);
      return loop.live.nowNs;
    },
    step() {
      loop.stepForward();
      return loop.live.events;
    },
    back() {
      loop.stepBack();
      return loop.live.events;
    },
    pause() {
      store.setState({ playing: false });
    },
    state() {
      const s = store.getState();
      return {
        nowNs: loop.live.nowNs,
        events: loop.live.events,
        playing: s.playing,
        rendered: rendered(),
        sweepReady: !s.sweep.stale && s.sweep.points.length > 0 && rendered(),
        sweepPoints: s.sweep.points.length,
        sweepWorkers: sweepWorkersUsed(),
        replaying: loop.replaying,
      };
    },
    idle() {
      const s = store.getState();
      return loop.idle && !s.playing && !s.sweep.stale && rendered();
    },
    keepEventTimes(count) {
      loop.controller.keepEventTimes(count);
      loop.settle();
    },
    failPanel,
  };
  (window as unknown as { __xenviz: XenvizHook }).__xenviz = hook;
}
