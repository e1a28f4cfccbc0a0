import { LiveRun } from '../live/index.ts';
import type { CpuByDomainNs, AbSide } from '../store/ab.ts';
import type { AppStore } from '../store/appStore.ts';
import { liveScenario } from './liveController.ts';

/** Events A may run between two looks at the clock. */
const EVENTS_PER_CHUNK = 1_000;

/** A live run's CPU so far, summed over its vCPUs, by domain and category. */
export function cpuByDomainNs(live: LiveRun): CpuByDomainNs {
  const out: Record<string, Record<string, number>> = {};
  for (const c of live.cpuSpent()) {
    const d = (out[c.domain] ??= {});
    d[c.category] = (d[c.category] ?? 0) + c.busyNs;
  }
  return out as CpuByDomainNs;
}

export const sideOf = (live: LiveRun): AbSide => ({ readout: live.readout(), cpuNs: cpuByDomainNs(live) });

/**
 * The pinned scenario A's live run, kept on B's clock: whenever B's run moves (playing, a step, a
 * reset, a new run), A is moved to the same simulated time, forward by running its events, back by
 * replay from its seed (as B is). Each frame gives it a bounded slice of wall time; a lag is caught
 * up on the next frames and shows as A's own clock in the panel.
 */
export class AbRunner {
  private run: LiveRun | null = null;
  private key = '';
  private problem: string | null = null;

  constructor(private readonly store: AppStore) {}

  /** A's run for the pinned settings (a new one when they change), or null when nothing is pinned. */
  private current(): LiveRun | null {
    const pinned = this.store.getState().ab.pinned;
    if (!pinned) {
      this.run = null;
      this.key = '';
      return null;
    }
    const scenario = liveScenario(pinned);
    const key = JSON.stringify(scenario);
    if (key !== this.key) {
      this.key = key;
      this.problem = null;
      try {
        this.run = new LiveRun(scenario);
      } catch (e) {
        this.run = null;
        this.problem = e instanceof Error ? e.message : String(e);
      }
    }
    return this.run;
  }

  /** A's live run while A is pinned (for drawing A's tokens), else null. */
  get live(): LiveRun | null {
    return this.store.getState().ab.pinned ? this.run : null;
  }

  /** Why A cannot run (its settings were refused by the model), or null. */
  get refused(): string | null {
    return this.problem;
  }

  /**
   * Moves A to `nowNs`, spending at most `budgetMs` of wall time on events. Returns false while A
   * lags behind (the caller comes back on the next frame).
   */
  follow(nowNs: number, budgetMs: number, sampleEveryNs: number): boolean {
    const run = this.current();
    if (!run) return true;
    if (run.nowNs > nowNs) run.seek(nowNs);
    const started = performance.now();
    while (run.nowNs < nowNs && run.nextEventNs !== Infinity) {
      run.advanceTo(nowNs, EVENTS_PER_CHUNK, sampleEveryNs);
      if (performance.now() - started > budgetMs) break;
    }
    return run.nowNs >= nowNs || run.nextEventNs === Infinity;
  }

  /** Publishes A beside B, both read now (nothing when nothing is pinned). */
  publish(b: LiveRun): void {
    const run = this.current();
    const { ab } = this.store.getState();
    if (!ab.pinned) return;
    if (!run) {
      if (ab.a !== null || ab.b !== null || ab.aComponents !== null)
        this.store.setState({ ab: { ...ab, a: null, b: null, aComponents: null } });
      return;
    }
    this.store.setState({ ab: { ...ab, a: sideOf(run), b: sideOf(b), aComponents: run.components() } });
  }
}
