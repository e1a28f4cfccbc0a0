import { Processor, type WorkItem } from '../../engine/processor.ts';
import type { RandomStream } from '../../engine/rng.ts';
import type { Simulator } from '../../engine/simulator.ts';
import type { Category, DomainKind } from '../categories.ts';
import type { ModelContext } from '../context.ts';
import type { Core } from './core.ts';

/**
 * A vCPU's work item, after a wake-up latency which started at `sinceNs` (none when `latencyNs` is
 * 0). The Processor reads `stallNs` when the work starts: only the part of the latency that has not
 * yet elapsed then holds the processor idle. A wake-up queued behind other work overlaps its latency
 * with that work, so a busy vCPU is never held idle for a latency that already ran out while it was
 * working. One class for all of a vCPU's items keeps the processor's reads of them monomorphic.
 * Items are reused (see `Vcpu.spare`): a run has millions, at most a few dozen pending at a time.
 */
class VcpuWork implements WorkItem {
  // Declared, then assigned in `set`: as class fields each would first be defined as undefined.
  declare private sim: Simulator;
  declare private sinceNs: number;
  declare private latencyNs: number;
  declare owner: string;
  declare category: string;
  declare durationNs: number;
  declare label: string;
  declare messageId: number;
  declare onDone: ((arg: unknown) => void) | undefined;
  declare doneArg: unknown;

  constructor(sim: Simulator) {
    this.sim = sim;
    this.set(0, 0, '', '', 0, '', -1, undefined, undefined);
  }

  set(
    sinceNs: number,
    latencyNs: number,
    owner: string,
    category: string,
    durationNs: number,
    label: string,
    messageId: number,
    onDone: ((arg: unknown) => void) | undefined,
    doneArg: unknown,
  ): this {
    this.sinceNs = sinceNs;
    this.latencyNs = latencyNs;
    this.owner = owner;
    this.category = category;
    this.durationNs = durationNs;
    this.label = label;
    this.messageId = messageId;
    this.onDone = onDone;
    this.doneArg = doneArg;
    return this;
  }

  get stallNs(): number {
    return this.latencyNs === 0 ? 0 : Math.max(0, this.sinceNs + this.latencyNs - this.sim.now);
  }
}

/**
 * A vCPU (or, natively, a core). While its host has a core for each vCPU (`hostCores`), it runs on
 * its own core, as in the poster's set-up; otherwise it shares one (`core`) with other vCPUs. It is
 * blocked when it has nothing to do, unless its application busy-polls (`spinning`) or it runs a
 * polling loop (`polling`, the stub domain): then an event finds it running.
 */
export class Vcpu {
  /** This vCPU's time: what it ran, charged per (domain, category), and its trace lane. */
  readonly cpu: Processor;
  spinning = false;
  polling = false;
  /** The physical core it shares with other vCPUs, or null when it has one of its own. */
  core: Core | null = null;
  /** Work queued on a shared core, not yet started: the vCPU is runnable, not blocked. */
  waitingOnCore = 0;
  /** Coefficient of variation of CPU work (0: every cost exactly as in the table). */
  private readonly jitterCv: number;
  private readonly random: RandomStream;
  /** A PV kernel's TCP/IP costs `pvTcpFactor` times native (calibration B); 1 natively. */
  private readonly tcpScale: number;
  private readonly sim: Simulator;

  constructor(
    ctx: ModelContext,
    readonly domain: Domain,
    readonly index: number,
  ) {
    this.sim = ctx.sim;
    this.cpu = new Processor(ctx.sim, `h${domain.host}/${domain.id}/vcpu${index}`);
    this.jitterCv = ctx.costs.p.jitterPct / 100;
    this.random = ctx.sim.rng(this.cpu.name);
    this.tcpScale = domain.pv ? ctx.costs.p.pvTcpFactor : 1;
    // The processor has read a finished item (and its continuation): the item may be reused.
    this.cpu.recycle = (item) => {
      const w = item as VcpuWork;
      w.onDone = undefined; // nothing stays reachable from a spare item
      w.doneArg = undefined;
      this.spare.push(w);
    };
  }

  /** Finished work items, to reuse. */
  private readonly spare: VcpuWork[] = [];

  private item(): VcpuWork {
    return this.spare.pop() ?? new VcpuWork(this.sim);
  }

  /** A cost as this run draws it: log-normal around the table's value when jitter is on. */
  private draw(durationNs: number): number {
    if (this.jitterCv === 0 || durationNs === 0) return durationNs;
    return Math.max(0, Math.round(durationNs * this.random.logNormal(1, this.jitterCv)));
  }

  /** The cost of `category` work in this domain's kernel. */
  private cost(category: Category, durationNs: number): number {
    const ns =
      category === 'tcpip' && this.tcpScale !== 1 ? Math.round(durationNs * this.tcpScale) : durationNs;
    return this.draw(ns);
  }

  get name(): string {
    return this.cpu.name;
  }

  get kind(): DomainKind {
    return this.domain.kind;
  }

  /** Running or runnable (work in service, or queued on its shared core). */
  get busy(): boolean {
    return this.cpu.busy || this.waitingOnCore > 0;
  }

  /** Nothing to run and nobody spinning: an event must wake it through Xen's scheduler. */
  get blocked(): boolean {
    return !this.busy && !this.spinning && !this.polling;
  }

  /**
   * Queues `durationNs` of CPU work charged to (this domain, category); `then(arg)` runs after it.
   * Hot paths pass a handler bound once and the per-packet state as `arg`, not a fresh closure.
   */
  run<A>(
    category: Category,
    durationNs: number,
    label: string,
    messageId: number,
    then?: (arg: A) => void,
    arg?: A,
  ): void {
    const workNs = this.cost(category, durationNs);
    this.submit(
      this.item().set(
        0,
        0,
        this.domain.kind,
        category,
        workNs,
        label,
        messageId,
        then as ((arg: unknown) => void) | undefined,
        arg,
      ),
    );
  }

  /**
   * As `run`, after a scheduling latency of `stallNs` that starts now and is not charged. On an
   * idle vCPU the latency is idle time; on a busy one it overlaps with the work in progress.
   */
  runAfterStall(
    category: Category,
    stallNs: number,
    durationNs: number,
    label: string,
    messageId: number,
    then?: () => void,
  ): void {
    const workNs = this.cost(category, durationNs);
    const latencyNs = this.draw(stallNs);
    this.submit(
      this.item().set(
        this.sim.now,
        latencyNs,
        this.domain.kind,
        category,
        workNs,
        label,
        messageId,
        then,
        undefined,
      ),
    );
  }

  private submit(item: WorkItem): void {
    if (this.core) this.core.submit(this, item);
    else this.cpu.submit(item);
  }
}

/** A domain (or a native Linux host) with its vCPUs. `pv`: a paravirtualized Xen domain. */
export class Domain {
  readonly vcpus: Vcpu[];
  /** For guest VMs, the index on the host (`vm3` → 3); -1 otherwise. */
  readonly vmIndex: number;

  constructor(
    ctx: ModelContext,
    readonly host: number,
    readonly id: string,
    readonly kind: DomainKind,
    vcpuCount: number,
    readonly pv: boolean,
  ) {
    this.vcpus = Array.from({ length: vcpuCount }, (_, i) => new Vcpu(ctx, this, i));
    this.vmIndex = kind === 'vm' ? Number(id.slice(2)) : -1;
  }

  /** vCPU `i`, or the last one when the domain has fewer. */
  vcpu(i: number): Vcpu {
    return this.vcpus[Math.min(i, this.vcpus.length - 1)];
  }
}
