import type { Simulator } from './simulator.ts';

/**
 * Going back in simulated time by replaying from the seed. A run is a pure function of its
 * settings and seed, so rebuilding it and running the first n events lands exactly where it was
 * after n events: the visualizer's "step back" is `toEvent(current − 1)`.
 *
 * Handlers are closures, which cannot be copied; replay costs O(n) events but never diverges.
 */
export class Replay<S extends { sim: Simulator }> {
  private current: S;
  /**
   * True after `toTime` until an event runs: the clock may then stand past the last event run,
   * where a run that only ran events would not be.
   */
  private clockMoved = false;

  constructor(private readonly build: () => S) {
    this.current = build();
  }

  get run(): S {
    return this.current;
  }

  /** A fresh run at time zero. */
  reset(): S {
    this.current = this.build();
    this.clockMoved = false;
    return this.current;
  }

  /** The run after exactly `eventCount` events (fewer if it ends sooner). */
  toEvent(eventCount: number): S {
    const target = Math.max(0, Math.floor(eventCount));
    const done = this.current.sim.eventsProcessed;
    // Going back needs a fresh run. So does a move that runs no event after toTime (staying put, or
    // nothing left to run): toTime may have left the clock past the last event, where a fresh run's
    // clock would stand at that event.
    const runsNoEvent = target === done || this.current.sim.pending === 0;
    if (target < done || (this.clockMoved && runsNoEvent)) this.reset();
    if (this.current.sim.runEvents(target - this.current.sim.eventsProcessed) > 0) this.clockMoved = false;
    return this.current;
  }

  /** The run with every event at or before `timeNs` done, the clock at `timeNs`. */
  toTime(timeNs: number): S {
    if (timeNs < this.current.sim.now) this.reset();
    this.current.sim.runUntil(timeNs);
    this.clockMoved = true;
    return this.current;
  }

  /** One event back; returns false at the start. */
  stepBack(): boolean {
    const n = this.current.sim.eventsProcessed;
    if (n === 0) return false;
    this.toEvent(n - 1);
    return true;
  }
}
