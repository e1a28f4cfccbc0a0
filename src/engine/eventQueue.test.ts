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

  it('reports Infinity and -1 when empty', () => {
    const q = new EventQueue();
    expect(q.peekTime()).toBe(Infinity);
    expect(q.pop()).toBe(-1);
  });
});
