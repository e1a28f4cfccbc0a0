/**
 * The trace: typed spans (work on a CPU or a hardware resource, with an owner domain and a category)
 * and instant events, in a bounded ring buffer that overwrites its oldest records and counts them.
 * Subscribers see every record as it is written, whether or not the buffer keeps it.
 *
 * The buffer keeps its records in typed arrays (one column per field, strings as indices into a
 * table of names), not as objects: the live view keeps 60,000 records, and as objects each took
 * 44 bytes of Chromium's heap plus 12 for each of its two times (V8 boxed them in heap numbers),
 * 4 MB of the page's heap; here a record takes 41 bytes outside the heap (typed arrays). Writing is
 * faster too: objects that live until overwritten cost the collector more than columns (5× in a
 * micro-benchmark). `records()` and `spans()` build objects on demand.
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

const SPAN = 0;
const INSTANT = 1;
/** Records the columns hold at first; they double as the buffer fills, up to its capacity. */
const FIRST_COLUMN_LENGTH = 4_096;
/** Names the table may hold before it is first compacted to those the kept records still use. */
const FIRST_COMPACT_AT = 4_096;

/**
 * Names to indices. Names are few (components, domains, categories, labels), but nothing forbids a
 * caller from writing a new one per record: past a threshold the table is rebuilt with only the names
 * the buffer still uses (see Trace.compactNames), so it stays bounded by the buffer's records.
 */
class NameTable {
  names: string[] = [];
  private index = new Map<string, number>();

  id(name: string): number {
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.names.push(name) - 1;
      this.index.set(name, i);
    }
    return i;
  }

  get size(): number {
    return this.names.length;
  }

  /** Keeps only `used` names (`used[i]` true), renumbered in order; returns old index → new. */
  keep(used: Uint8Array): Uint32Array {
    const remap = new Uint32Array(this.names.length);
    const names: string[] = [];
    this.index = new Map();
    for (let i = 0; i < this.names.length; i++) {
      if (!used[i]) continue;
      remap[i] = names.push(this.names[i]) - 1;
      this.index.set(this.names[i], remap[i]);
    }
    this.names = names;
    return remap;
  }

  clear(): void {
    this.names = [];
    this.index = new Map();
  }
}

export class Trace {
  private next = 0;
  private count = 0;
  private droppedCount = 0;
  private readonly subscribers = new Set<TraceSubscriber>();
  private readonly table = new NameTable();
  private compactAt = FIRST_COMPACT_AT;
  // One column per field; an instant keeps its time in `start` and its name in `label`.
  private kind = new Uint8Array(0);
  private start = new Float64Array(0);
  private end = new Float64Array(0);
  private message = new Float64Array(0);
  private component = new Uint32Array(0);
  private owner = new Uint32Array(0);
  private category = new Uint32Array(0);
  private label = new Uint32Array(0);

  /** `capacity` 0 keeps nothing (subscribers still see everything). */
  constructor(readonly capacity = 65_536) {}

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

  /** Bytes the buffer's columns take now (outside the JS heap: typed arrays). */
  get byteLength(): number {
    return this.kind.length * (1 + 3 * 8 + 4 * 4);
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
    if (this.subscribers.size > 0) {
      const record: SpanRecord = {
        kind: 'span',
        component,
        owner,
        category,
        messageId,
        startNs,
        endNs,
        label,
      };
      for (const fn of this.subscribers) fn(record);
    }
    if (this.capacity === 0) return;
    const i = this.slot();
    const t = this.table;
    this.kind[i] = SPAN;
    this.start[i] = startNs;
    this.end[i] = endNs;
    this.message[i] = messageId;
    this.component[i] = t.id(component);
    this.owner[i] = t.id(owner);
    this.category[i] = t.id(category);
    this.label[i] = label === category ? this.category[i] : t.id(label);
    if (t.size >= this.compactAt) this.compactNames();
  }

  instant(component: string, name: string, messageId: number, atNs: number): void {
    if (this.subscribers.size > 0) {
      const record: InstantRecord = { kind: 'instant', component, name, messageId, atNs };
      for (const fn of this.subscribers) fn(record);
    }
    if (this.capacity === 0) return;
    const i = this.slot();
    this.kind[i] = INSTANT;
    this.start[i] = atNs;
    this.end[i] = atNs;
    this.message[i] = messageId;
    this.component[i] = this.table.id(component);
    this.label[i] = this.table.id(name);
    if (this.table.size >= this.compactAt) this.compactNames();
  }

