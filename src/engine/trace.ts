/**
 * The trace: typed spans (work on a CPU or a hardware resource, with an owner domain and a category)
 * and instant events, in a bounded ring buffer that overwrites its oldest records and counts them.
 * Subscribers see every record as it is written, whether or not the buffer keeps it.
 */

export interface SpanRecord {
  readonly kind: 'span';
  /** The resource that did the work, e.g. `host0/dom0/vcpu0`, `host0/nic/dma`, `wire`. */
  readonly component: string;
  /** The domain charged, e.g. `dom0`, `vm1`, or `hw` for hardware. */
  readonly owner: string;
  /** What the time was spent on, e.g. `grant-copy`, `netback`. */
  readonly category: string;
  /** The message the work belongs to, or -1. */
  readonly messageId: number;
  readonly startNs: number;
  readonly endNs: number;
  /** A short stage name for people, e.g. `EVTCHNOP_send`. */
  readonly label: string;
}

export interface InstantRecord {
  readonly kind: 'instant';
  readonly component: string;
  readonly name: string;
  readonly messageId: number;
  readonly atNs: number;
}

export type TraceRecord = SpanRecord | InstantRecord;
export type TraceSubscriber = (record: TraceRecord) => void;

export class Trace {
  private readonly buffer: (TraceRecord | undefined)[];
  private next = 0;
  private count = 0;
  private droppedCount = 0;
  private readonly subscribers = new Set<TraceSubscriber>();

  /** `capacity` 0 keeps nothing (subscribers still see everything). */
  constructor(readonly capacity = 65_536) {
    this.buffer = new Array(capacity);
  }

  /** True when records are kept or watched; callers may skip building records otherwise. */
  get active(): boolean {
    return this.capacity > 0 || this.subscribers.size > 0;
  }

  /** Records overwritten because the buffer was full. */
  get dropped(): number {
    return this.droppedCount;
  }

  get size(): number {
    return this.count;
  }

  span(
    component: string,
    owner: string,
    category: string,
    messageId: number,
    startNs: number,
    endNs: number,
    label = category,
  ): void {
    this.write({ kind: 'span', component, owner, category, messageId, startNs, endNs, label });
  }

  instant(component: string, name: string, messageId: number, atNs: number): void {
    this.write({ kind: 'instant', component, name, messageId, atNs });
  }

  subscribe(fn: TraceSubscriber): () => void {
    this.subscribers.add(fn);
    return () => this.subscribers.delete(fn);
  }

  /** The kept records, oldest first. */
  records(): TraceRecord[] {
    const out: TraceRecord[] = [];
    const start = this.count < this.capacity ? 0 : this.next;
    for (let i = 0; i < this.count; i++) out.push(this.buffer[(start + i) % this.capacity] as TraceRecord);
    return out;
  }

  clear(): void {
    this.buffer.fill(undefined);
    this.next = 0;
    this.count = 0;
    this.droppedCount = 0;
  }

  private write(record: TraceRecord): void {
    for (const fn of this.subscribers) fn(record);
    if (this.capacity === 0) return;
    if (this.count === this.capacity) this.droppedCount++;
    else this.count++;
    this.buffer[this.next] = record;
    this.next = (this.next + 1) % this.capacity;
  }
}
