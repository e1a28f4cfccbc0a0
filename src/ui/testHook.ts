import type { FrameLoop } from '../frame/frameLoop.ts';
import type { AppStore } from '../store/appStore.ts';
import { sweepWorkersUsed } from '../store/sweepSync.ts';
import { failPanel } from './ErrorBoundary.tsx';
import type { XenvizHook } from './testHookApi.ts';

export type { XenvizHook } from './testHookApi.ts';

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
        sweepReady: !s.sweep.stale && s.sweep.points.length > 0,
        sweepPoints: s.sweep.points.length,
        sweepWorkers: sweepWorkersUsed(),
      };
    },
    idle() {
      const s = store.getState();
      return loop.idle && !s.playing && !s.sweep.stale;
    },
    failPanel,
  };
  (window as unknown as { __xenviz: XenvizHook }).__xenviz = hook;
}
