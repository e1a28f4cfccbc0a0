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

  constructor(private readonly build: () => S) {
    this.current = build();
  }

  get run(): S {
    return this.current;
  }

  /** A fresh run at time zero. */
  reset(): S {
    this.current = this.build();
    return this.current;
  }

  /** The run after exactly `eventCount` events (fewer if it ends sooner). */
  toEvent(eventCount: number): S {
    const target = Math.max(0, Math.floor(eventCount));
    if (target < this.current.sim.eventsProcessed) this.reset();
    this.current.sim.runEvents(target - this.current.sim.eventsProcessed);
    return this.current;
  }

  /** The run with every event at or before `timeNs` done, the clock at `timeNs`. */
  toTime(timeNs: number): S {
    if (timeNs < this.current.sim.now) this.reset();
    this.current.sim.runUntil(timeNs);
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
