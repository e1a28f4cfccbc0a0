/**
 * A first-in first-out queue on a circular array whose size is a power of two. Queues of work
 * items fill and drain millions of times in a run: `push` and `shift` allocate nothing once the
 * array has grown, where an array with a moving head would be copied now and then (splice/slice).
 */
export class Fifo<T> {
  private items: (T | undefined)[];
  private mask: number;
  private head = 0;
  private count = 0;

  constructor(initialCapacity = 16) {
    let capacity = 16;
    while (capacity < initialCapacity) capacity *= 2;
    this.items = new Array<T | undefined>(capacity).fill(undefined);
    this.mask = capacity - 1;
  }

  get length(): number {
    return this.count;
  }

  push(x: T): void {
    if (this.count === this.items.length) this.grow();
    this.items[(this.head + this.count) & this.mask] = x;
    this.count++;
  }

  /** The oldest item, or undefined when empty. */
  peek(): T | undefined {
    return this.count > 0 ? this.items[this.head] : undefined;
  }

  /** Removes and returns the oldest item, or undefined when empty. */
  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const x = this.items[this.head];
    this.items[this.head] = undefined; // nothing stays reachable from a slot once it is taken
    this.head = (this.head + 1) & this.mask;
    this.count--;
    return x;
  }

  private grow(): void {
    const n = this.items.length;
    const items = new Array<T | undefined>(n * 2).fill(undefined);
    for (let i = 0; i < n; i++) items[i] = this.items[(this.head + i) & this.mask];
    this.items = items;
    this.mask = n * 2 - 1;
    this.head = 0;
  }
}
