import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BoundedRing, Link, Processor, Replay, Simulator } from './index.ts';

/**
 * A small split-driver-like model touching every resource: a guest vCPU prepares messages and puts
 * them on a bounded ring (blocking when full), a driver-domain vCPU takes them off and sends each
 * over a link to a remote CPU. Randomness comes only from named streams of the run's seed, so two
 * runs with one seed must agree bit for bit, and replay must land on the same state as a fresh run.
 */
interface Params {
  messages: number;
  slots: number;
  meanGapNs: number;
  bitsPerSec: number;
}

const params: fc.Arbitrary<Params> = fc.record({
  messages: fc.integer({ min: 1, max: 60 }),
  slots: fc.integer({ min: 1, max: 4 }),
  meanGapNs: fc.integer({ min: 100, max: 10_000 }),
  bitsPerSec: fc.constantFrom(1e9, 10e9),
});
const seed = fc.integer({ min: 1, max: 2 ** 31 - 1 });

function buildModel(seedValue: number, p: Params) {
  const sim = new Simulator({ seed: seedValue, traceCapacity: 4096 });
  const arrivals = sim.rng('arrivals');
  const sizes = sim.rng('sizes');
  const work = sim.rng('work');
  const ring = new BoundedRing<{ id: number; bytes: number }>(sim, 'tx-ring', p.slots);
  const guest = new Processor(sim, 'vm1/vcpu0');
  const driver = new Processor(sim, 'dom0/vcpu0');
  const wire = new Link(sim, 'wire', p.bitsPerSec, 2_000);
  const remote = new Processor(sim, 'remote/cpu0');

  let created = 0;
  const produce = (): void => {
    const id = created++;
    const bytes = 64 + Math.floor(sizes.next() * 9000);
    guest.submit({
      owner: 'vm1',
      category: 'netfront',
      durationNs: Math.round(work.exponential(2_000)),
      messageId: id,
      onDone: () => ring.put({ id, bytes }, () => sim.trace.instant('tx-ring', 'accepted', id, sim.now)),
    });
    if (created < p.messages) sim.schedule(Math.round(arrivals.exponential(p.meanGapNs)), produce);
  };

  let driverBusy = false;
  const consume = (): void => {
    if (driverBusy) return;
    const m = ring.take();
    if (!m) return;
    driverBusy = true;
    driver.submit({
      owner: 'dom0',
      category: 'netback',
      durationNs: Math.round(work.logNormal(3_000, 0.5)),
      messageId: m.id,
      onDone: () => {
        driverBusy = false;
        wire.transmit(
          m.bytes,
          () =>
            remote.submit({
              owner: 'remote',
              category: 'rx',
              durationNs: Math.round(work.uniform(500, 1500)),
              messageId: m.id,
            }),
          m.id,
        );
        consume();
      },
    });
  };
  // Items may enter during a take (a blocked producer's), so the consumer looks again as a new event.
  ring.onItem = () => {
    sim.schedule(0, consume);
  };
  sim.schedule(0, produce);
  return { sim, guest, driver, remote, ring, wire };
}

type Model = ReturnType<typeof buildModel>;

/** Everything observable about a run's state. */
function snapshot(m: Model) {
  return {
    now: m.sim.now,
    events: m.sim.eventsProcessed,
    pending: m.sim.pending,
    trace: m.sim.trace.records(),
    accounting: [m.guest, m.driver, m.remote].map((p) => p.accounting()),
    ring: [m.ring.producerIndex, m.ring.consumerIndex, m.ring.blockedPuts],
    wire: [m.wire.frames, m.wire.bytes, m.wire.busyNs],
  };
}

describe('determinism', () => {
  it('gives the same trace, bit for bit, for the same seed', () => {
    fc.assert(
      fc.property(seed, params, (s, p) => {
        const a = buildModel(s, p);
        const b = buildModel(s, p);
        a.sim.run();
        b.sim.run();
        expect(a.remote.completed).toBe(p.messages);
        expect(snapshot(a)).toEqual(snapshot(b));
        expect(JSON.stringify(a.sim.trace.records())).toBe(JSON.stringify(b.sim.trace.records()));
      }),
      { numRuns: 100 },
    );
  });

  it('gives a different trace for a different seed', () => {
    fc.assert(
      fc.property(seed, params, (s, p) => {
        const a = buildModel(s, p);
        const b = buildModel(s + 1, p);
        a.sim.run();
        b.sim.run();
        expect(a.sim.trace.records()).not.toEqual(b.sim.trace.records());
      }),
      { numRuns: 30 },
    );
  });
});

describe('Replay', () => {
  const counts = fc.tuple(fc.nat(400), fc.nat(400));

  it('toEvent(n) after running further lands where a fresh run to n does', () => {
    fc.assert(
      fc.property(seed, params, counts, (s, p, [n, further]) => {
        const replay = new Replay(() => buildModel(s, p));
        replay.toEvent(n + further);
        const back = replay.toEvent(n);
        const fresh = new Replay(() => buildModel(s, p)).toEvent(n);
        expect(back.sim.eventsProcessed).toBe(fresh.sim.eventsProcessed);
        expect(snapshot(back)).toEqual(snapshot(fresh));
      }),
      { numRuns: 100 },
    );
  });

  it('stepBack goes exactly one event back, and stops at the start', () => {
    fc.assert(
      fc.property(seed, params, fc.integer({ min: 1, max: 300 }), (s, p, n) => {
        const replay = new Replay(() => buildModel(s, p));
        const reached = replay.toEvent(n).sim.eventsProcessed;
        expect(replay.stepBack()).toBe(true);
        const fresh = new Replay(() => buildModel(s, p)).toEvent(reached - 1);
        expect(snapshot(replay.run)).toEqual(snapshot(fresh));
        replay.toEvent(0);
        expect(replay.stepBack()).toBe(false);
        expect(replay.run.sim.now).toBe(0);
      }),
      { numRuns: 100 },
    );
  });

  it('lands on a fresh run’s state after any mix of toEvent, toTime and stepBack', () => {
    const move = fc.oneof(
      fc.record({ kind: fc.constant('event' as const), n: fc.nat(300) }),
      fc.record({ kind: fc.constant('time' as const), t: fc.nat(100_000) }),
      fc.record({ kind: fc.constant('back' as const) }),
    );
    fc.assert(
      fc.property(seed, params, fc.array(move, { minLength: 1, maxLength: 8 }), (s, p, moves) => {
        const replay = new Replay(() => buildModel(s, p));
        for (const m of moves) {
          const fresh = new Replay(() => buildModel(s, p));
          if (m.kind === 'event') {
            replay.toEvent(m.n);
            fresh.toEvent(m.n);
          } else if (m.kind === 'time') {
            replay.toTime(m.t);
            fresh.toTime(m.t);
          } else {
            const n = replay.run.sim.eventsProcessed;
            replay.stepBack();
            fresh.toEvent(Math.max(0, n - 1));
          }
          expect(snapshot(replay.run)).toEqual(snapshot(fresh.run));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('toTime(t) after running later lands where a fresh run to t does', () => {
    fc.assert(
      fc.property(seed, params, fc.nat(200_000), fc.nat(200_000), (s, p, t, later) => {
        const replay = new Replay(() => buildModel(s, p));
        replay.toTime(t + later);
        const back = replay.toTime(t);
        const fresh = new Replay(() => buildModel(s, p)).toTime(t);
        expect(back.sim.now).toBe(t);
        expect(snapshot(back)).toEqual(snapshot(fresh));
      }),
      { numRuns: 100 },
    );
  });
});
