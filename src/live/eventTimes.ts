/**
 * When each of the live run's recent events ran, in a ring of Float64 times: the run's event count
 * at a time, and the time after a given number of events, are lookups. This is what makes stepping
 * back one event, or moving the cursor, a lookup instead of a replay from the seed.
 *
 * Events are numbered from 1 as they run; "after k events" is the time of event k (0 for k = 0).
 * A replay rebuilds the run without telling us its events' times, so `restart(count, nowNs)` starts
 * the ring again at that count: nothing before it can be looked up until the run has gone past it.
 */
/** The ring starts this small (128 KiB) and doubles up to its capacity. */
const FIRST_ALLOCATION = 16_384;

export class EventTimes {
  private times: Float64Array;
  /** Events run so far (the number of the last one). */
  private total = 0;
  /** The first event number whose time may be looked up (times before it were never recorded). */
  private base = 0;
  /** The time after `base` events (the clock then): 0 at the start, the replay's time after a replay. */
  private baseNs = 0;

  constructor(readonly capacity: number) {
    if (!(capacity >= 2) || !Number.isInteger(capacity))
      throw new RangeError('capacity must be an integer ≥ 2');
    this.times = new Float64Array(Math.min(capacity, FIRST_ALLOCATION));
  }

  /** Events run so far. */
  get count(): number {
    return this.total;
  }

  /** The smallest event count whose time is known (the cursor cannot go back past it by lookup). */
  get firstCount(): number {
    // The ring holds events total − capacity + 1 … total: the time after the first of them is its own.
    return Math.max(this.base, this.total - this.capacity + 1);
  }

  get byteLength(): number {
    return this.times.byteLength;
  }

  /** Event `total + 1` ran at `tNs`. */
  push(tNs: number): void {
    // Grown by doubling before the ring first wraps (slot = number − 1 until then), so a short run stays small.
    if (this.total === this.times.length && this.total < this.capacity) {
      const grown = new Float64Array(Math.min(this.capacity, 2 * this.times.length));
      grown.set(this.times);
      this.times = grown;
    }
    this.times[this.total % this.times.length] = tNs;
    this.total++;
  }

  /** The clock after `k` events, or NaN when `k` is outside what is kept. */
  timeAfter(k: number): number {
    if (!Number.isInteger(k) || k < this.firstCount || k > this.total) return NaN;
    if (k === this.base) return this.baseNs;
    return this.times[(k - 1) % this.times.length];
  }

  /**
   * Events that had run at `tNs` (those at or before it), or −1 when `tNs` is before the first
   * time kept (then only a replay knows).
   */
  countAt(tNs: number): number {
    const first = this.firstCount;
    const firstNs = this.timeAfter(first);
    if (!(tNs >= firstNs)) return -1;
    // The largest k in [first, total] with timeAfter(k) <= tNs (times never decrease).
    let lo = first;
    let hi = this.total;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.timeAfter(mid) <= tNs) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The run was rebuilt and stands after `count` events at `nowNs`: nothing before is known. */
  restart(count: number, nowNs: number): void {
    this.total = count;
    this.base = count;
    this.baseNs = nowNs;
  }
}
