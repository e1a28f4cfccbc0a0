// The test hook's shape, with no imports: the page (testHook.ts) and the browser tests (e2e/fixtures.ts) read it.

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
    /** The page has rendered what the store holds: first render committed, sizes measured, the diagram drawn. */
    rendered: boolean;
    /** `rendered`, and the charts' curves computed for the current settings. */
    sweepReady: boolean;
    sweepPoints: number;
    sweepWorkers: number;
    /** A replay from the seed is under way (going back further than the recording keeps). */
    replaying: boolean;
  };
  idle(): boolean;
  /**
   * How many event times the live run keeps for stepping back by lookup (undefined: the default, 2^21):
   * a small number lets a test go back past the recording in a few steps. Starts the run again.
   */
  keepEventTimes?(count: number | undefined): void;
  /** Makes a panel (`diagram`, `controls`, `settings`, `readouts`, `charts`, a chart tab's key) throw, to see its wall hold. */
  failPanel?(name: string): void;
}
