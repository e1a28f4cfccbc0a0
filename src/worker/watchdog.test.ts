import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PoolWorker } from './poolWorker.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { SweepPool } from './sweepPool.ts';
import type { ChartPoint, SweepRequest } from './sweeps.ts';
import { FALLBACK_NOTES, HEARTBEAT_DEADLINE_MS, WATCHDOG_BASE_MS, taskDeadlineMs } from './watchdog.ts';

const request: SweepRequest = {
  modes: ['zero-copy'],
  op: 'write',
  pairs: 1,
  window: 2,
  seed: 1,
  params: {},
  sizes: [64, 1024],
};

/** A worker that takes its tasks and never answers, and never reports an error (a silent hang). */
class SilentWorker implements PoolWorker {
  readonly posted: ToWorker[] = [];
  terminated = false;
  post(m: ToWorker) {
    this.posted.push(m);
  }
  listen() {}
  terminate() {
    this.terminated = true;
  }
}

/** A worker on a long run: it says it is alive when told to, and answers nothing else. */
class AliveWorker implements PoolWorker {
  readonly posted: ToWorker[] = [];
  terminated = false;
  private onMessage: (m: FromWorker) => void = () => {};
  post(m: ToWorker) {
    this.posted.push(m);
  }
  listen(onMessage: (m: FromWorker) => void) {
    this.onMessage = onMessage;
  }
  terminate() {
    this.terminated = true;
  }
  alive() {
    const m = this.posted.at(-1)!;
    this.onMessage({ kind: 'alive', id: m.id, index: m.task.index, events: 1 << 20 });
  }
}

/** The page stand-in: answers every task at once with a made-up number. */
class AnsweringWorker implements PoolWorker {
  readonly posted: ToWorker[] = [];
  private onMessage: (m: FromWorker) => void = () => {};
  post(m: ToWorker) {
    this.posted.push(m);
    const value = m.task.figure === 'cpu' ? { dom0: {}, vm: {} } : 1;
    queueMicrotask(() => this.onMessage({ kind: 'done', id: m.id, index: m.task.index, value }));
  }
  listen(onMessage: (m: FromWorker) => void) {
    this.onMessage = onMessage;
  }
  terminate() {}
}

describe('the sweep pool’s watchdog', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('gives a task 20 s plus 0.5 µs per unit of its cost', () => {
    expect(taskDeadlineMs({ cost: 0 })).toBe(WATCHDOG_BASE_MS);
    expect(taskDeadlineMs({ cost: 67_174_400 })).toBe(20_000 + 33_588);
  });

  it('replaces a worker that stops answering, then falls back to the page with a note', async () => {
    const spawned: SilentWorker[] = [];
    const page: AnsweringWorker[] = [];
    const pool = new SweepPool(
      () => {
        const w = new SilentWorker();
        spawned.push(w);
        return w;
      },
      1,
      () => {
        const w = new AnsweringWorker();
        page.push(w);
        return w;
      },
    );
    const notes: string[] = [];
    pool.onNote((n) => notes.push(n));
    let result: ChartPoint[] | null = null;
    const progress: number[] = [];
    pool.request(request, {
      onProgress: (done) => progress.push(done),
      onPartial: () => {},
      onResult: (p) => (result = p),
      onError: (e) => {
        throw new Error(e);
      },
    });
    const first = spawned[0].posted[0];
    const deadline = taskDeadlineMs(first.task);
    // Just before the deadline nothing happens: a slow run is not a dead worker.
    vi.advanceTimersByTime(deadline - 1);
    expect(spawned).toHaveLength(1);
    expect(spawned[0].terminated).toBe(false);
    // At the deadline: terminated, replaced once, and the same run handed to the fresh worker.
    vi.advanceTimersByTime(1);
    expect(spawned[0].terminated).toBe(true);
    expect(spawned).toHaveLength(2);
    expect(spawned[1].posted[0].task.index).toBe(first.task.index);
    expect(pool.inThread).toBe(false);
    expect(notes).toEqual([]);
    // The fresh worker is silent too: the second failure moves every run to the page.
    vi.advanceTimersByTime(taskDeadlineMs(spawned[1].posted[0].task));
    expect(spawned[1].terminated).toBe(true);
    expect(spawned).toHaveLength(2);
    expect(pool.inThread).toBe(true);
    expect(pool.note).toBe(FALLBACK_NOTES.silent);
    expect(notes).toEqual([FALLBACK_NOTES.silent]);
    expect(page[0].posted[0].task.index).toBe(first.task.index);
    // The page answers: the sweep completes.
    await vi.runAllTimersAsync();
    expect(result).not.toBeNull();
    expect(progress.at(-1)).toBe(page[0].posted.length);
    pool.dispose();
  });

  it('waits for a slow run as long as it gives signs of life, and not a minute past the last one', () => {
    const spawned: AliveWorker[] = [];
    const pool = new SweepPool(() => {
      const w = new AliveWorker();
      spawned.push(w);
      return w;
    }, 1);
    pool.request(request, { onProgress() {}, onPartial() {}, onResult() {}, onError() {} });
    const deadline = taskDeadlineMs(spawned[0].posted[0].task);
    // Ten deadlines' worth of a slow run, alive all along: the worker is kept.
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(deadline - 1);
      spawned[0].alive();
    }
    expect(spawned).toHaveLength(1);
    expect(spawned[0].terminated).toBe(false);
    // Then it goes quiet: replaced once the heartbeat's deadline has passed.
    vi.advanceTimersByTime(HEARTBEAT_DEADLINE_MS - 1);
    expect(spawned[0].terminated).toBe(false);
    vi.advanceTimersByTime(1);
    expect(spawned[0].terminated).toBe(true);
    expect(spawned).toHaveLength(2);
    pool.dispose();
  });

  it('does not count a busy worker replaced by a newer request as a failure', () => {
    let w: SilentWorker | null = null;
    let count = 0;
    const pool = new SweepPool(() => {
      count++;
      return (w = new SilentWorker());
    }, 1);
    pool.request(request, { onProgress() {}, onPartial() {}, onResult() {}, onError() {} });
    // A new request before the deadline replaces the busy worker and re-arms the watchdog for the new run.
    vi.advanceTimersByTime(WATCHDOG_BASE_MS - 1);
    pool.request({ ...request, seed: 2 }, { onProgress() {}, onPartial() {}, onResult() {}, onError() {} });
    expect(count).toBe(2);
    vi.advanceTimersByTime(WATCHDOG_BASE_MS - 1);
    expect(w!.terminated).toBe(false);
    expect(pool.inThread).toBe(false);
    expect(pool.note).toBeNull();
    pool.dispose();
  });
});
