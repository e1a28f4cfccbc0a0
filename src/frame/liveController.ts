import type { Scenario } from '../model/types.ts';
import type { AppStore } from '../store/appStore.ts';
import { DEFAULT_SETTINGS, pairsOf, type Settings } from '../store/settings.ts';
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

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Holds the live run and starts a fresh one whenever a setting of the run changes. Nothing the run
 * throws escapes into the store's subscribers or the frame loop: a run the model refuses to start
 * puts the previous settings back (on screen and in the link, as they are still what runs), and an
 * exception while running pauses the run with a notice, the settings kept.
 */
export class LiveController {
  private current: LiveRun;
  private key: string;
  /** The settings the current run was started from: what a refused change goes back to. */
  private running: Settings;
  private readonly listeners = new Set<() => void>();
  /** Event times each run keeps for stepping back by lookup (undefined: the default; smaller in tests). */
  private eventTimesKept: number | undefined;

  constructor(private readonly store: AppStore) {
    const { run, settings } = this.firstRun(store.getState().settings);
    this.current = run;
    this.running = settings;
    this.key = JSON.stringify(liveScenario(settings));
    store.subscribe((s, prev) => {
      if (s.settings === prev.settings) return;
      const next = liveScenario(s.settings);
      const key = JSON.stringify(next);
      if (key === this.key) {
        this.running = s.settings;
        return;
      }
      let run: LiveRun;
      try {
        run = new LiveRun(next, this.eventTimesKept);
      } catch (e) {
        const back = { ...this.running, speedNsPerSec: s.settings.speedNsPerSec };
        this.fail(`The run refused that change (${messageOf(e)}); the previous settings are back.`, {
          settings: back,
        });
        return;
      }
      this.key = key;
      this.running = s.settings;
      this.current = run;
      for (const fn of this.listeners) fn();
    });
  }

  get live(): LiveRun {
    return this.current;
  }

  /** Event times new runs keep (see LiveRun); the current run starts again with it. */
  keepEventTimes(count: number | undefined): void {
    this.eventTimesKept = count;
    this.adopt(new LiveRun(this.current.scenario, count));
  }

  get keptEventTimes(): number | undefined {
    return this.eventTimesKept;
  }

  /** A run of the current settings built elsewhere (a replay done in slices) takes the current one's place. */
  adopt(run: LiveRun): boolean {
    if (JSON.stringify(run.scenario) !== this.key) return false; // the settings changed meanwhile
    this.current = run;
    for (const fn of this.listeners) fn();
    return true;
  }

  /** Called when a new run replaces the old one. */
  onReplace(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /**
   * Runs `f` on the live run; if it throws, the run pauses with a notice that says what failed,
   * and the settings stay as they are. Returns what `f` returned, or undefined when it threw.
   */
  guard<T>(f: () => T): T | undefined {
    try {
      return f();
    } catch (e) {
      const t = (this.current.nowNs / 1000).toFixed(3);
      this.fail(`The live run stopped at t = ${t} µs: ${messageOf(e)}. It is paused; the settings are kept.`);
      return undefined;
    }
  }

  private fail(notice: string, patch: { settings?: Settings } = {}): void {
    this.store.setState((s) => ({
      ...patch,
      playing: false,
      notices: s.notices.includes(notice) ? s.notices : [...s.notices, notice],
    }));
  }

  /** The page's first run: a link the model refuses opens with the constants, then everything, at defaults. */
  private firstRun(wanted: Settings): { run: LiveRun; settings: Settings } {
    const defaults = { ...DEFAULT_SETTINGS, speedNsPerSec: wanted.speedNsPerSec };
    const tries: Settings[] = [wanted, { ...wanted, params: {} }, defaults];
    const restored = ['', 'the model constants', 'every setting'];
    let first: unknown = null;
    for (const [i, settings] of tries.entries()) {
      try {
        const run = new LiveRun(liveScenario(settings));
        if (i > 0) {
          const why = `The run could not start as opened (${messageOf(first)})`;
          this.fail(`${why}; ${restored[i]} went back to the defaults.`, { settings });
        }
        return { run, settings };
      } catch (e) {
        first ??= e;
      }
    }
    throw first; // the defaults themselves fail: a bug in the model, not a setting
  }
}
