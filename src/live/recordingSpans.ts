/**
 * The recording's spans, struct-of-arrays in typed arrays, in order of start time, bounded: when
 * full, the span that started first is dropped. A 64 MiB budget holds about 2 million spans.
 *
 * The trace writes a span when its work is scheduled, start and end known; spans come nearly in
 * start order (a few dozen places out at most in the scenarios tried), so each is inserted by a
 * short walk back from the end. Queries binary-search the start times; a span that began before a
 * window may still overlap it, so each track keeps its longest duration and a search starts that
 * much earlier (vCPU spans are sequential; the wire and the NIC overlap).
 */

/**
 * Bytes one span takes: start and end (Float64: sim time is integer ns and passes 2^32 ns after
 * 4.3 s), the run's event count when it was written (Float64: a cursor between events at one instant
 * shows only the spans written by then), message id (Int32), track and label (Uint16 indices into
 * string tables), category and the domain charged (Uint8 indices).
 */
export const SPAN_BYTES = 8 + 8 + 8 + 4 + 2 + 2 + 1 + 1;

/** Arrays start this small and double up to the capacity, so a short run (or a replay) stays small. */
const FIRST_ALLOCATION = 16_384;

export class SpanStore {
  start: Float64Array;
  end: Float64Array;
  /** The run's event count when the span was written (0 when not told). */
  written: Float64Array;
  message: Int32Array;
  track: Uint16Array;
  label: Uint16Array;
  category: Uint8Array;
  owner: Uint8Array;
  private allocated: number;
  private head = 0;
  private n = 0;
  /** Spans dropped (the oldest, or one older than all kept when full). */
  dropped = 0;
  /** Longest span seen per track (never shrinks: a search may start a little early, never too late). */
  private readonly maxDurationByTrack: number[] = [];
  private maxDuration = 0;

  constructor(readonly capacity: number) {
    if (!(capacity >= 2) || !Number.isInteger(capacity))
      throw new RangeError('capacity must be an integer ≥ 2');
    this.allocated = Math.min(capacity, FIRST_ALLOCATION);
    this.start = new Float64Array(this.allocated);
    this.end = new Float64Array(this.allocated);
    this.written = new Float64Array(this.allocated);
    this.message = new Int32Array(this.allocated);
    this.track = new Uint16Array(this.allocated);
    this.label = new Uint16Array(this.allocated);
    this.category = new Uint8Array(this.allocated);
    this.owner = new Uint8Array(this.allocated);
  }

  get size(): number {
    return this.n;
  }

  /** Bytes held by the arrays now (they grow by doubling up to `capacity × SPAN_BYTES`). */
  get byteLength(): number {
    return (
      this.start.byteLength +
      this.end.byteLength +
      this.written.byteLength +
      this.message.byteLength +
      this.track.byteLength +
      this.label.byteLength +
      this.category.byteLength +
      this.owner.byteLength
    );
  }

  /** The array index of the i-th span in start order (0 = earliest kept). */
  at(i: number): number {
    const p = this.head + i;
    return p >= this.allocated ? p - this.allocated : p;
  }

  /** Longest duration of a span on `track` (−1: on any track). */
  maxDurationOn(track: number): number {
    return track < 0 ? this.maxDuration : (this.maxDurationByTrack[track] ?? 0);
  }

  push(
    startNs: number,
    endNs: number,
    track: number,
    category: number,
    owner: number,
    messageId: number,
    label: number,
    writtenAtEvents = 0,
  ): void {
    if (this.n === this.capacity) {
      // Full: the earliest start goes, unless the newcomer is earlier still.
      if (startNs < this.start[this.at(0)]) {
        this.dropped++;
        return;
      }
      this.head = this.at(1);
      this.n--;
      this.dropped++;
    } else if (this.n === this.allocated) this.grow();
    // Walk back over the spans that start later (stable: equal starts keep arrival order).
    let i = this.n;
    while (i > 0 && this.start[this.at(i - 1)] > startNs) {
      this.copy(this.at(i - 1), this.at(i));
      i--;
    }
    const p = this.at(i);
    this.start[p] = startNs;
    this.end[p] = endNs;
    this.track[p] = track;
    this.category[p] = category;
    this.owner[p] = owner;
    this.message[p] = messageId;
    this.label[p] = label;
    this.written[p] = writtenAtEvents;
    this.n++;
    const d = endNs - startNs;
    if (d > (this.maxDurationByTrack[track] ?? 0)) this.maxDurationByTrack[track] = d;
    if (d > this.maxDuration) this.maxDuration = d;
  }

  /** The first position (in start order) whose span starts at or after tNs. */
  lowerBound(tNs: number): number {
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.start[this.at(mid)] < tNs) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Calls `fn(index)` for every span overlapping [t0Ns, t1Ns] (ends at or after t0, starts at or
   * before t1), on `track` or on every track (−1), in start order. `index` reads the arrays.
   */
  visit(t0Ns: number, t1Ns: number, track: number, fn: (index: number) => void): void {
    const { start, end } = this;
    const trackOf = this.track;
    for (let i = this.lowerBound(t0Ns - this.maxDurationOn(track)); i < this.n; i++) {
      const p = this.at(i);
      if (start[p] > t1Ns) break;
      if (end[p] >= t0Ns && (track < 0 || trackOf[p] === track)) fn(p);
    }
  }

  /** Every kept span of one message, in start order (a scan: for a click, not a frame). */
  ofMessage(messageId: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.n; i++) {
      const p = this.at(i);
      if (this.message[p] === messageId) out.push(p);
    }
    return out;
  }

  clear(): void {
    this.head = 0;
    this.n = 0;
    this.dropped = 0;
    this.maxDurationByTrack.length = 0;
    this.maxDuration = 0;
  }

  private copy(from: number, to: number): void {
    this.start[to] = this.start[from];
    this.end[to] = this.end[from];
    this.written[to] = this.written[from];
    this.track[to] = this.track[from];
    this.category[to] = this.category[from];
    this.owner[to] = this.owner[from];
    this.message[to] = this.message[from];
    this.label[to] = this.label[from];
  }

  /** Doubles the arrays (only before the first wrap: head is 0 until the store is full). */
  private grow(): void {
    const size = Math.min(this.capacity, this.allocated * 2);
    const grown = <T extends Float64Array | Int32Array | Uint16Array | Uint8Array>(
      a: T,
      make: (n: number) => T,
    ) => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.start = grown(this.start, (n) => new Float64Array(n));
    this.end = grown(this.end, (n) => new Float64Array(n));
    this.written = grown(this.written, (n) => new Float64Array(n));
    this.message = grown(this.message, (n) => new Int32Array(n));
    this.track = grown(this.track, (n) => new Uint16Array(n));
    this.label = grown(this.label, (n) => new Uint16Array(n));
    this.category = grown(this.category, (n) => new Uint8Array(n));
    this.owner = grown(this.owner, (n) => new Uint8Array(n));
    this.allocated = size;
  }
}
