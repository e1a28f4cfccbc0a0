import type { SweepTask, TaskValue } from './sweepTasks.ts';
import type { SweepRequest } from './sweeps.ts';

/** Messages from the page to a sweep worker: one figure run of a request. */
export type ToWorker = {
  readonly kind: 'task';
  readonly id: number;
  readonly request: SweepRequest;
  readonly task: SweepTask;
};

/**
 * Messages from a sweep worker to the page: the run's number, or why it failed, or (`alive`, every
 * million events or so of a long run) that the run is still going, for the pool's watchdog.
 */
export type FromWorker =
  | { readonly kind: 'alive'; readonly id: number; readonly index: number; readonly events: number }
  | { readonly kind: 'done'; readonly id: number; readonly index: number; readonly value: TaskValue }
  | { readonly kind: 'failed'; readonly id: number; readonly index: number; readonly message: string };
