import { describe, expect, it } from 'vitest';
import { PKTGEN_MODES } from '../model/modes.ts';
import { InPageWorker, type PoolWorker } from './poolWorker.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { SweepPool, type SweepCallbacks } from './sweepPool.ts';
import { coarseSizes, planTasks, type TaskValue } from './sweepTasks.ts';
import { FALLBACK_NOTES } from './watchdog.ts';
import { sweepLength, sweepPoint, type ChartPoint, type SweepRequest } from './sweeps.ts';

const SIZES = [64, 256, 1024, 4096, 16384, 65536];
const request: SweepRequest = {
  modes: ['pv-tcp', 'zero-copy'],
  op: 'write',
  pairs: 2,
  window: 8,
  seed: 1,
  params: {},
  sizes: SIZES,
};

/** A worker the test answers by hand; its numbers are made up from the task (no model runs). */
class FakeWorker implements PoolWorker {
  readonly posted: ToWorker[] = [];
  answered = 0;
  terminated = false;
  private onMessage: (m: FromWorker) => void = () => {};
  private onDeath: () => void = () => {};
  post(m: ToWorker) {
    this.posted.push(m);
  }
  listen(onMessage: (m: FromWorker) => void, onDeath: () => void) {
    this.onMessage = onMessage;
    this.onDeath = onDeath;
  }
  terminate() {
    this.terminated = true;
  }
  get pending(): ToWorker | undefined {
    return this.posted.length > this.answered ? this.posted[this.answered] : undefined;
  }
  answer() {
    const m = this.posted[this.answered++];
    this.onMessage({ kind: 'done', id: m.id, index: m.task.index, value: fakeValue(m) });
  }
  die() {
    this.onDeath();
  }
}

function fakeValue(m: ToWorker): TaskValue {
  const n = m.request.pairs * 1000 + m.task.index;
  return m.task.figure === 'cpu' ? { dom0: { tcpip: n }, vm: {} } : n;
}

function fakePool(size: number) {
  const spawned: FakeWorker[] = [];
  const pool = new SweepPool(() => {
    const w = new FakeWorker();
    spawned.push(w);
    return w;
  }, size);
  /** Answers whatever the live workers hold until nothing is left. */
  const drain = () => {
    for (let busy = true; busy;) {
      busy = false;
      for (const w of spawned)
        if (!w.terminated && w.pending) {
          w.answer();
          busy = true;
        }
    }
  };
  return { pool, spawned, drain };
}

function recorder() {
  const log = { partial: [] as ChartPoint[][], result: null as ChartPoint[] | null, errors: [] as string[] };
  const callbacks: SweepCallbacks = {
    onProgress: () => {},
    onPartial: (p) => log.partial.push(p),
    onResult: (p) => (log.result = p),
    onError: (e) => log.errors.push(e),
  };
  return { log, callbacks };
}

