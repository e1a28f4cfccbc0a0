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
  readonly onDone?: () => void;
}

/**
 * A processor (a physical core or a vCPU) serving work items one at a time, first come first
 * served, and accounting busy nanoseconds per (owner, category) pair. Time is charged when an item
 * completes, so at any moment the sum over pairs equals `busyNs` and never exceeds elapsed time.
 */
export class Processor {
  private readonly queue: WorkItem[] = [];
  private head = 0;
  private current: WorkItem | null = null;
  private currentStartNs = 0;
  /** Busy ns by owner, then category: nested maps, so charging allocates nothing. */
  private readonly busyByPair = new Map<string, Map<string, number>>();
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
    return this.queue.length - this.head;
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
    const stallNs = item.stallNs ?? 0;
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

  /** Busy nanoseconds per (owner, category), in first-charged order. */
  accounting(): { owner: string; category: string; busyNs: number }[] {
    return [...this.busyByPair].flatMap(([owner, byCategory]) =>
      [...byCategory].map(([category, busyNs]) => ({ owner, category, busyNs })),
    );
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
    this.sim.schedule(stallNs + item.durationNs, this.finish);
  }

  private readonly finish = (): void => {
    const item = this.current as WorkItem;
    const now = this.sim.now;
    let byCategory = this.busyByPair.get(item.owner);
    if (!byCategory) this.busyByPair.set(item.owner, (byCategory = new Map()));
    byCategory.set(item.category, (byCategory.get(item.category) ?? 0) + item.durationNs);
    this.busyTotalNs += item.durationNs;
    this.completed++;
    this.current = null;
    if (this.head < this.queue.length) {
      const next = this.queue[this.head];
      this.queue[this.head++] = undefined as unknown as WorkItem;
      if (this.head > 1024 && this.head * 2 > this.queue.length) {
        this.queue.splice(0, this.head);
        this.head = 0;
      }
      this.queued.add(now, -1);
      this.start(next);
    } else {
      this.lastIdleStartNs = now;
    }
    this.afterEach?.();
    item.onDone?.();
  };
}
