import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Simulator, type EventId } from './index.ts';

/**
 * The simulator against a reference kept as a plain list: the next event is the live one with the
 * least (time, insertion number), cancelling marks it dead. Random programs schedule events at few
 * distinct times (so ties are common), and every event, as it runs, performs the next operation of
 * the program: schedule another event (possibly at the same time) or cancel some event by its index,
 * whether pending, already run or already cancelled. That exercises slot reuse with stale ids too.
 */
type Op = { kind: 'schedule'; delayNs: number } | { kind: 'cancel'; target: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('schedule' as const), delayNs: fc.nat(3) }),
  fc.record({ kind: fc.constant('cancel' as const), target: fc.nat() }),
);
const program = fc.record({
  initial: fc.array(fc.nat(4), { minLength: 1, maxLength: 40 }),
  ops: fc.array(op, { maxLength: 120 }),
});

class Reference {
  private readonly events: { time: number; live: boolean }[] = [];
  now = 0;

  schedule(time: number): number {
    this.events.push({ time, live: true });
    return this.events.length - 1;
  }

  cancel(index: number): boolean {
    const e = this.events[index];
    if (!e.live) return false;
    e.live = false;
    return true;
  }

  get pending(): number {
    return this.events.filter((e) => e.live).length;
  }

  /** Index of the next event to run (least time, then least index), marked as run; -1 if none. */
  pop(): number {
    let best = -1;
    this.events.forEach((e, i) => {
      if (e.live && (best < 0 || e.time < this.events[best].time)) best = i;
    });
    if (best >= 0) {
      this.events[best].live = false;
      this.now = this.events[best].time;
    }
    return best;
  }
}

describe('Simulator', () => {
  it('runs events in (time, insertion) order and honours cancel, like the reference', () => {
    fc.assert(
      fc.property(program, ({ initial, ops }) => {
        const sim = new Simulator();
        const ref = new Reference();
        const ids: EventId[] = [];
        const ran: number[] = [];
        let next = 0;
        const handler = (index: number): void => {
          ran.push(index);
          const o = ops[next++];
          if (!o) return;
          if (o.kind === 'schedule') {
            const index2 = ref.schedule(ref.now + o.delayNs);
            ids.push(sim.schedule(o.delayNs, handler, index2));
          } else {
            const target = o.target % ids.length;
            expect(sim.cancel(ids[target])).toBe(ref.cancel(target));
          }
        };
        for (const t of initial) ids.push(sim.scheduleAt(t, handler, ref.schedule(t)));
        const expected: number[] = [];
        for (;;) {
          expect(sim.pending).toBe(ref.pending);
          const index = ref.pop();
          if (index < 0) break;
          expected.push(index);
          expect(sim.nextEventTime()).toBe(ref.now);
          expect(sim.step()).toBe(true);
          expect(sim.now).toBe(ref.now);
          expect(ran).toEqual(expected);
        }
        expect(sim.step()).toBe(false);
        expect(sim.nextEventTime()).toBe(Infinity);
        expect(sim.eventsProcessed).toBe(expected.length);
      }),
      { numRuns: 300 },
    );
  });

  it('never runs a cancelled event, and a second cancel returns false', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ timeNs: fc.nat(100), cancel: fc.boolean() }), { maxLength: 200 }),
        (events) => {
          const sim = new Simulator();
          const ran = new Set<number>();
          const ids = events.map((e, i) => sim.scheduleAt(e.timeNs, (j: number) => ran.add(j), i));
          events.forEach((e, i) => {
            if (e.cancel) expect(sim.cancel(ids[i])).toBe(true);
          });
          const live = events.filter((e) => !e.cancel).length;
          expect(sim.pending).toBe(live);
          events.forEach((e, i) => {
            if (e.cancel) expect(sim.cancel(ids[i])).toBe(false);
          });
          expect(sim.run()).toBe(live);
          events.forEach((e, i) => expect(ran.has(i)).toBe(!e.cancel));
          expect(sim.pending).toBe(0);
          // Ids of events that ran are stale: cancelling them does nothing.
          ids.forEach((id) => expect(sim.cancel(id)).toBe(false));
        },
      ),
    );
  });

  it('does not let a stale id cancel the event that reuses its slot', () => {
    const sim = new Simulator();
    let ran = 0;
    const first = sim.schedule(1, () => ran++);
    sim.run();
    const second = sim.schedule(1, () => ran++);
    expect(second).not.toBe(first);
    expect(sim.cancel(first)).toBe(false);
    expect(sim.pending).toBe(1);
    sim.run();
    expect(ran).toBe(2);
  });

  it('runUntil runs events at or before the time and leaves the clock there', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { maxLength: 100 }), fc.nat(1200), (times, until) => {
        const sim = new Simulator();
        const ran: number[] = [];
        times.forEach((t) => sim.scheduleAt(t, () => ran.push(t)));
        expect(sim.runUntil(until)).toBe(times.filter((t) => t <= until).length);
        expect(ran.every((t) => t <= until)).toBe(true);
        expect(sim.now).toBe(until);
        expect(sim.pending).toBe(times.filter((t) => t > until).length);
      }),
    );
  });

  it('rejects times in the past and fractional times', () => {
    const sim = new Simulator();
    sim.schedule(10, () => {});
    sim.run();
    expect(() => sim.scheduleAt(9, () => {})).toThrow(RangeError);
    expect(() => sim.schedule(-1, () => {})).toThrow(RangeError);
    expect(() => sim.schedule(0.5, () => {})).toThrow(RangeError);
    expect(() => sim.schedule(NaN, () => {})).toThrow(RangeError);
    expect(sim.pending).toBe(0);
  });
});
