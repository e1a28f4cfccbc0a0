import type { Ns } from '../lib/units.ts';

/** Simulated time: integer nanoseconds since the start of a run. */
export type SimTimeNs = Ns;

/** Rounds a computed duration (e.g. bytes × ns per byte) to whole nanoseconds, never below zero. */
export function roundNs(value: number): Ns {
  return (value > 0 ? Math.round(value) : 0) as Ns;
}