  subscribe(fn: TraceSubscriber): () => void {
    this.subscribers.add(fn);
    return () => this.subscribers.delete(fn);
  }

  /** The kept records, oldest first (objects built for the call). */
  records(): TraceRecord[] {
    const out: TraceRecord[] = [];
    const first = this.oldest();
    for (let k = 0; k < this.count; k++) out.push(this.record((first + k) % this.capacity));
    return out;
  }

  /**
   * The kept spans for which `keep(messageId, startNs, endNs)` holds (all without it), oldest first:
   * only those are built as objects (a message's journey out of 60,000 records, say).
   */
  spans(keep?: (messageId: number, startNs: number, endNs: number) => boolean): SpanRecord[] {
    const out: SpanRecord[] = [];
    const first = this.oldest();
    for (let k = 0; k < this.count; k++) {
      const i = (first + k) % this.capacity;
      if (this.kind[i] !== SPAN) continue;
      if (keep && !keep(this.message[i], this.start[i], this.end[i])) continue;
      out.push(this.record(i) as SpanRecord);
    }
    return out;
  }

  clear(): void {
    this.next = 0;
    this.count = 0;
    this.droppedCount = 0;
    this.table.clear();
    this.compactAt = FIRST_COMPACT_AT;
  }

  private oldest(): number {
    return this.count < this.capacity ? 0 : this.next;
  }

  private record(i: number): TraceRecord {
    const names = this.table.names;
    if (this.kind[i] === INSTANT) {
      return {
        kind: 'instant',
        component: names[this.component[i]],
        name: names[this.label[i]],
        messageId: this.message[i],
        atNs: this.start[i],
      };
    }
    return {
      kind: 'span',
      component: names[this.component[i]],
      owner: names[this.owner[i]],
      category: names[this.category[i]],
      messageId: this.message[i],
      startNs: this.start[i],
      endNs: this.end[i],
      label: names[this.label[i]],
    };
  }

  /** The slot the next record goes into (growing the columns while the buffer fills). */
  private slot(): number {
    const i = this.next;
    if (i >= this.kind.length) this.grow();
    if (this.count === this.capacity) this.droppedCount++;
    else this.count++;
    this.next = (i + 1) % this.capacity;
    return i;
  }

  private grow(): void {
    const length = Math.min(this.capacity, Math.max(FIRST_COLUMN_LENGTH, 2 * this.kind.length));
    const grown = <T extends Uint8Array | Uint32Array | Float64Array>(
      a: T,
      make: new (n: number) => T,
    ): T => {
      const b = new make(length);
      b.set(a);
      return b;
    };
    this.kind = grown(this.kind, Uint8Array);
    this.start = grown(this.start, Float64Array);
    this.end = grown(this.end, Float64Array);
    this.message = grown(this.message, Float64Array);
    this.component = grown(this.component, Uint32Array);
    this.owner = grown(this.owner, Uint32Array);
    this.category = grown(this.category, Uint32Array);
    this.label = grown(this.label, Uint32Array);
  }

  /**
   * Rebuilds the name table with only the names the kept records use, and the next rebuild when it
   * has doubled since: each costs the records kept and the names, and comes after as many new names.
   */
  private compactNames(): void {
    const used = new Uint8Array(this.table.size);
    const first = this.oldest();
    for (let k = 0; k < this.count; k++) {
      const i = (first + k) % this.capacity;
      used[this.component[i]] = 1;
      used[this.label[i]] = 1;
      if (this.kind[i] === SPAN) used[this.owner[i]] = used[this.category[i]] = 1;
    }
    const remap = this.table.keep(used);
    for (let k = 0; k < this.count; k++) {
      const i = (first + k) % this.capacity;
      this.component[i] = remap[this.component[i]];
      this.label[i] = remap[this.label[i]];
      if (this.kind[i] === SPAN) {
        this.owner[i] = remap[this.owner[i]];
        this.category[i] = remap[this.category[i]];
      }
    }
    this.compactAt = Math.max(FIRST_COMPACT_AT, 2 * this.table.size);
  }
}
