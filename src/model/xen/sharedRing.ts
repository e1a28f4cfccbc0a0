import { BoundedRing } from '../../engine/ring.ts';
import type { ModelContext, Counter } from '../context.ts';
import type { EventChannel } from './eventChannel.ts';
import type { Vcpu } from './vcpu.ts';

/**
 * A Xen shared ring between a producer and a consumer domain, with notification suppression
 * (RING_PUSH_REQUESTS_AND_CHECK_NOTIFY): the producer sends an event only if the consumer asked to
 * be told, which it does when it has drained the ring and is about to sleep. A full ring makes the
 * producer wait for a free slot.
 */
export class SharedRing<T> {
  readonly ring: BoundedRing<T>;
  /** The consumer's req_event: set when it sleeps, cleared by the notification it gets. */
  consumerWantsEvent = true;

  // Counted per packet or event: each counter is kept, not looked up by name at every count.
  private readonly suppressedCounter: Counter;

  constructor(
    ctx: ModelContext,
    readonly name: string,
    slots: number,
    private readonly consumerPort: () => EventChannel,
  ) {
    this.suppressedCounter = ctx.counters.counter('notificationsSuppressed');

    this.ring = new BoundedRing<T>(ctx.sim, name, slots);
  }

  /** Pushes from `from`, notifying the consumer if it asked; `then` runs once the item is in. */
  push(item: T, from: Vcpu | null, messageId: number, then?: () => void): void {
    // A ring with room takes the item at once (as `put` would): no continuation to allocate.
    if (this.ring.tryPut(item)) this.pushed(from, messageId, then);
    else this.ring.put(item, () => this.pushed(from, messageId, then));
  }

  private pushed(from: Vcpu | null, messageId: number, then: (() => void) | undefined): void {
    if (this.consumerWantsEvent) {
      this.consumerWantsEvent = false;
      this.consumerPort().send(from, messageId, then);
    } else {
      this.suppressedCounter.inc();
      if (then) then();
    }
  }

  take(): T | undefined {
    return this.ring.take();
  }

  get occupancy(): number {
    return this.ring.occupancy;
  }

  /** The consumer drained the ring and will sleep: it wants an event for the next item. */
  requestEvent(): void {
    this.consumerWantsEvent = true;
  }
}
