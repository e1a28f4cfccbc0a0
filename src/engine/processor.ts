import { Fifo } from './fifo.ts';
import type { Simulator } from './simulator.ts';
import { TimeWeighted } from './stats.ts';

export interface WorkItem {
  /** The domain charged for the time, e.g. `dom0`. */
  readonly owner: string;
  /** What the time is spent on, e.g. `grant-copy`. */
  readonly category: string;
  /** CPU time charged to (owner, category). */
  readonly durationNs: number;
  /**
   * Time the processor is held before the work, without being charged: e.g. a blocked vCPU that
   * Xen has to schedule back in. It shows in the trace as a `wait`/`latency` span.
   */
  readonly stallNs?: number;
  readonly messageId?: number;
  /** A short stage name for the trace; the category when absent. */
  readonly label?: string;
  /** Runs when the item is done, with `doneArg`: one function can serve many items, without a closure each. */
  readonly onDone?: (arg: unknown) => void;
  readonly doneArg?: unknown;
}

/**
 * A processor (a physical core or a vCPU) serving work items one at a time, first come first
 * served, and accounting busy nanoseconds per (owner, category) pair. Time is charged when an item
 * completes, so at any moment the sum over pairs equals `busyNs` and never exceeds elapsed time.
 */
export class Processor {
  private readonly queue = new Fifo<WorkItem>();
  private current: WorkItem | null = null;
  private currentStartNs = 0;
  /**
   * Busy ns by (owner, category) pair, in first-charged order, as parallel arrays: a processor
   * charges a handful of pairs millions of times, so a scan from the last pair charged (usually the
   * one charged again) is cheaper than two map look-ups per item.
   */
  private readonly pairOwner: string[] = [];
  private readonly pairCategory: string[] = [];
  private readonly pairBusyNs: number[] = [];
  private lastPair = 0;
  private busyTotalNs = 0;
  private lastIdleStartNs = 0;
  private readonly queued: TimeWeighted;
  completed = 0;
  /**
   * Called as each item finishes, after its time is charged and before its `onDone`: a shared
   * physical core uses it to start the next vCPU's item (one hook per processor, not a wrapper
   * object and closure per item).
   */
  afterEach: (() => void) | null = null;
  /**
   * Given each finished item once the processor has read it (before its `onDone` runs), so its
   * owner can reuse the object: a run has millions of items and only a few pending at a time.
   */
  recycle: ((item: WorkItem) => void) | null = null;

  constructor(
    private readonly sim: Simulator,
    readonly name: string,
  ) {
    this.queued = new TimeWeighted(sim.now);
  }

  get busy(): boolean {
    return this.current !== null;
  }

  /** Items waiting, not counting the one in service. */
  get queueLength(): number {
    return this.queue.length;
  }

  /** When the processor last became idle (its start time if it never worked). */
  get idleSinceNs(): number {
    return this.lastIdleStartNs;
  }

  /** Busy time charged so far (completed items only). */
  get busyNs(): number {
    return this.busyTotalNs;
  }

  /** Busy time including the elapsed part of the item in service. */
  busyNsAt(nowNs: number): number {
    return this.busyTotalNs + (this.current ? Math.max(0, nowNs - this.currentStartNs) : 0);
  }

  /** Busy fraction since the start of the run. */
  utilization(nowNs: number): number {
    return nowNs > 0 ? this.busyNsAt(nowNs) / nowNs : 0;
  }

  /** The time-weighted average number of waiting items. */
  averageQueueLength(nowNs: number): number {
    return this.queued.average(nowNs);
  }

  submit(item: WorkItem): void {
    const stallNs = item.stallNs ?? 0; // validated here; `start` reads it again (it may have shrunk)
    if (
      !(item.durationNs >= 0) ||
      !Number.isSafeInteger(item.durationNs) ||
      !(stallNs >= 0) ||
      !Number.isSafeInteger(stallNs)
    ) {
      throw new RangeError(
        `${this.name}: work of ${item.durationNs} ns after ${stallNs} ns (integers ≥ 0 expected)`,
      );
    }
    if (this.current === null) this.start(item);
    else {
      this.queue.push(item);
      this.queued.add(this.sim.now, 1);
    }
  }

  /**
   * Busy nanoseconds per (owner, category): owners in first-charged order, and each owner's
   * categories in first-charged order.
   */
  accounting(): { owner: string; category: string; busyNs: number }[] {
    const owners = [...new Set(this.pairOwner)];
    return owners.flatMap((owner) =>
      this.pairOwner.flatMap((o, i) =>
        o === owner ? [{ owner, category: this.pairCategory[i], busyNs: this.pairBusyNs[i] }] : [],
      ),
    );
  }

  /** Adds `ns` to the pair's busy time, adding the pair if it is new. */
  private charge(owner: string, category: string, ns: number): void {
    const owners = this.pairOwner;
    const categories = this.pairCategory;
    let i = this.lastPair;
    if (owners[i] !== owner || categories[i] !== category) {
      const n = owners.length;
      for (i = 0; i < n; i++) if (owners[i] === owner && categories[i] === category) break;
      if (i === n) {
        owners.push(owner);
        categories.push(category);
        this.pairBusyNs.push(0);
      }
      this.lastPair = i;
    }
    this.pairBusyNs[i] += ns;
  }

  private start(item: WorkItem): void {
    this.current = item;
    const now = this.sim.now;
    const stallNs = item.stallNs ?? 0;
    // Busy time starts after the stall: the stall is held but not charged.
    this.currentStartNs = now + stallNs;
    // The span is written when the work starts (its end is known), so a live view sees work in progress.
    const trace = this.sim.trace;
    if (trace.active) {
      const id = item.messageId ?? -1;
      if (stallNs > 0)
        trace.span(
          this.name,
          'wait',
          'latency',
          id,
          now,
          this.currentStartNs,
          item.label ? `${item.label} (latency)` : 'latency',
        );
      trace.span(
        this.name,
        item.owner,
        item.category,
        id,
        this.currentStartNs,
        this.currentStartNs + item.durationNs,
        item.label,
      );
    }
    this.sim.post(stallNs + item.durationNs, this.finish);
  }

  private readonly finish = (): void => {
    const item = this.current as WorkItem;
    const now = this.sim.now;
    this.charge(item.owner, item.category, item.durationNs);
    this.busyTotalNs += item.durationNs;
    this.completed++;
    this.current = null;
    const onDone = item.onDone;
    const doneArg = item.doneArg;
    const recycle = this.recycle;
    if (recycle) recycle(item);
    const next = this.queue.shift();
    if (next !== undefined) {
      this.queued.add(now, -1);
      this.start(next);
    } else {
      this.lastIdleStartNs = now;
    }
    const afterEach = this.afterEach;
    if (afterEach) afterEach();
    if (onDone) onDone(doneArg);
  };
}