describe('SweepPool scheduling', () => {
  it('hands out the coarse runs first and publishes every mode’s coarse curve at once', () => {
    const plan = planTasks(request, 2);
    const coarseCount = plan.filter((t) => t.stage === 0).length;
    expect(coarseCount).toBe(request.modes.length * coarseSizes(SIZES).length * 3);
    expect(plan.slice(0, coarseCount).every((t) => t.stage === 0)).toBe(true);

    const { pool, spawned, drain } = fakePool(2);
    const { log, callbacks } = recorder();
    pool.request(request, callbacks);
    // One run per worker at a time, so a cancelled request costs at most one run per worker.
    expect(spawned.map((w) => w.posted.length)).toEqual([1, 1]);
    expect(spawned.every((w) => w.posted[0].task.stage === 0)).toBe(true);
    drain();
    const first = log.partial[0];
    expect(new Set(first.map((p) => p.sizeBytes))).toEqual(new Set(coarseSizes(SIZES)));
    expect(new Set(first.map((p) => p.mode))).toEqual(new Set(request.modes));
    // Then the curves fill in, each publication a superset of the one before, up to the whole sweep.
    for (let i = 1; i < log.partial.length; i++)
      expect(log.partial[i].length).toBeGreaterThan(log.partial[i - 1].length);
    expect(log.result).toHaveLength(sweepLength(request));
    expect(pool.workersUsed).toBe(2);
  });

  it('drops a superseded request: its late runs are ignored and busy workers are replaced', () => {
    const { pool, spawned, drain } = fakePool(2);
    const a = recorder();
    pool.request(request, a.callbacks);
    const [w1, w2] = spawned;
    w1.answer(); // one run of the old request completes before the change
    const b = recorder();
    const newer = { ...request, pairs: 8 };
    pool.request(newer, b.callbacks);
    // Both workers were busy with the old request: fresh ones take over at once.
    expect(w1.terminated && w2.terminated).toBe(true);
    expect(spawned).toHaveLength(4);
    expect(spawned[2].pending?.request.pairs).toBe(8);
    // A late answer from a replaced worker changes nothing.
    w2.answer();
    drain();
    expect(a.log.result).toBeNull();
    expect(a.log.partial).toEqual([]);
    const points = b.log.result!;
    expect(points).toHaveLength(sweepLength(newer));
    // Every number is the newer request's (fake values carry the pairs they were computed for).
    expect(points.filter((p) => p.kind === 'rdma').every((p) => p.latencyUs >= 8000)).toBe(true);
  });

  it('replaces a dead worker once and runs its task on the fresh one', () => {
    const { pool, spawned, drain } = fakePool(2);
    const { log, callbacks } = recorder();
    pool.request(request, callbacks);
    const [w1] = spawned;
    const lost = w1.pending!.task.index;
    w1.die();
    expect(w1.terminated).toBe(true);
    expect(pool.size).toBe(2);
    expect(spawned).toHaveLength(3);
    expect(spawned[2].pending!.task.index).toBe(lost);
    expect(pool.note).toBeNull();
    drain();
    expect(log.result).toHaveLength(sweepLength(request));
    expect(log.errors).toEqual([]);
  });

  it('runs on the page when no worker starts, and after a second worker dies', () => {
    const none = new SweepPool(
      () => null,
      4,
      () => new FakeWorker(),
    );
    expect(none.size).toBe(1);
    expect(none.inThread).toBe(true);
    expect(none.note).toBe(FALLBACK_NOTES.none);
    const { pool, spawned } = fakePool(1);
    pool.request(request, recorder().callbacks);
    expect(pool.inThread).toBe(false);
    spawned[0].die();
    expect(pool.inThread).toBe(false); // the first failure: a fresh worker
    spawned[1].die();
    expect(pool.inThread).toBe(true);
    expect(pool.note).toBe(FALLBACK_NOTES.crashed);
  });

  it('does not repeat a run a changed setting does not touch', () => {
    const { pool, spawned, drain } = fakePool(2);
    pool.request(request, recorder().callbacks);
    drain();
    const before = spawned.map((w) => w.posted.length);
    pool.request({ ...request, pairs: 4 }, recorder().callbacks);
    drain();
    const posted = spawned.flatMap((w, i) => w.posted.slice(before[i] ?? 0));
    // The CPU figure runs one pair and pktgen one sender: neither depends on VMs per host.
    expect(posted.some((m) => m.task.figure === 'cpu' || m.task.figure === 'pktgen')).toBe(false);
    expect(posted).toHaveLength(request.modes.length * SIZES.length * 2);
  });
});

describe('SweepPool results', () => {
  it('equal the single-worker sweep, point for point, in its order', async () => {
    const small: SweepRequest = { ...request, sizes: [64, 4096] };
    const pool = new SweepPool(() => new InPageWorker(), 2);
    const points = await new Promise<ChartPoint[]>((resolve, reject) =>
      pool.request(small, { ...recorder().callbacks, onResult: resolve, onError: reject }),
    );
    const single = Array.from({ length: sweepLength(small) }, (_, i) => sweepPoint(small, i));
    expect(points).toEqual(single);
    expect(points.filter((p) => p.kind === 'pktgen').map((p) => p.mode)).toEqual(
      PKTGEN_MODES.flatMap((m) => Array(6).fill(m)),
    );
    pool.dispose();
  }, 60_000);
});
