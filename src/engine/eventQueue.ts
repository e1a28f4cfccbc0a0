/**
 * A binary min-heap of pending events over typed arrays, ordered by (time, insertion sequence):
 * ties run first-in first-out. Each entry carries a slot number; the simulator keeps the handler and
 * payload of a slot in plain arrays, so scheduling allocates nothing once the arrays have grown.
 *
 * Cancellation is lazy: a cancelled slot stays in the heap and is skipped when it reaches the top.
 */
export class EventQueue {
  private timeNs: Float64Array;
  private seq: Float64Array;
  private slot: Int32Array;
  private size = 0;
  private nextSeq = 0;
  /** Time of the entry the last `pop` removed. */
  poppedTimeNs = 0;

  constructor(initialCapacity = 1024) {
    this.timeNs = new Float64Array(initialCapacity);
    this.seq = new Float64Array(initialCapacity);
    this.slot = new Int32Array(initialCapacity);
  }

  get length(): number {
    return this.size;
  }

  /** Inserts an entry; returns its sequence number (unique, increasing). */
  push(timeNs: number, slot: number): number {
    if (this.size === this.timeNs.length) this.grow();
    const s = this.nextSeq++;
    // Sift up: move parents down until the new entry's place is found.
    let i = this.size++;
    const t = this.timeNs;
    const q = this.seq;
    const sl = this.slot;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = t[parent];
      if (pt < timeNs || (pt === timeNs && q[parent] < s)) break;
      t[i] = pt;
      q[i] = q[parent];
      sl[i] = sl[parent];
      i = parent;
    }
    t[i] = timeNs;
    q[i] = s;
    sl[i] = slot;
    return s;
  }

  /** Time of the earliest entry, or Infinity when empty. */
  peekTime(): number {
    return this.size > 0 ? this.timeNs[0] : Infinity;
  }

  peekSlot(): number {
    return this.size > 0 ? this.slot[0] : -1;
  }

  /** Removes the earliest entry and returns its slot (-1 when empty); its time is then `poppedTimeNs`. */
  pop(): number {
    if (this.size === 0) return -1;
    const top = this.slot[0];
    this.poppedTimeNs = this.timeNs[0];
    const last = --this.size;
    if (last > 0) this.siftDown(this.timeNs[last], this.seq[last], this.slot[last], last);
    return top;
  }

  clear(): void {
    this.size = 0;
  }

  private siftDown(time: number, s: number, slot: number, n: number): void {
    const t = this.timeNs;
    const q = this.seq;
    const sl = this.slot;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && (t[right] < t[child] || (t[right] === t[child] && q[right] < q[child]))) child = right;
      const ct = t[child];
      if (time < ct || (time === ct && s < q[child])) break;
      t[i] = ct;
      q[i] = q[child];
      sl[i] = sl[child];
      i = child;
    }
    t[i] = time;
    q[i] = s;
    sl[i] = slot;
  }

  private grow(): void {
    const capacity = this.timeNs.length * 2;
    const t = new Float64Array(capacity);
    const q = new Float64Array(capacity);
    const s = new Int32Array(capacity);
    t.set(this.timeNs);
    q.set(this.seq);
    s.set(this.slot);
    this.timeNs = t;
    this.seq = q;
    this.slot = s;
  }
}
