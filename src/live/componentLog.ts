import { ComponentsBuilder, type ComponentKind, type LiveComponents } from './liveComponents.ts';

/** Changes kept at most: 2^20 of 18 bytes (18 MiB), grown by doubling from 2^14 as the run goes. */
export const COMPONENT_CHANGES_KEPT = 1 << 20;
const FIRST_ALLOCATION = 1 << 14;
/** A full copy of every state every this many changes: a lookup replays at most this many. */
const KEYFRAME_EVERY = 1_024;

interface Keyframe {
  /** Changes applied before it (it is the state after them). */
  readonly changes: number;
  /** The run's event count when it was taken. */
  readonly events: number;
  readonly values: Float64Array;
}

/**
 * The diagram's component states (vCPU busy, ring levels, pending events, DMA, IOTLB) as the live
 * run went: each sample keeps only what changed since the last, as (events, key, value) in a bounded
 * ring of typed arrays, with a full copy every KEYFRAME_EVERY changes. The state after a past event
 * is a keyframe plus at most that many changes: a lookup, never a replay.
 *
 * Samples are placed by the run's event count, not its time: several events run at one instant, and
 * stepping back one of them must show the state between them. A sample is `set` for every component
 * then `commit(events)`; the count never goes back within a run.
 */
export class ComponentLog {
  private readonly names: string[] = [];
  private readonly kinds: ComponentKind[] = [];
  private readonly slots: number[] = [];
  private readonly index = new Map<string, number>();
  /** The state as of the last commit, and the one being sampled. */
  private current: number[] = [];
  private next: number[] = [];
  /** The event count of each change. */
  private times = new Float64Array(FIRST_ALLOCATION);
  private keys = new Uint16Array(FIRST_ALLOCATION);
  private values = new Float64Array(FIRST_ALLOCATION);
  /** Changes recorded so far (the ring holds the last `times.length` of them). */
  private total = 0;
  private keyframes: Keyframe[] = [];
  private lastEvents = -Infinity;

  /** Changes between two keyframes: a quarter of the ring at most, so a wrapped ring still holds some. */
  private readonly keyframeEvery: number;

  constructor(readonly capacity = COMPONENT_CHANGES_KEPT) {
    this.keyframeEvery = Math.max(1, Math.min(KEYFRAME_EVERY, Math.floor(capacity / 4)));
  }

  /** A component's index (given on first sight; −1 past 65,535 components, which the Uint16 keys cannot hold). */
  define(kind: ComponentKind, key: string, slots: number): number {
    let i = this.index.get(key);
    if (i === undefined) {
      if (this.names.length >= 0xffff) return -1;
      i = this.names.length;
      this.index.set(key, i);
      this.names.push(key);
      this.kinds.push(kind);
      this.slots.push(slots);
      this.current.push(NaN);
    }
    if (slots > this.slots[i]) this.slots[i] = slots;
    return i;
  }

  /** A component's state in the sample being taken, by its index (see define). */
  setAt(i: number, value: number): void {
    if (i >= 0) this.next[i] = value;
  }

  /** A component's state in the sample being taken, by its key. */
  readonly set = (kind: ComponentKind, key: string, value: number, slots: number): void => {
    this.setAt(this.define(kind, key, slots), value);
  };

  /** The sample taken now is the state after `events` events (until the next sample). */
  commit(events: number): void {
    if (events < this.lastEvents) throw new RangeError('component samples must not go back');
    if (this.total === 0 && this.keyframes.length === 0) this.keyframe(events);
    for (let i = 0; i < this.names.length; i++) {
      const v = this.next[i] ?? NaN;
      if (v === this.current[i] || (v !== v && this.current[i] !== this.current[i])) continue;
      if (this.total % this.keyframeEvery === 0 && this.total > 0) this.keyframe(events);
      this.push(events, i, v);
      this.current[i] = v;
    }
    this.lastEvents = events;
  }

  /** The smallest event count a lookup can answer (Infinity before the first sample). */
  get fromEvents(): number {
    const k = this.firstKeyframe();
    return k ? k.events : Infinity;
  }

  /** The oldest keyframe whose following changes are all still in the ring. */
  private firstKeyframe(): Keyframe | undefined {
    const first = this.firstKept();
    return this.keyframes.find((k) => k.changes >= first);
  }

  /** Bytes of the typed arrays now (keyframes included). */
  get byteLength(): number {
    let n = this.times.byteLength + this.keys.byteLength + this.values.byteLength;
    for (const k of this.keyframes) n += k.values.byteLength;
    return n;
  }

  /** The states as sampled last at or before `events` events, or null before the earliest kept. */
  at(events: number): LiveComponents | null {
    if (!(events >= this.fromEvents)) return null;
    const first = this.firstKept();
    // The largest c in [first, total] with every change before c sampled at or before `events`.
    let lo = first;
    let hi = this.total;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.times[(mid - 1) % this.times.length] <= events) lo = mid;
      else hi = mid - 1;
    }
    let kf = this.firstKeyframe()!;
    for (let j = this.keyframes.length - 1; j >= 0; j--) {
      const k = this.keyframes[j];
      if (k.changes >= first && k.changes <= lo && k.events <= events) {
        kf = k;
        break;
      }
    }
    const state = Array.from(kf.values);
    for (let c = kf.changes; c < lo; c++) {
      const p = c % this.times.length;
      state[this.keys[p]] = this.values[p];
    }
    const b = new ComponentsBuilder();
    for (let i = 0; i < state.length; i++) {
      const v = state[i];
      if (v === v) b.add(this.kinds[i], this.names[i], v, this.slots[i]);
    }
    return b.build();
  }

  private firstKept(): number {
    return Math.max(0, this.total - this.times.length);
  }

  private keyframe(events: number): void {
    this.keyframes.push({ changes: this.total, events, values: Float64Array.from(this.current) });
    // A keyframe whose following changes have left the ring can no longer be completed.
    const first = this.total + 1 - this.capacity;
    let drop = 0;
    while (drop < this.keyframes.length - 1 && this.keyframes[drop].changes < first) drop++;
    if (drop > 0) this.keyframes = this.keyframes.slice(drop);
  }

  private push(events: number, key: number, value: number): void {
    if (this.total === this.times.length && this.total < this.capacity) {
      const size = Math.min(this.capacity, 2 * this.times.length);
      this.times = grow(this.times, new Float64Array(size));
      this.keys = grow(this.keys, new Uint16Array(size));
      this.values = grow(this.values, new Float64Array(size));
    }
    const p = this.total % this.times.length;
    this.times[p] = events;
    this.keys[p] = key;
    this.values[p] = value;
    this.total++;
  }
}

function grow<T extends Float64Array | Uint16Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
