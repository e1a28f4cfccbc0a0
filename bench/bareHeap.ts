/**
 * The reference for the hold model: the least a pending-event set can do, a binary min-heap over
 * typed arrays ordered by (time, insertion sequence) with an integer payload per entry. No
 * handlers, no cancellation, no checks: the engine's queue plus simulator is measured against it.
 */
export class BareHeap {
  private time: Float64Array;
  private seq: Float64Array;
  private data: Int32Array;
  private n = 0;
  private nextSeq = 0;

  constructor(capacity: number) {
    this.time = new Float64Array(capacity);
    this.seq = new Float64Array(capacity);
    this.data = new Int32Array(capacity);
  }

  get size(): number {
    return this.n;
  }

  /** Time of the earliest entry; only meaningful when not empty. */
  get topTime(): number {
    return this.time[0];
  }

  push(t: number, value: number): void {
    if (this.n === this.time.length) this.grow();
    const s = this.nextSeq++;
    const time = this.time;
    const seq = this.seq;
    const data = this.data;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (time[p] < t || (time[p] === t && seq[p] < s)) break;
      time[i] = time[p];
      seq[i] = seq[p];
      data[i] = data[p];
      i = p;
    }
    time[i] = t;
    seq[i] = s;
    data[i] = value;
  }

  /** Removes the earliest entry and returns its payload; the heap must not be empty. */
  pop(): number {
    const time = this.time;
    const seq = this.seq;
    const data = this.data;
    const top = data[0];
    const n = --this.n;
    const t = time[n];
    const s = seq[n];
    const v = data[n];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      const r = c + 1;
      if (r < n && (time[r] < time[c] || (time[r] === time[c] && seq[r] < seq[c]))) c = r;
      if (t < time[c] || (t === time[c] && s < seq[c])) break;
      time[i] = time[c];
      seq[i] = seq[c];
      data[i] = data[c];
      i = c;
    }
    time[i] = t;
    seq[i] = s;
    data[i] = v;
    return top;
  }

  private grow(): void {
    const cap = this.time.length * 2;
    const time = new Float64Array(cap);
    const seq = new Float64Array(cap);
    const data = new Int32Array(cap);
    time.set(this.time);
    seq.set(this.seq);
    data.set(this.data);
    this.time = time;
    this.seq = seq;
    this.data = data;
  }
}
