import type { FrameLoop } from '../frame/frameLoop.ts';
import type { AppStore } from '../store/appStore.ts';
import { sweepWorkersUsed } from '../store/sweepSync.ts';
import { failPanel } from './ErrorBoundary.tsx';

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
  /** `sweepPoints`: chart points drawn (partial while recomputing); `sweepWorkers`: workers the last sweep used. */
  state(): {
    nowNs: number;
    events: number;
    playing: boolean;
    sweepReady: boolean;
    sweepPoints: number;
    sweepWorkers: number;
  };
  idle(): boolean;
  /** Makes a panel (`diagram`, `controls`, `settings`, `readouts`, `charts`, a chart tab's key) throw, to see its wall hold. */
  failPanel?(name: string): void;
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
