import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Fifo } from './fifo.ts';

describe('Fifo', () => {
  it('gives items back in the order pushed, across growth and wrap-around', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.nat(1000), fc.constant(-1)), { maxLength: 300 }), (ops) => {
        // -1 takes an item; any other number is pushed. An array is the reference.
        const q = new Fifo<number>(1);
        const ref: number[] = [];
        for (const op of ops) {
          if (op < 0) expect(q.shift()).toBe(ref.shift());
          else {
            q.push(op);
            ref.push(op);
          }
          expect(q.length).toBe(ref.length);
          expect(q.peek()).toBe(ref[0]);
        }
      }),
    );
  });
});
