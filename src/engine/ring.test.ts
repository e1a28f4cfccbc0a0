import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BoundedRing, Simulator } from './index.ts';

/**
 * A shared ring under random schedules: several producers, each putting its items one after another
 * (the next put only once the previous was accepted, as a frontend blocks on a full ring), and a
 * consumer taking at random instants, then draining. The ring must never exceed its slots, never
 * lose or reorder an item, and must resume a blocked producer once the consumer frees a slot.
 */
const schedule = fc.record({
  slots: fc.integer({ min: 1, max: 6 }),
  producers: fc.array(fc.array(fc.nat(20), { minLength: 1, maxLength: 15 }), { minLength: 1, maxLength: 3 }),
  takes: fc.array(fc.nat(300), { maxLength: 60 }),
});

interface Put {
  item: string;
  atNs: number;
  blocked: boolean;
  acceptedAtNs: number;
  accepted: number;
}

describe('BoundedRing', () => {
  it('never overflows, loses or reorders, and back-pressure blocks then resumes producers', () => {
    fc.assert(
      fc.property(schedule, ({ slots, producers, takes }) => {
        const sim = new Simulator();
        const ring = new BoundedRing<string>(sim, 'ring', slots);
        const puts: Put[] = [];
        const taken: string[] = [];
        const takeTimes = new Set<number>();
        const total = producers.reduce((n, gaps) => n + gaps.length, 0);
        const checkBounds = (): void => {
          expect(ring.occupancy).toBeGreaterThanOrEqual(0);
          expect(ring.occupancy).toBeLessThanOrEqual(slots);
          expect(ring.producerIndex - ring.consumerIndex).toBe(ring.occupancy);
        };
        ring.onItem = checkBounds;

        producers.forEach((gaps, p) => {
          const putNext = (k: number): void => {
            const wouldBlock = ring.full || ring.waitingProducers > 0;
            const put: Put = {
              item: `p${p}-${k}`,
              atNs: sim.now,
              blocked: true,
              acceptedAtNs: -1,
              accepted: 0,
            };
            puts.push(put);
            ring.put(put.item, () => {
              put.accepted++;
              put.acceptedAtNs = sim.now;
              if (k + 1 < gaps.length) sim.schedule(gaps[k + 1], () => putNext(k + 1));
            });
            // Accepted at once exactly when a slot was free and nobody was waiting.
            put.blocked = put.accepted === 0;
            expect(put.blocked).toBe(wouldBlock);
          };
          sim.schedule(gaps[0], () => putNext(0));
        });

        const take = (): void => {
          const head = ring.peek();
          const item = ring.take();
          expect(item).toBe(head);
          if (item !== undefined) {
            taken.push(item);
            takeTimes.add(sim.now);
          }
          checkBounds();
        };
        for (const t of takes) sim.scheduleAt(t, take);
        // Afterwards the consumer drains, one item per nanosecond, until every item has gone through.
        const drain = (): void => {
          take();
          if (taken.length < total) sim.schedule(1, drain);
        };
        sim.scheduleAt(Math.max(0, ...takes) + 1, drain);
        sim.run();

        expect(taken.length).toBe(total);
        expect(taken).toEqual(puts.map((p) => p.item)); // the order of the put calls
        expect(ring.occupancy).toBe(0);
        expect(ring.waitingProducers).toBe(0);
        expect(ring.blockedPuts).toBe(puts.filter((p) => p.blocked).length);
        for (const p of puts) {
          expect(p.accepted).toBe(1);
          if (p.blocked) {
            // Resumed by a take at that very instant, never before it asked.
            expect(p.acceptedAtNs).toBeGreaterThanOrEqual(p.atNs);
            expect(takeTimes.has(p.acceptedAtNs)).toBe(true);
          } else {
            expect(p.acceptedAtNs).toBe(p.atNs);
          }
        }
        expect(ring.occupancyOverTime.max).toBeLessThanOrEqual(slots);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses tryPut when full or when producers are waiting', () => {
    const sim = new Simulator();
    const ring = new BoundedRing<number>(sim, 'ring', 2);
    expect(ring.tryPut(1)).toBe(true);
    expect(ring.tryPut(2)).toBe(true);
    expect(ring.full).toBe(true);
    expect(ring.tryPut(3)).toBe(false);
    let resumed = false;
    ring.put(3, () => (resumed = true));
    expect(ring.waitingProducers).toBe(1);
    expect(ring.take()).toBe(1); // the waiting producer's item takes the freed slot...
    expect(ring.full).toBe(true);
    expect(ring.waitingProducers).toBe(0);
    expect(resumed).toBe(false); // ...and it resumes as an event at this instant
    sim.run();
    expect(resumed).toBe(true);
    expect([ring.take(), ring.take(), ring.take()]).toEqual([2, 3, undefined]);
  });

  it('rejects a ring without slots', () => {
    expect(() => new BoundedRing(new Simulator(), 'ring', 0)).toThrow(RangeError);
    expect(() => new BoundedRing(new Simulator(), 'ring', 1.5)).toThrow(RangeError);
  });
});
