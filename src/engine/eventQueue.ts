/**
 * The pending events, ordered by (time, insertion): ties run first-in first-out. That order is
 * total, so any correct layout pops the same entries in the same order. Entries live in typed
 * arrays and carry a slot number; the simulator keeps the handler and payload of a slot in plain
 * arrays, so scheduling allocates nothing once the arrays have grown.
 *
 * Two layouts, by size. A model's runs keep few events pending (8 on average, 64 at most, at 16 VMs
 * per host), and then a sorted array is cheaper than a heap: a pop takes the first entry, a push
 * moves the few later entries (3.6 on average) up by one, and insertion order among equal times is
 * the array's order, with no sequence number to compare. Past SORTED_MAX entries the queue turns
 * into a binary heap ordered by (time, sequence number), as an ascending array already is one, so
 * a run with many pending events stays O(log n) per event; it turns back, sorting the few entries
 * left, once SORTED_MIN or fewer remain. Replaying the queue operations of a 16-VM pv-tcp run, this
 * takes about 15 % less time than the binary heap alone; a 4-ary heap took as long as the binary one.
 *
 * Cancellation is lazy: a cancelled slot stays in the queue and is skipped when it reaches the top.
 */
const SORTED_MAX = 32;
const SORTED_MIN = 8;

export class EventQueue {
  private timeNs: Float64Array;
  private seq: Float64Array;
  private slot: Int32Array;
  /** Sorted layout: entries at [head, head + size), earliest first. Heap layout: at [0, size). */
  private head = 0;
  private size = 0;
  private heap = false;
  private nextSeq = 0;
  /** Time of the entry the last `pop` returned. */
  poppedTimeNs = 0;

  constructor(initialCapacity = 1024) {
    const capacity = Math.max(2 * SORTED_MAX, initialCapacity);
    this.timeNs = new Float64Array(capacity);
    this.seq = new Float64Array(capacity);
    this.slot = new Int32Array(capacity);
  }

  get length(): number {
    return this.size;
  }

  /** Inserts an entry, after every entry at or before its time. */
  push(timeNs: number, slot: number): void {
    if (!this.heap) {
      if (this.size < SORTED_MAX) {
        this.insertSorted(timeNs, slot);
        return;
      }
      this.toHeap();
    }
    this.heapPush(timeNs, this.nextSeq++, slot);
  }

  /** Time of the earliest entry, or Infinity when empty. */
  peekTime(): number {
    return this.size > 0 ? this.timeNs[this.head] : Infinity;
  }

  peekSlot(): number {
    return this.size > 0 ? this.slot[this.head] : -1;
  }

  /** Removes the earliest entry and returns its slot (-1 when empty); its time is `poppedTimeNs`. */
  pop(): number {
    if (this.size === 0) return -1;
    const head = this.head;
    const top = this.slot[head];
    this.poppedTimeNs = this.timeNs[head];
    const last = --this.size;
    if (!this.heap) this.head = last === 0 ? 0 : head + 1;
    else {
      if (last > 0) this.siftDown(this.timeNs[last], this.seq[last], this.slot[last], last);
      if (last <= SORTED_MIN) this.toSorted();
    }
    return top;
  }

  clear(): void {
    this.size = 0;
    this.head = 0;
    this.heap = false;
  }

  /** Sorted layout: the new entry goes after every entry at or before its time (its sequence is the largest). */
  private insertSorted(timeNs: number, slot: number): void {
    if (this.head + this.size === this.timeNs.length) this.makeRoom();
    const t = this.timeNs;
    const sl = this.slot;
    const head = this.head;
    let j = head + this.size++;
    while (j > head && t[j - 1] > timeNs) {
      t[j] = t[j - 1];
      sl[j] = sl[j - 1];
      j--;
    }
    t[j] = timeNs;
    sl[j] = slot;
  }

  /** Sorted layout, no room after the last entry: moves the entries to the front (the array holds ≥ 2 × SORTED_MAX). */
  private makeRoom(): void {
    const from = this.head;
    const to = from + this.size;
    this.timeNs.copyWithin(0, from, to);
    this.slot.copyWithin(0, from, to);
    this.head = 0;
  }

  /** An ascending array is a heap: moving the entries to the front is all it takes. */
  private toHeap(): void {
    if (this.head > 0) this.makeRoom();
    // The sorted layout keeps no sequence numbers (its order is the insertion order among equal
    // times): numbered now in that order, all below any number yet to be given, the order stays.
    const q = this.seq;
    for (let i = 0; i < this.size; i++) q[i] = this.nextSeq++;
    this.heap = true;
  }

  /** Insertion sort of the few entries left in the heap, by (time, sequence). */
  private toSorted(): void {
    const t = this.timeNs;
    const q = this.seq;
    const sl = this.slot;
    const n = this.size;
    for (let i = 1; i < n; i++) {
      const ti = t[i];
      const qi = q[i];
      const si = sl[i];
      let j = i;
      while (j > 0 && (t[j - 1] > ti || (t[j - 1] === ti && q[j - 1] > qi))) {
        t[j] = t[j - 1];
        q[j] = q[j - 1];
        sl[j] = sl[j - 1];
        j--;
      }
      t[j] = ti;
      q[j] = qi;
      sl[j] = si;
    }
    this.head = 0;
    this.heap = false;
  }

  private heapPush(timeNs: number, s: number, slot: number): void {
    if (this.size === this.timeNs.length) this.grow();
    // Sift up: move parents down until the new entry's place is found. Every entry has a smaller
    // sequence number than the new one, so a parent at the same time stays above it.
    let i = this.size++;
    const t = this.timeNs;
    const q = this.seq;
    const sl = this.slot;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = t[parent];
      if (pt <= timeNs) break;
      t[i] = pt;
      q[i] = q[parent];
      sl[i] = sl[parent];
      i = parent;
    }
    t[i] = timeNs;
    q[i] = s;
    sl[i] = slot;
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

  /** Heap layout, full: doubles the arrays. */
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
