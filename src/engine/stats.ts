/** Statistics kept while a simulation runs: none of them stores every sample. */

/** Count, mean, variance, min and max by Welford's method (numerically stable). */
export class RunningStats {
  count = 0;
  mean = 0;
  min = Infinity;
  max = -Infinity;
  private m2 = 0;
  sum = 0;

  add(x: number): void {
    this.count++;
    this.sum += x;
    const delta = x - this.mean;
    this.mean += delta / this.count;
    this.m2 += delta * (x - this.mean);
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
  }

  /** Sample variance (n − 1 in the denominator); 0 with fewer than two samples. */
  get variance(): number {
    return this.count > 1 ? this.m2 / (this.count - 1) : 0;
  }

  get stdDev(): number {
    return Math.sqrt(this.variance);
  }
}

/**
 * Quantiles from a log-bucketed histogram (the DDSketch construction). Error bound: for any
 * quantile q, the value returned is within a relative error `relativeAccuracy` (default 0.5%) of a
 * sample whose rank is q·(n−1) rounded; zero and negative samples are kept exactly in a zero bucket
 * (negatives are clamped to 0, since durations and sizes cannot be negative).
 */
export class QuantileSketch {
  private readonly gamma: number;
  private readonly logGamma: number;
  private counts: number[] = [];
  private offset = 0;
  private zeroCount = 0;
  private total = 0;

  constructor(readonly relativeAccuracy = 0.005) {
    this.gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy);
    this.logGamma = Math.log(this.gamma);
  }

  get count(): number {
    return this.total;
  }

  add(x: number): void {
    // Infinity has no bucket: its index would be infinite and the bucket array would grow without end.
    if (x === Infinity) throw new RangeError('QuantileSketch: cannot add Infinity');
    this.total++;
    if (!(x > 0)) {
      this.zeroCount++;
      return;
    }
    const index = Math.ceil(Math.log(x) / this.logGamma);
    if (this.counts.length === 0) this.offset = index;
    if (index < this.offset) {
      this.counts = [...new Array<number>(this.offset - index).fill(0), ...this.counts];
      this.offset = index;
    }
    const i = index - this.offset;
    while (this.counts.length <= i) this.counts.push(0);
    this.counts[i]++;
  }

  /** The q-quantile (0 ≤ q ≤ 1); NaN when empty. */
  quantile(q: number): number {
    if (this.total === 0) return NaN;
    const rank = Math.round(Math.min(1, Math.max(0, q)) * (this.total - 1));
    if (rank < this.zeroCount) return 0;
    let seen = this.zeroCount;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i];
      if (seen > rank) return (2 * this.gamma ** (i + this.offset)) / (this.gamma + 1);
    }
    return (2 * this.gamma ** (this.counts.length - 1 + this.offset)) / (this.gamma + 1);
  }
}

/** The time-weighted average of a piecewise-constant quantity (ring occupancy, busy servers…). */
export class TimeWeighted {
  private value: number;
  private lastNs: number;
  private areaNs = 0;
  max: number;

  constructor(
    private readonly startNs = 0,
    initial = 0,
  ) {
    this.value = initial;
    this.lastNs = startNs;
    this.max = initial;
  }

  get current(): number {
    return this.value;
  }

  set(nowNs: number, value: number): void {
    this.areaNs += this.value * (nowNs - this.lastNs);
    this.lastNs = nowNs;
    this.value = value;
    if (value > this.max) this.max = value;
  }

  add(nowNs: number, delta: number): void {
    this.set(nowNs, this.value + delta);
  }

  /** The integral of the value over [start, now], in value × ns. */
  area(nowNs: number): number {
    return this.areaNs + this.value * (nowNs - this.lastNs);
  }

  /** The average over [start, now]; the current value when no time has passed. */
  average(nowNs: number): number {
    const span = nowNs - this.startNs;
    return span > 0 ? this.area(nowNs) / span : this.value;
  }
}

/**
 * A rate over a sliding window (e.g. bytes per second over the last 100 µs), kept in fixed buckets:
 * the window slides by whole buckets, so the rate is exact up to one bucket's width.
 */
export class SlidingWindowRate {
  private readonly buckets: Float64Array;
  private readonly bucketNs: number;
  private headIndex = 0; // absolute index of the newest bucket

  constructor(
    readonly windowNs: number,
    bucketCount = 20,
  ) {
    this.buckets = new Float64Array(bucketCount);
    this.bucketNs = windowNs / bucketCount;
  }

  add(nowNs: number, amount: number): void {
    this.advance(nowNs);
    this.buckets[this.headIndex % this.buckets.length] += amount;
  }

  /** Amount per second over the window ending at `nowNs`. */
  ratePerSec(nowNs: number): number {
    this.advance(nowNs);
    let sum = 0;
    for (let i = 0; i < this.buckets.length; i++) sum += this.buckets[i];
    const spanNs = Math.min(this.windowNs, (this.headIndex + 1) * this.bucketNs);
    return spanNs > 0 ? (sum / spanNs) * 1e9 : 0;
  }

  private advance(nowNs: number): void {
    const index = Math.floor(nowNs / this.bucketNs);
    if (index <= this.headIndex) return;
    const steps = Math.min(index - this.headIndex, this.buckets.length);
    for (let i = 1; i <= steps; i++) this.buckets[(this.headIndex + i) % this.buckets.length] = 0;
    this.headIndex = index;
  }
}
