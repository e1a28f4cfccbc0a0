import type { LiveReadout } from './readout.ts';

/** Readouts kept: published ~8 times a second while playing, so about eight minutes of them. */
const READOUTS_KEPT = 4_096;

/**
 * The readouts the page was shown, in time order, so a past time shows the numbers of its moment:
 * the latest one taken at or before it. Bounded: the oldest go first.
 */
export class ReadoutLog {
  private readonly kept: LiveReadout[] = [];

  add(r: LiveReadout): void {
    const last = this.kept[this.kept.length - 1];
    if (last && r.nowNs < last.nowNs) return; // times never go back within a run
    if (last && r.nowNs === last.nowNs) this.kept[this.kept.length - 1] = r;
    else this.kept.push(r);
    if (this.kept.length > READOUTS_KEPT) this.kept.splice(0, this.kept.length - READOUTS_KEPT);
  }

  /** The latest readout taken at or before tNs, or null. */
  at(tNs: number): LiveReadout | null {
    let lo = 0;
    let hi = this.kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.kept[mid].nowNs <= tNs) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? this.kept[lo - 1] : null;
  }

  clear(): void {
    this.kept.length = 0;
  }
}
