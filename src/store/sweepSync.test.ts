import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PoolWorker } from '../worker/poolWorker.ts';
import type { ToWorker } from '../worker/protocol.ts';
import { SweepPool } from '../worker/sweepPool.ts';
import { FALLBACK_NOTES, taskDeadlineMs } from '../worker/watchdog.ts';
import { createAppStore } from './appStore.ts';
import { syncSweeps } from './sweepSync.ts';

/** A worker that takes a run and never answers, with no error event. */
class SilentWorker implements PoolWorker {
  readonly posted: ToWorker[] = [];
  post(m: ToWorker) {
    this.posted.push(m);
  }
  listen() {}
  terminate() {}
}

describe('the sweep’s sync with the store', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows the pool’s note once the sweeps fall back to the page', () => {
    const store = createAppStore();
    const workers: SilentWorker[] = [];
    const page = new SilentWorker();
    const pool = new SweepPool(
      () => {
        const w = new SilentWorker();
        workers.push(w);
        return w;
      },
      1,
      () => page,
    );
    const stop = syncSweeps(store, pool);
    expect(store.getState().sweepNote).toBeNull();
    // Two silent workers in a row: the first is replaced, the second makes the pool give up.
    vi.advanceTimersByTime(taskDeadlineMs(workers[0].posted[0].task));
    vi.advanceTimersByTime(taskDeadlineMs(workers[1].posted[0].task));
    expect(store.getState().sweepNote).toBe(FALLBACK_NOTES.silent);
    expect(page.posted).toHaveLength(1);
    stop();
  });

  it('shows it at once when no worker could start', () => {
    const store = createAppStore();
    const stop = syncSweeps(
      store,
      new SweepPool(
        () => null,
        2,
        () => new SilentWorker(),
      ),
    );
    expect(store.getState().sweepNote).toBe(FALLBACK_NOTES.none);
    stop();
  });
});
