import { EventQueue } from './eventQueue.ts';
import { RandomSource, type RandomStream } from './rng.ts';
import { Trace } from './trace.ts';
import type { Ns } from '../lib/units.ts';

export type Handler<P> = (payload: P) => void;
/** Identifies a scheduled event for `cancel`: a slot number and that slot's generation. */
export type EventId = number;

const SLOT_BITS = 2 ** 24; // up to 16 M events pending at once

export interface SimulatorOptions {
  seed?: number;
  /** Trace records to keep (oldest are overwritten); 0 keeps none. */
  traceCapacity?: number;
}

/**
 * The discrete-event kernel. Time is integer nanoseconds; events run in (time, insertion) order.
 * There are no timers inside: the caller drives it with `step`, `runUntil` or `runEvents`.
 */
export class Simulator {
  readonly random: RandomSource;
  readonly trace: Trace;
  private readonly queue = new EventQueue();
  private handlers: (Handler<never> | null)[] = [];
  private payloads: unknown[] = [];
  private generation: number[] = [];
  /**
   * Slots free for reuse: a stack of `freeCount` entries that never shrinks, so the millions of
   * frees and reuses of a run never resize it (an array's pop may shrink its store, its push grow it).
   */
  private freeSlots = new Int32Array(64);
  private freeCount = 0;
  private pendingCount = 0;
  private nowNs = 0;
  private processed = 0;

  constructor(options: SimulatorOptions = {}) {
    this.random = new RandomSource(options.seed ?? 1);
    this.trace = new Trace(options.traceCapacity ?? 0);
  }

  /** The current simulated time in nanoseconds. */
  get now(): Ns {
    return this.nowNs as Ns;
  }

  /** Events scheduled and neither run nor cancelled. */
  get pending(): number {
    return this.pendingCount;
  }

  /** Events run so far. */
  get eventsProcessed(): number {
    return this.processed;
  }

  get seed(): number {
    return this.random.seed;
  }

  /** A named random stream, independent of every other name's. */
  rng(name: string): RandomStream {
    return this.random.stream(name);
  }

  /** Runs `handler(payload)` after `delayNs` (a non-negative integer). */
  schedule<P>(delayNs: number, handler: Handler<P>, payload?: P): EventId {
    return this.scheduleAt(this.nowNs + delayNs, handler, payload);
  }

  /** Runs `handler(payload)` at the absolute time `timeNs`, which may not be in the past. */
  scheduleAt<P>(timeNs: number, handler: Handler<P>, payload?: P): EventId {
    const slot = this.enqueue(timeNs, handler, payload);
    return this.generation[slot] * SLOT_BITS + slot;
  }

  /**
   * As `schedule`, for the events nobody cancels (most of a run's): no id is made, since an id
   * above 2^31 is a heap number, allocated on every call that returns one.
   */
  post<P>(delayNs: number, handler: Handler<P>, payload?: P): void {
    this.enqueue(this.nowNs + delayNs, handler, payload);
  }

  /** As `scheduleAt`, with no id (see `post`). */
  postAt<P>(timeNs: number, handler: Handler<P>, payload?: P): void {
    this.enqueue(timeNs, handler, payload);
  }

  private enqueue<P>(timeNs: number, handler: Handler<P>, payload: P | undefined): number {
    if (!(timeNs >= this.nowNs) || !Number.isSafeInteger(timeNs)) {
      throw new RangeError(`cannot schedule at ${timeNs} ns (now ${this.nowNs} ns, integers only)`);
    }
    const slot = this.freeCount > 0 ? this.freeSlots[--this.freeCount] : this.newSlot();
    this.handlers[slot] = handler as Handler<never>;
    this.payloads[slot] = payload;
    this.queue.push(timeNs, slot);
    this.pendingCount++;
    return slot;
  }

  /** Cancels a pending event; returns false if it already ran or was cancelled. */
  cancel(id: EventId): boolean {
    const slot = id % SLOT_BITS;
    const gen = Math.floor(id / SLOT_BITS);
    if (this.generation[slot] !== gen || this.handlers[slot] === null) return false;
    // The heap entry stays and is skipped when it surfaces; the slot is freed then.
    this.handlers[slot] = null;
    this.payloads[slot] = undefined;
    this.generation[slot] = (this.generation[slot] + 1) & 0x0fffffff; // ids stay below 2^53
    this.pendingCount--;
    return true;
  }

  /** Time of the next event to run, or Infinity when none is pending. */
  nextEventTime(): number {
    this.dropCancelledTop();
    return this.queue.peekTime();
  }

  /** Runs the next event; returns false when none is pending. */
  step(): boolean {
    const queue = this.queue;
    const handlers = this.handlers;
    for (;;) {
      const slot = queue.pop();
      if (slot < 0) return false;
      const handler = handlers[slot] as Handler<unknown> | null;
      // A cancelled event stays in the heap until it surfaces: its slot is freed now.
      if (handler === null) {
        this.freeSlot(slot);
        continue;
      }
      const payloads = this.payloads;
      const payload = payloads[slot];
      // Released before the handler runs, so the handler may reuse the slot.
      handlers[slot] = null;
      payloads[slot] = undefined;
      this.generation[slot] = (this.generation[slot] + 1) & 0x0fffffff; // ids stay below 2^53
      this.freeSlot(slot);
      this.pendingCount--;
      this.nowNs = queue.poppedTimeNs;
      this.processed++;
      handler(payload);
      return true;
    }
  }

  /** Runs every event at or before `timeNs`, then sets the clock to `timeNs`. Returns the count run. */
  runUntil(timeNs: number): number {
    let n = 0;
    while (this.nextEventTime() <= timeNs) {
      this.step();
      n++;
    }
    if (timeNs > this.nowNs && Number.isFinite(timeNs)) this.nowNs = timeNs;
    return n;
  }

  /** Runs up to `count` events; returns how many ran. */
  runEvents(count: number): number {
    let n = 0;
    while (n < count && this.step()) n++;
    return n;
  }

  /** Runs until nothing is pending, or `maxEvents` have run. Returns the count run. */
  run(maxEvents = Number.MAX_SAFE_INTEGER): number {
    return this.runEvents(maxEvents);
  }

  private dropCancelledTop(): void {
    while (this.queue.length > 0) {
      const slot = this.queue.peekSlot();
      if (this.handlers[slot] !== null) return;
      this.queue.pop();
      this.freeSlot(slot);
    }
  }

  private freeSlot(slot: number): void {
    // Every slot is free at most once, so the stack never holds more than the slots made.
    if (this.freeCount === this.freeSlots.length) {
      const grown = new Int32Array(this.freeSlots.length * 2);
      grown.set(this.freeSlots);
      this.freeSlots = grown;
    }
    this.freeSlots[this.freeCount++] = slot;
  }

  private newSlot(): number {
    const slot = this.handlers.length;
    if (slot >= SLOT_BITS) throw new RangeError('too many pending events');
    this.handlers.push(null);
    this.payloads.push(undefined);
    this.generation.push(0);
    return slot;
  }
}
