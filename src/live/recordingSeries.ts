/**
 * A bounded series of (time, value) pairs in typed arrays, kept in time order, dropping the oldest
 * when full. The recording keeps two kinds: step functions (a ring's occupancy, sampled as the run
 * advances: a value holds until the next sample) and running totals (payload bytes arrived, messages
 * delivered: the amount in a range is the difference of the totals at its ends).
 */

/** Bytes one entry takes: its time and its value, both Float64 (sim time exceeds 2^32 ns). */
export const SERIES_ENTRY_BYTES = 16;

export class TimedSeries {
  private t: Float64Array;
  private v: Float64Array;
  /** The arrays start small and double up to the capacity (a short run stays small). */
  private allocated: number;
  private head = 0;
  private n = 0;
  /** Entries dropped because the series was full. */
  dropped = 0;

  constructor(readonly capacity: number) {
    if (!(capacity >= 2) || !Number.isInteger(capacity))
      throw new RangeError('capacity must be an integer ≥ 2');
    this.allocated = Math.min(capacity, 1024);
    this.t = new Float64Array(this.allocated);
    this.v = new Float64Array(this.allocated);
  }

  get size(): number {
    return this.n;
  }

  get byteLength(): number {
    return this.t.byteLength + this.v.byteLength;
  }

  private phys(i: number): number {
    const p = this.head + i;
    return p >= this.allocated ? p - this.allocated : p;
  }

  timeAt(i: number): number {
    return this.t[this.phys(i)];
  }

  valueAt(i: number): number {
    return this.v[this.phys(i)];
  }

  /** The last value, or NaN when empty. */
  get last(): number {
    return this.n > 0 ? this.valueAt(this.n - 1) : NaN;
  }

  /**
   * Appends (tNs, value). Time never goes back within a run: an entry at the last entry's time
   * replaces its value (one value per instant), one earlier is ignored.
   */
  push(tNs: number, value: number): void {
    if (this.n > 0) {
      const lastT = this.timeAt(this.n - 1);
      if (tNs < lastT) return;
      if (tNs === lastT) {
        this.v[this.phys(this.n - 1)] = value;
        return;
      }
    }
    if (this.n === this.capacity) {
      this.head = this.phys(1);
      this.n--;
      this.dropped++;
    } else if (this.n === this.allocated) this.grow();
    const p = this.phys(this.n);
    this.t[p] = tNs;
    this.v[p] = value;
    this.n++;
  }

  /** Like push, but only when the value differs from the last one (a step function's changes). */
  pushChange(tNs: number, value: number): void {
    if (this.n === 0 || this.last !== value) this.push(tNs, value);
  }

  /** Index of the last entry at or before tNs, or −1 when every entry is later. */
  indexAtOrBefore(tNs: number): number {
    let lo = 0;
    let hi = this.n; // first index with time > tNs
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.timeAt(mid) <= tNs) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /**
   * The value in force at tNs: the last entry at or before it. Before the first kept entry, `before`
   * (a running total's baseline: what it was before the oldest kept entry is unknown, so its first value).
   */
  valueAtTime(tNs: number, before = NaN): number {
    const i = this.indexAtOrBefore(tNs);
    return i >= 0 ? this.valueAt(i) : before;
  }

  /** For a running total: how much it grew over (t0Ns, t1Ns]. */
  growth(t0Ns: number, t1Ns: number): number {
    if (this.n === 0 || t1Ns <= t0Ns) return 0;
    // A total starts at 0 with the run; once its oldest entries are dropped, what it was before the
    // oldest kept one is unknown, and the count starts from that entry.
    const base = this.dropped === 0 ? 0 : this.valueAt(0);
    return Math.max(0, this.valueAtTime(t1Ns, base) - this.valueAtTime(t0Ns, base));
  }

  /** Doubles the arrays (only before the first wrap: head is 0 until the series is full). */
  private grow(): void {
    this.allocated = Math.min(this.capacity, this.allocated * 2);
    const t = new Float64Array(this.allocated);
    const v = new Float64Array(this.allocated);
    t.set(this.t);
    v.set(this.v);
    this.t = t;
    this.v = v;
  }

  clear(): void {
    this.head = 0;
    this.n = 0;
    this.dropped = 0;
  }
}
