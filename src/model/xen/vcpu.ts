import { Processor } from '../../engine/processor.ts';
import type { RandomStream } from '../../engine/rng.ts';
import type { Category, DomainKind } from '../categories.ts';
import type { ModelContext } from '../context.ts';

/**
 * A vCPU (or, natively, a core): a processor pinned to its own physical core, as in the poster's
 * set-up. It is blocked when it has nothing to do, unless its application busy-polls (`spinning`)
 * or it runs a polling loop (`polling`, the stub domain): then an event finds it running.
 */
export class Vcpu {
  readonly cpu: Processor;
  spinning = false;
  polling = false;
  /** Coefficient of variation of CPU work (0: every cost exactly as in the table). */
  private readonly jitterCv: number;
  private readonly random: RandomStream;

  constructor(
    ctx: ModelContext,
    readonly domain: Domain,
    readonly index: number,
  ) {
    this.cpu = new Processor(ctx.sim, `h${domain.host}/${domain.id}/vcpu${index}`);
    this.jitterCv = ctx.costs.p.jitterPct / 100;
    this.random = ctx.sim.rng(this.cpu.name);
  }

  /** A cost as this run draws it: log-normal around the table's value when jitter is on. */
  private draw(durationNs: number): number {
    if (this.jitterCv === 0 || durationNs === 0) return durationNs;
    return Math.max(0, Math.round(durationNs * this.random.logNormal(1, this.jitterCv)));
  }

  get name(): string {
    return this.cpu.name;
  }

  get kind(): DomainKind {
    return this.domain.kind;
  }

  /** Nothing to run and nobody spinning: an event must wake it through Xen's scheduler. */
  get blocked(): boolean {
    return !this.cpu.busy && !this.spinning && !this.polling;
  }

  /** Queues `durationNs` of CPU work charged to (this domain, category); `then` runs after it. */
  run(category: Category, durationNs: number, label: string, messageId: number, then?: () => void): void {
    this.cpu.submit({
      owner: this.domain.kind,
      category,
      durationNs: this.draw(durationNs),
      label,
      messageId,
      onDone: then,
    });
  }

  /** As `run`, held for `stallNs` first without charge (scheduling latency). */
  runAfterStall(
    category: Category,
    stallNs: number,
    durationNs: number,
    label: string,
    messageId: number,
    then?: () => void,
  ): void {
    this.cpu.submit({
      owner: this.domain.kind,
      category,
      durationNs: this.draw(durationNs),
      stallNs: this.draw(stallNs),
      label,
      messageId,
      onDone: then,
    });
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
