import type { Simulator } from './simulator.ts';
import { TimeWeighted } from './stats.ts';

/**
 * A bounded ring of `slots` entries with free-running producer and consumer indices, as in Xen's
 * shared rings: occupancy = producerIndex − consumerIndex, never above `slots`. A producer that finds
 * the ring full waits (back-pressure); when the consumer frees a slot, the first waiting producer's
 * item goes in and its `onAccepted` runs as a new event at that time.
 */
export class BoundedRing<T> {
  private readonly items: (T | undefined)[];
  private prod = 0;
  private cons = 0;
  private readonly blocked: { item: T; onAccepted?: () => void }[] = [];
  private blockedHead = 0;
  readonly occupancyOverTime: TimeWeighted;
  /** Puts that had to wait for a free slot. */
  blockedPuts = 0;
  /** Called after an item enters the ring (directly or after waiting). */
  onItem: (() => void) | null = null;

  constructor(
    private readonly sim: Simulator,
    readonly name: string,
    readonly slots: number,
  ) {
    if (!(slots >= 1) || !Number.isInteger(slots))
      throw new RangeError(`${name}: slots must be an integer ≥ 1`);
    this.items = new Array(slots);
    this.occupancyOverTime = new TimeWeighted(sim.now);
  }

  get producerIndex(): number {
    return this.prod;
  }

  get consumerIndex(): number {
    return this.cons;
  }

  get occupancy(): number {
    return this.prod - this.cons;
  }

  get full(): boolean {
    return this.prod - this.cons === this.slots;
  }

  /** Producers waiting for a free slot. */
  get waitingProducers(): number {
    return this.blocked.length - this.blockedHead;
  }

  /** Puts the item if a slot is free (and nobody waits before it); returns whether it went in. */
  tryPut(item: T): boolean {
    if (this.full || this.waitingProducers > 0) return false;
    this.insert(item);
    return true;
  }

  /** Puts the item now if possible (then calls `onAccepted` at once), or waits for a free slot. */
  put(item: T, onAccepted?: () => void): void {
    if (this.tryPut(item)) {
      onAccepted?.();
      return;
    }
    this.blockedPuts++;
    this.blocked.push({ item, onAccepted });
  }

  /** The oldest item without removing it. */
  peek(): T | undefined {
    return this.occupancy > 0 ? this.items[this.cons % this.slots] : undefined;
  }

  /** Removes and returns the oldest item; a waiting producer then takes the freed slot. */
  take(): T | undefined {
    if (this.occupancy === 0) return undefined;
    const i = this.cons % this.slots;
    const item = this.items[i];
    this.items[i] = undefined;
    this.cons++;
    this.occupancyOverTime.set(this.sim.now, this.occupancy);
    if (this.waitingProducers > 0) {
      const next = this.blocked[this.blockedHead];
      this.blocked[this.blockedHead++] = undefined as unknown as { item: T };
      if (this.blockedHead > 256 && this.blockedHead * 2 > this.blocked.length) {
        this.blocked.splice(0, this.blockedHead);
        this.blockedHead = 0;
      }
      this.insert(next.item);
      if (next.onAccepted) this.sim.schedule(0, next.onAccepted);
    }
    return item;
  }

  private insert(item: T): void {
    this.items[this.prod % this.slots] = item;
    this.prod++;
    this.occupancyOverTime.set(this.sim.now, this.occupancy);
    this.onItem?.();
  }
}
