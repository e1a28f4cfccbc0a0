import { knownRunsByKey } from './knownRuns.ts';
import { webPoolWorker } from './poolWorker.ts';
import { spawnSweepWorker } from './spawn.ts';
import { SweepPool } from './sweepPool.ts';

export type { SweepCallbacks } from './sweepPool.ts';

/**
 * Workers for a machine with `cores` logical cores: one per core, at least two (so a long run never
 * holds up the rest), at most sixteen (a sweep has a few dozen runs; more workers only cost memory).
 */
export function poolSizeFor(cores: number | undefined): number {
  return Math.min(16, Math.max(2, Math.floor(cores ?? 0)));
}

/**
 * The charts' sweep pool: Web Workers from `spawnSweepWorker`, so dragging a slider never drops a
 * frame; on the page instead when none can start. The default settings' runs are known ahead
 * (knownRuns.json), so a first visit's charts need no run at all.
 */
export function createSweepClient(): SweepPool {
  const cores = typeof navigator === 'undefined' ? undefined : navigator.hardwareConcurrency;
  return new SweepPool(() => {
    const w = spawnSweepWorker();
    return w ? webPoolWorker(w) : null;
  }, poolSizeFor(cores)).know(knownRunsByKey());
}
