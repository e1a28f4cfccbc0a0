import type { Scenario } from '../model/types.ts';
import type { AppStore } from '../store/appStore.ts';
import { pairsOf, type Settings } from '../store/settings.ts';
import { LiveRun } from '../live/index.ts';

/** The scenario the live view animates for these settings. */
export function liveScenario(s: Settings): Scenario {
  return {
    mode: s.mode,
    workload: s.workload,
    op: s.op,
    sizeBytes: s.sizeBytes,
    pairs: pairsOf(s),
    window: s.window,
    messages: 1, // LiveRun keeps it going
    seed: s.seed,
    params: s.params,
  };
}

/** Holds the live run and starts a fresh one whenever a setting of the run changes. */
export class LiveController {
  private current: LiveRun;
  private key: string;
  private readonly listeners = new Set<() => void>();

  constructor(store: AppStore) {
    const scenario = liveScenario(store.getState().settings);
    this.key = JSON.stringify(scenario);
    this.current = new LiveRun(scenario);
    store.subscribe((s, prev) => {
      if (s.settings === prev.settings) return;
      const next = liveScenario(s.settings);
      const key = JSON.stringify(next);
      if (key === this.key) return;
      this.key = key;
      this.current = new LiveRun(next);
      for (const fn of this.listeners) fn();
    });
  }

  get live(): LiveRun {
    return this.current;
  }

  /** Called when a new run replaces the old one. */
  onReplace(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
}
