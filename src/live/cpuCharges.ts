import type { WorkItem } from '../engine/processor.ts';
import type { ModelRun } from '../model/run.ts';
import { allVcpus } from '../model/topology.ts';

/**
 * Every CPU charge of a run's vCPUs as it happens: which (vCPU, domain, category) row, how many ns,
 * and the event that made it. A processor charges an item when it finishes (one item per event),
 * so the accounting after `k` events is the accounting at the head less the charges made by events
 * after `k`: that is how the cards read "spent so far" at the cursor, exactly, without a copy of
 * the accounting per event.
 *
 * The charges sit in a ring as wide as the run's event-time ring (`capacity`): the cursor never
 * goes back further than the event times kept, and at most one charge is made per event, so every
 * charge after the cursor is still here.
 */

/** The ring starts this small and doubles up to its capacity. */
const FIRST_ALLOCATION = 16_384;
/** Durations are kept as Uint32: a longer charge (never seen; 4.29 s of CPU in one item) is split. */
const MAX_PIECE_NS = 0xffff_ffff;

/** A row of the accounting: what one vCPU charged to one domain and category. */
export interface ChargeRow {
  readonly vcpu: string;
  readonly owner: string;
  readonly category: string;
  /** The event count of its first charge: a run stopped before it has no such row yet. */
  readonly firstEvents: number;
}

/** Per vCPU: its rows by (owner, category), scanned from the last one charged (usually charged again). */
interface VcpuRows {
  readonly name: string;
  readonly owners: string[];
  readonly categories: string[];
  readonly rows: number[];
  last: number;
}

export class CpuCharges {
  private readonly rowList: ChargeRow[] = [];
  private eventsOf: Float64Array;
  private nsOf: Uint32Array;
  private rowOf: Uint16Array;
  /** Index of the oldest charge kept, and how many are kept. */
  private start = 0;
  private size = 0;
  /** The largest event count among the charges dropped from the ring (0: none dropped). */
  private droppedThroughEvents = 0;

  /**
   * `recording.enabled` is false while a replay runs far from its target (RecordedRun.fastForward):
   * the cursor never goes back there (the event times start again after it), so those charges are
   * not kept, only their rows.
   */
  constructor(
    private readonly run: ModelRun,
    readonly capacity: number,
    private readonly recording: { readonly enabled: boolean } = { enabled: true },
  ) {
    if (!(capacity >= 2) || !Number.isInteger(capacity))
      throw new RangeError('capacity must be an integer ≥ 2');
    const n = Math.min(capacity, FIRST_ALLOCATION);
    this.eventsOf = new Float64Array(n);
    this.nsOf = new Uint32Array(n);
    this.rowOf = new Uint16Array(n);
    // Chained before the processor's own hook (a vCPU reuses its items): the item is read first.
    for (const v of allVcpus(run.topology)) {
      const rows: VcpuRows = { name: v.name, owners: [], categories: [], rows: [], last: 0 };
      const cpu = v.cpu;
      const recycle = cpu.recycle;
      cpu.recycle = (item) => {
        this.charge(rows, item);
        recycle?.(item);
      };
    }
  }

  /** The rows charged so far, in first-charged order. */
  get rows(): readonly ChargeRow[] {
    return this.rowList;
  }

  /** Whether every charge made after `events` events is still kept (so `laterNs(events)` is exact). */
  covers(events: number): boolean {
    return events >= this.droppedThroughEvents;
  }

  /**
   * ns charged to each row (index into `rows`) by the events after the first `events`; throws when
   * some of them are no longer kept.
   */
  laterNs(events: number): Float64Array {
    if (!this.covers(events))
      throw new RangeError(`the CPU charges after event ${events} are no longer kept`);
    const out = new Float64Array(this.rowList.length);
    const cap = this.eventsOf.length;
    // Event counts only grow: find the first charge after `events` by bisection, then add up the rest.
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.eventsOf[(this.start + mid) % cap] > events) hi = mid;
      else lo = mid + 1;
    }
    for (let i = lo; i < this.size; i++) {
      const j = (this.start + i) % cap;
      out[this.rowOf[j]] += this.nsOf[j];
    }
    return out;
  }

  get byteLength(): number {
    return this.eventsOf.byteLength + this.nsOf.byteLength + this.rowOf.byteLength;
  }

  private charge(v: VcpuRows, item: WorkItem): void {
    const { owner, category } = item;
    let i = v.last;
    if (v.owners[i] !== owner || v.categories[i] !== category) {
      const n = v.owners.length;
      for (i = 0; i < n; i++) if (v.owners[i] === owner && v.categories[i] === category) break;
      if (i === n) {
        if (this.rowList.length > 0xffff) throw new RangeError('more CPU accounting rows than the log holds');
        v.owners.push(owner);
        v.categories.push(category);
        v.rows.push(this.rowList.length);
        this.rowList.push({ vcpu: v.name, owner, category, firstEvents: this.run.sim.eventsProcessed });
      }
      v.last = i;
    }
    if (!this.recording.enabled) {
      this.droppedThroughEvents = this.run.sim.eventsProcessed; // not kept: as if dropped
      return;
    }
    const row = v.rows[i];
    let ns = item.durationNs;
    do {
      const piece = Math.min(ns, MAX_PIECE_NS);
      this.push(row, piece);
      ns -= piece;
    } while (ns > 0);
  }

  private push(row: number, ns: number): void {
    if (this.size === this.eventsOf.length) {
      if (this.size < this.capacity) this.grow();
      else {
        this.droppedThroughEvents = this.eventsOf[this.start];
        if (++this.start === this.eventsOf.length) this.start = 0;
        this.size--;
      }
    }
    let j = this.start + this.size;
    if (j >= this.eventsOf.length) j -= this.eventsOf.length;
    this.eventsOf[j] = this.run.sim.eventsProcessed;
    this.nsOf[j] = ns;
    this.rowOf[j] = row;
    this.size++;
  }

  /** Twice the room (up to the capacity), the kept charges first in order. */
  private grow(): void {
    const cap = this.eventsOf.length;
    const next = Math.min(this.capacity, cap * 2);
    const events = new Float64Array(next);
    const ns = new Uint32Array(next);
    const rows = new Uint16Array(next);
    for (let i = 0; i < this.size; i++) {
      const j = (this.start + i) % cap;
      events[i] = this.eventsOf[j];
      ns[i] = this.nsOf[j];
      rows[i] = this.rowOf[j];
    }
    this.eventsOf = events;
    this.nsOf = ns;
    this.rowOf = rows;
    this.start = 0;
  }
}
