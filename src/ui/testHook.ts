import type { FrameLoop } from '../frame/frameLoop.ts';
import type { AppStore } from '../store/appStore.ts';

/**
 * `window.__xenviz`: lets browser tests drive the simulation deterministically (advance by an exact
 * simulated time, step) and know when the page has settled, so screenshots are taken at fixed
 * simulated times.
 */
export interface XenvizHook {
  advanceNs(ns: number): number;
  step(): number;
  back(): number;
  pause(): void;
  state(): { nowNs: number; events: number; playing: boolean; sweepReady: boolean };
  idle(): boolean;
}

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
      };
    },
    idle() {
      const s = store.getState();
      return loop.idle && !s.playing && !s.sweep.stale;
    },
  };
  (window as unknown as { __xenviz: XenvizHook }).__xenviz = hook;
}
