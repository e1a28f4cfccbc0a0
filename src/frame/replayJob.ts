import { LiveRun } from '../live/index.ts';
import type { Scenario } from '../model/types.ts';

/** Where a replay must land: after a number of events (a step back), or at a time (a cursor move). */
export type ReplayTarget = { readonly events: number } | { readonly timeNs: number };

/** Events run between two looks at the clock. */
const EVENTS_PER_CHUNK = 2_000;
/**
 * Events before a step back's target from which the replay records (and before that only runs the
 * model, several times faster): enough to step back on by lookup from where it lands.
 */
export const RECORDED_TAIL_EVENTS = 200_000;
/** The same for a time target: the replay records this much simulated time before it. */
export const RECORDED_TAIL_NS = 2_000_000;

/**
 * A replay from the seed to a point older than the recording keeps, done a slice at a time so the
 * page keeps drawing (and can cancel it): a fresh run of the same scenario goes forward to the
 * target in bounded slices, and the page adopts it once it is there. The run on screen is left as
 * it was until then, so a cancel loses nothing.
 */
export class ReplayJob {
  readonly run: LiveRun;
  private finished = false;

  constructor(
    scenario: Scenario,
    readonly target: ReplayTarget,
    private readonly sampleEveryNs: number,
    eventTimesKept?: number,
    /** How much before the target the replay records (see RECORDED_TAIL_EVENTS, RECORDED_TAIL_NS). */
    private readonly tail = { events: RECORDED_TAIL_EVENTS, ns: RECORDED_TAIL_NS },
  ) {
    this.run = new LiveRun(scenario, eventTimesKept);
  }

  get done(): boolean {
    return this.finished;
  }

  /** How far it is: events or simulated ns done, of the total. */
  get progress(): { done: number; total: number } {
    const t = this.target;
    return 'events' in t
      ? { done: Math.min(this.run.events, t.events), total: t.events }
      : { done: Math.min(this.run.nowNs, t.timeNs), total: t.timeNs };
  }

  /**
   * Runs until the target or until `budgetMs` of wall time has passed; true once there. Pass
   * Infinity to finish in one call (tests).
   */
  work(budgetMs: number, chunk = EVENTS_PER_CHUNK): boolean {
    if (this.finished) return true;
    const run = this.run;
    const started = performance.now();
    const t = this.target;
    for (;;) {
      // Far from the target: the model alone, recording nothing.
      const tail = this.tail;
      const fast =
        'events' in t
          ? run.events < t.events - tail.events && run.nextEventNs !== Infinity
          : run.nextEventNs < t.timeNs - tail.ns;
      if (fast) {
        run.fastForward(
          chunk * 4,
          'events' in t ? t.events - tail.events : Infinity,
          'events' in t ? Infinity : t.timeNs - tail.ns,
        );
      } else if ('events' in t) {
        run.record();
        const left = t.events - run.events;
        if (left <= 0 || run.nextEventNs === Infinity) break;
        run.advanceTo(Number.MAX_SAFE_INTEGER, Math.min(chunk, left), this.sampleEveryNs);
      } else {
        run.record();
        if (run.nowNs >= t.timeNs) break;
        run.advanceTo(t.timeNs, chunk, this.sampleEveryNs);
      }
      if (performance.now() - started > budgetMs) return false;
    }
    // Events at one instant with a sample of the live chart may run together: land on the event
    // itself by the recording (a lookup back of a few events).
    if ('events' in t) while (run.events > t.events && run.stepBack());
    this.finished = true;
    return true;
  }
}
