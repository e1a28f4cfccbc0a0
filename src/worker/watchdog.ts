import type { SweepTask } from './sweepTasks.ts';

/** Every task gets at least this long: a worker's start-up (module load) and a loaded machine. */
export const WATCHDOG_BASE_MS = 20_000;
/**
 * Wall time allowed per unit of a task's relative cost. Measured in Node: 30–55 ns per unit for the
 * large TCP runs (a 4 MiB pv-tcp throughput run, 67 M units, took 2.9 s), and the small runs are
 * covered by the base. 500 ns is ten times the slowest measured, for slower machines and for the
 * pool's workers sharing the cores.
 */
export const WATCHDOG_NS_PER_COST = 500;

/**
 * How long a worker may take to answer a task, or to give its first sign of life, before the pool
 * decides it stopped answering:
 * 20 s + 0.5 µs × the task's cost (20 s for the coarse runs, about 55 s for a 4 MiB TCP run with
 * one pair, about 9 min for the same with 16 pairs).
 */
export function taskDeadlineMs(task: Pick<SweepTask, 'cost'>): number {
  return WATCHDOG_BASE_MS + Math.ceil((task.cost * WATCHDOG_NS_PER_COST) / 1e6);
}

/**
 * How long a worker may stay silent after a sign of life (`alive`, every ~10^6 events of a run):
 * a run that is merely slow keeps saying so, and only one that stopped answering goes quiet. 10^6
 * events take about a second here, 10–20 s on a machine loaded ten times over.
 */
export const HEARTBEAT_DEADLINE_MS = 60_000;

/** The charts panel's note once sweeps run on the page, by what made the pool give up its workers. */
export const FALLBACK_NOTES = {
  silent: 'sweeps run on the page: the worker stopped answering',
  crashed: 'sweeps run on the page: the worker crashed',
  none: 'sweeps run on the page: no worker could start',
} as const;
export type FallbackReason = keyof typeof FALLBACK_NOTES;
