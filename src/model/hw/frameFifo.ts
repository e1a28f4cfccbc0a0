import { Fifo } from '../../engine/fifo.ts';

/**
 * A first-in first-out queue with O(1) push and shift. Queues inside the NIC hold thousands of
 * frames under load, where `Array.shift` (O(n)) would make a long run cost quadratic time; and they
 * empty and fill again millions of times, so they keep their (circular) array rather than start a
 * new one each time they empty.
 */
export class FrameFifo<T> extends Fifo<T> {}
