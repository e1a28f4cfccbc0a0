import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventQueue } from './eventQueue.ts';

describe('EventQueue', () => {
  it('pops in (time, insertion) order for any sequence of pushes', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 500 }), (times) => {
        const q = new EventQueue(4);
        times.forEach((t, slot) => q.push(t, slot));
        const expected = times.map((t, slot) => ({ t, slot })).sort((a, b) => a.t - b.t || a.slot - b.slot);
        const got: number[] = [];
        while (q.length > 0) got.push(q.pop());
        expect(got).toEqual(expected.map((e) => e.slot));
      }),
    );
  });

  // Pushes and pops interleaved, the queue growing and shrinking through both of its layouts (sorted
  // while small, a heap while large), with many equal times: pops must follow (time, insertion) order.
  it('pops in (time, insertion) order while pushes and pops interleave, at any size', () => {
    const op = fc.oneof(
      fc.record({ push: fc.integer({ min: 0, max: 40 }), count: fc.integer({ min: 1, max: 60 }) }),
      fc.record({ pop: fc.integer({ min: 1, max: 60 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const q = new EventQueue(4);
        const model: { t: number; slot: number }[] = [];
        let now = 0;
        let slot = 0;
        for (const o of ops) {
          if ('push' in o) {
            for (let k = 0; k < o.count; k++) {
              const t = now + ((o.push * (k + 7)) % 41);
              q.push(t, slot);
              model.push({ t, slot: slot++ });
            }
          } else {
            for (let k = 0; k < o.pop && model.length > 0; k++) {
              model.sort((a, b) => a.t - b.t || a.slot - b.slot);
              const e = model.shift() as { t: number; slot: number };
              expect(q.peekTime()).toBe(e.t);
              expect(q.peekSlot()).toBe(e.slot);
              expect(q.pop()).toBe(e.slot);
              expect(q.poppedTimeNs).toBe(e.t);
              now = e.t;
            }
          }
          expect(q.length).toBe(model.length);
        }
      }),
    );
  });

  it('reports Infinity and -1 when empty', () => {
    const q = new EventQueue();
    expect(q.peekTime()).toBe(Infinity);
    expect(q.pop()).toBe(-1);
  });
});
